import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Austria (AT) under the GDPR", () => {
  gdprStateChecks("AT", { regulator: /Datenschutzbehörde/, neighbour: "DE" });

  it("finds remote access from the United States by a recipient not on the DPF List non-compliant", () => {
    const flow = onlyFlow(assessDataMap(single("AT", "US", { use: "access" })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toMatch(/^Remote access from the United States \(US\), which counts as a transfer,/);
    expect(flow.basis).toContain("covers only organisations on the Data Privacy Framework List");
  });
});
