import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Slovenia (SI) under the GDPR", () => {
  gdprStateChecks("SI", { regulator: /Informacijski pooblaščenec/, neighbour: "HR" });

  it("does not treat a generic contract as an Art. 46 transfer tool", () => {
    const flow = onlyFlow(assessDataMap(single("SI", "RS", { safeguards: ["contract"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("not an Art. 46 tool");
    expect(flow.citations).toContain("Decision (EU) 2021/915");
  });
});
