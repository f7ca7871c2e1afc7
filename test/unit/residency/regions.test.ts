import { describe, expect, it } from "vitest";
import { EEA, EU27, RegionSet, countryOf, isEEA, isEU, regionInfo } from "~/residency";

describe("residency regions", () => {
  it("count 27 EU states and 30 EEA states", () => {
    expect(EU27).toHaveLength(27);
    expect(EEA).toHaveLength(30);
    expect(isEU("NO")).toBe(false);
    expect(isEEA("NO")).toBe(true);
    expect(isEEA("CH")).toBe(false);
    expect(isEEA("GB")).toBe(false);
  });

  it("place a subdivision in its country's blocs", () => {
    expect(isEU("DE-BY")).toBe(true);
    expect(countryOf("CA-QC")).toBe("CA");
  });

  it("let a country cover its subdivisions but not a subdivision cover its country", () => {
    const canada = new RegionSet(["CA"]);
    const quebec = new RegionSet(["CA-QC"]);
    expect(canada.has("CA-QC")).toBe(true);
    expect(quebec.has("CA-QC")).toBe(true);
    expect(quebec.has("CA")).toBe(false);
    expect(quebec.has("CA-ON")).toBe(false);
  });

  it("judge EU outermost regions with codes of their own as part of their state, with a flag", () => {
    const reunion = regionInfo("RE");
    expect(reunion.country).toBe("FR");
    expect(reunion.territoryFlag?.citations).toContain("TFEU Art. 349");
    expect(isEU("RE")).toBe(true);
    expect(regionInfo("AX").country).toBe("FI");
    expect(isEU("NC")).toBe(false);
  });

  it("label regions for sentences with the article some names take", () => {
    expect(regionInfo("US").label).toBe("the United States (US)");
    expect(regionInfo("NL").label).toBe("the Netherlands (NL)");
    expect(regionInfo("DE").label).toBe("Germany (DE)");
  });
});
