import { describe, expect, it } from "vitest";
import { EEA, catalogue, jurisdictionsFor, listJurisdictions, rulesVersion, type Source } from "~/residency";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const sourceDate = /^(\d{4}(-\d{2}(-\d{2})?)?|undated)$/;

function checkSources(sources: readonly Source[], where: string) {
  for (const source of sources) {
    expect(() => new URL(source.url), `${where}: ${source.url}`).not.toThrow();
    expect(source.url, where).toMatch(/^https?:\/\//);
    expect(source.url, `${where}: a URL elided with "..." is not a source`).not.toContain("...");
    expect(source.date, `${where}: ${source.url}`).toMatch(sourceDate);
  }
}

describe("the jurisdiction catalogue", () => {
  it("covers the 30 EEA states one by one, the United Kingdom and Switzerland", () => {
    const codes = catalogue.jurisdictions.map((j) => j.code);
    expect(codes).toEqual(expect.arrayContaining([...EEA, "GB", "CH"]));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("is versioned by the date of its latest review, 23 Nov 2026", () => {
    expect(rulesVersion).toBe("2026-11-23");
    for (const { def } of catalogue.jurisdictions) {
      expect(def.reviewed).toMatch(isoDate);
      expect(def.reviewed <= rulesVersion).toBe(true);
    }
  });

  it("gives every rule a citation and every source a real URL and a date", () => {
    for (const { def } of catalogue.jurisdictions) {
      const t = def.transfer;
      expect(def.sources.length, def.code).toBeGreaterThan(0);
      expect(def.regulator.url, def.code).toMatch(/^https:\/\//);
      checkSources(def.sources, def.code);
      checkSources(def.regulator.sources, `${def.code} regulator`);
      expect(t.citations.length, def.code).toBeGreaterThan(0);
      expect(t.domestic.citations.length, def.code).toBeGreaterThan(0);
      const rules = [...t.whitelist, ...t.mechanisms, ...def.localization, ...def.sectorRules, ...def.breach];
      for (const rule of rules) {
        expect(rule.citations.length, `${def.code}: ${JSON.stringify(rule).slice(0, 80)}`).toBeGreaterThan(0);
        expect(rule.sources.length, `${def.code}: ${JSON.stringify(rule).slice(0, 80)}`).toBeGreaterThan(0);
        checkSources(rule.sources, def.code);
      }
      for (const instrument of def.instruments) checkSources(instrument.sources, `${def.code} ${instrument.id}`);
    }
  });

  it("gives every verify flag a note, and lets only unconfirmed listings be scored as not adequate", () => {
    for (const { def } of catalogue.jurisdictions) {
      const t = def.transfer;
      for (const item of [...t.whitelist, ...t.mechanisms, ...(t.insufficient ?? []), ...def.localization, ...def.sectorRules, ...def.breach, ...(def.facts ?? [])]) {
        if (item.verify) expect(item.verifyNote.length, def.code).toBeGreaterThan(20);
      }
      for (const entry of t.whitelist) if (entry.scoredAsNotAdequate) expect(entry.verify, `${def.code}: ${entry.label}`).toBe(true);
    }
  });

  it("holds no adequacy decision that had expired by its review date", () => {
    for (const { def } of catalogue.jurisdictions) {
      for (const entry of def.transfer.whitelist) {
        if (entry.validUntil) expect(entry.validUntil > def.reviewed, `${def.code}: ${entry.label}`).toBe(true);
      }
    }
  });
});

describe("listJurisdictions", () => {
  it("gives one plain object per jurisdiction with code, name, reviewed date, sources and verify items", () => {
    const list = listJurisdictions();
    expect(list).toHaveLength(catalogue.jurisdictions.length);
    for (const entry of list) {
      expect(entry).toEqual(
        expect.objectContaining({ code: expect.any(String), name: expect.any(String), reviewed: expect.stringMatching(isoDate) }),
      );
      expect(entry.sources.length).toBeGreaterThan(0);
      expect(new Set(entry.sources.map((s) => s.url)).size).toBe(entry.sources.length);
      expect(Array.isArray(entry.verify)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });

  it("lists the facts still to verify, such as the Brazil question for Norway and the Faroe Islands for the UK", () => {
    const byCode = new Map(listJurisdictions().map((j) => [j.code, j]));
    expect(byCode.get("NO")!.verify.map((v) => v.note).join("\n")).toContain("incorporated into the EEA Agreement");
    expect(byCode.get("DE")!.verify.map((v) => v.note).join("\n")).not.toContain("incorporated into the EEA Agreement");
    expect(byCode.get("GB")!.verify.map((v) => v.note).join("\n")).toContain("Faroe Islands");
    const appeal = byCode.get("FR")!.verify.find((v) => v.note.includes("C-703/25 P"));
    expect(appeal?.citations).toContain("Decision (EU) 2023/1795");
  });
});

describe("jurisdictionsFor", () => {
  it("names the catalogue entries whose rules apply to people in a region", () => {
    expect(jurisdictionsFor("FR").map((j) => j.code)).toEqual(["FR"]);
    expect(jurisdictionsFor("GB-SCT").map((j) => j.code)).toEqual(["GB"]);
    expect(jurisdictionsFor("RE").map((j) => j.code)).toEqual(["FR"]);
    expect(jurisdictionsFor("EG")).toEqual([]);
  });
});
