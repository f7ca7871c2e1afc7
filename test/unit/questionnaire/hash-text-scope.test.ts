import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "~/questionnaire/hash";
import { text } from "~/questionnaire/localized";
import { parseScopeForm, ScopeInputSchema } from "~/questionnaire/scope";

describe("content hash", () => {
  it.each(["", "abc", "a".repeat(56), "Québec – 東京".repeat(40)])("matches node's sha256 for %j", (input) => {
    expect(sha256Hex(input)).toBe(createHash("sha256").update(input).digest("hex"));
  });

  it("is taken over JSON with sorted keys, so key order does not matter", () => {
    expect(canonicalJson({ b: [1, { d: null, c: "x" }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
  });
});

describe("text", () => {
  const label = { en: "Storage location", de: "Speicherort" };
  it("gives the requested locale, its base language, or English", () => {
    expect(text(label, "de")).toBe("Speicherort");
    expect(text(label, "de-CH")).toBe("Speicherort");
    expect(text(label, "fr")).toBe("Storage location");
    expect(text(label)).toBe("Storage location");
  });
});

describe("ScopeInputSchema", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };

  it("parses the scoping form into the DataMap scope", () => {
    const parsed = ScopeInputSchema.parse(
      form([
        ["subjects", "DE"],
        ["subjects", "CA-QC, US-CA"],
        ["categories", "contact"],
        ["categories", "health"],
        ["sector", "health"],
        ["subjectsCount", "25,000"],
      ]),
    );
    expect(parsed).toEqual({ subjects: ["DE", "CA-QC", "US-CA"], categories: ["contact", "health"], sector: "health", subjectsCount: 25000 });
  });

  it("leaves the number of people out when the field is blank", () => {
    expect(parseScopeForm(form([["subjects", "FR"], ["sector", "general"], ["subjectsCount", ""]]))).toEqual({
      ok: true,
      scope: { subjects: ["FR"], categories: [], sector: "general" },
    });
  });

  it("names the field of each error", () => {
    expect(parseScopeForm(form([["subjects", "de"], ["categories", "gossip"], ["subjectsCount", "lots"]]))).toEqual({
      ok: false,
      errors: {
        subjects: 'Region 1: must be an ISO 3166 code such as "DE" or "CA-QC" (upper case), or AE-DIFC or AE-ADGM',
        categories: "Choose categories from the list",
        sector: "Choose a sector",
        subjectsCount: "Enter a whole number of people, like 25000",
      },
    });
    expect(parseScopeForm(form([["sector", "finance"]]))).toEqual({
      ok: false,
      errors: { subjects: "Choose at least one region where the people in the CRM are" },
    });
  });
});
