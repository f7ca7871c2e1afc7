import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Czechia (CZ) under the GDPR", () => {
  gdprStateChecks("CZ", { regulator: /ÚOOÚ/, neighbour: "SK" });

  it("does not accept the data subjects' consent as the basis for systematic hosting in India", () => {
    const flow = onlyFlow(assessDataMap(single("CZ", "IN", { safeguards: ["consent"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("not a basis for systematic CRM hosting");
    expect(flow.citations).toContain("GDPR Art. 49(1)(a)");
  });
});
