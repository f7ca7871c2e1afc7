import { describe, expect, it } from "vitest";
import { allCountries, regionLabel, regionName } from "~/geo/regions";
import { formatDate, formatNumber } from "~/ui/format";

describe("region names", () => {
  it("give a country its common English name and its code", () => {
    expect(regionLabel("DE")).toBe("Germany (DE)");
    expect(regionLabel("US")).toBe("United States (US)");
    expect(regionLabel("RU")).toBe("Russia (RU)");
  });

  it("name a known subdivision with its country", () => {
    expect(regionName("CA-QC")).toBe("Québec, Canada");
    expect(regionLabel("US-CA")).toBe("California, United States (US-CA)");
  });

  it("fall back to the country and the code for a subdivision it does not know", () => {
    expect(regionName("FR-IDF")).toBe("France (IDF)");
  });

  it("list every ISO 3166-1 country for pickers, sorted by name", () => {
    const list = allCountries();
    expect(list.length).toBeGreaterThanOrEqual(249);
    const names = list.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b, "en"))).toEqual(names);
  });
});

describe("dates", () => {
  it("read the same everywhere: day, month name, year", () => {
    expect(formatDate(new Date("2026-11-22T10:00:00Z"))).toBe("22 Nov 2026");
    expect(formatDate("2027-01-05")).toBe("5 Jan 2027");
  });

  it("abbreviate every month to three letters, whatever the machine's ICU says", () => {
    expect(formatDate("2026-09-10")).toBe("10 Sep 2026");
    expect(formatDate("2026-06-30")).toBe("30 Jun 2026");
  });
});

describe("numbers", () => {
  it("group thousands with commas and keep decimals", () => {
    expect(formatNumber(850_000)).toBe("850,000");
    expect(formatNumber(1_234_567.5)).toBe("1,234,567.5");
    expect(formatNumber(-1200)).toBe("-1,200");
    expect(formatNumber(42)).toBe("42");
  });
});
