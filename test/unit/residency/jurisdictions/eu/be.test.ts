import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Belgium (BE) under the GDPR", () => {
  gdprStateChecks("BE", { regulator: /APD\/GBA/, neighbour: "NL" });

  it("permits a backup in Japan under the EU adequacy decision and states its APPI scope", () => {
    const flow = onlyFlow(assessDataMap(single("BE", "JP", { use: "backup" })));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toMatch(/^A backup in Japan \(JP\), which counts as storage,/);
    expect(flow.basis).toContain("APPI business operator");
    expect(flow.citations).toContain("Decision (EU) 2019/419");
  });
});
