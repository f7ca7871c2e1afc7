import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { dataMap, flagTexts, onlyFlow, vendor } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Spain (ES) under the GDPR", () => {
  gdprStateChecks("ES", { regulator: /AEPD/, neighbour: "PT" });

  it("flags that member-state health-data rules are outside the catalogue when the buyer is in health", () => {
    const map = dataMap({ subjects: ["ES"], sector: "health", parties: [vendor({ locations: [{ region: "ES", use: "storage" }] })] });
    const result = assessDataMap(map);
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(result.flags.map((f) => f.citations).flat()).toContain("GDPR Art. 9(4)");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: member-state sectoral localization"))).toBe(true);
  });
});
