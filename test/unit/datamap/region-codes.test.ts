import { describe, expect, it } from "vitest";
import { DataMapSchema } from "~/datamap/schema";

const mapAt = (region: string, subject = "DE") => ({
  scope: { subjects: [subject], categories: ["contact"], sector: "general" },
  parties: [{ id: "vendor", name: "Vendor Ltd", role: "vendor", locations: [{ region, use: "storage" }], safeguards: [] }],
});

describe("region codes in a DataMap", () => {
  it("accepts countries, real ISO 3166-2 subdivisions and the two free zones", () => {
    for (const region of ["DE", "CA-QC", "US-CA", "DE-BY", "FR-75C", "AE-DIFC", "AE-ADGM"]) {
      expect(DataMapSchema.safeParse(mapAt(region)).success, region).toBe(true);
    }
  });

  it("refuses a made-up subdivision of a real country, naming the field", () => {
    const result = DataMapSchema.safeParse(mapAt("DE-ZZ", "CA-XX"));
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toEqual([
      "scope.subjects.0: is not an ISO 3166-2 subdivision of its country",
      "parties.0.locations.0.region: is not an ISO 3166-2 subdivision of its country",
    ]);
  });
});
