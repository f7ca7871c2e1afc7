import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Croatia (HR) under the GDPR", () => {
  gdprStateChecks("HR", { regulator: /AZOP/, neighbour: "SI" });

  it("permits storage in Canada and says it relies on the recipient being subject to PIPEDA", () => {
    const flow = onlyFlow(assessDataMap(single("HR", "CA-ON")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("taken to be subject to PIPEDA");
    expect(flow.citations).toContain("GDPR Art. 45(9)");
  });
});
