import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Bulgaria (BG) under the GDPR", () => {
  gdprStateChecks("BG", { regulator: /CPDP/, neighbour: "RO" });

  it("needs a safeguard for Korea when the CRM holds credit information, which the EU decision excludes", () => {
    const withCredit = onlyFlow(assessDataMap(single("BG", "KR", { categories: ["contact", "credit-information"] })));
    expect(withCredit.verdict).toBe("non-compliant");
    expect(withCredit.basis).toContain("excludes personal credit information");
    const withoutCredit = onlyFlow(assessDataMap(single("BG", "KR", { categories: ["contact"] })));
    expect(withoutCredit.verdict).toBe("permitted");
    expect(withoutCredit.citations).toContain("Decision (EU) 2022/254");
  });
});
