import { iso31662 } from "iso-3166/2";
import { describe, expect, it } from "vitest";
import { packedSubdivisionCodes } from "~/geo/subdivision-codes";
import { packSubdivisionCodes } from "~/geo/subdivision-codes-source";

describe("the packed ISO 3166-2 codes", () => {
  it("are every code of the iso-3166 package, so the generated file cannot drift from it (npm run geo:subdivisions)", () => {
    expect(packedSubdivisionCodes).toBe(packSubdivisionCodes(iso31662.map((entry) => entry.code)));
    expect(iso31662.length).toBeGreaterThan(5000);
  });

  it("hold the provinces and states the catalogue names", () => {
    for (const code of ["CA-QC", "CA-NS", "CA-BC", "CA-AB", "US-CA", "AU-NSW"]) {
      const [country, sub] = code.split("-");
      expect(packedSubdivisionCodes).toMatch(new RegExp(`(^|;)${country}:([^;]*,)?${sub}(,|;|$)`));
    }
  });
});
