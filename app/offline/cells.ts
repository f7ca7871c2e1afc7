import { allCountries, knownSubdivisions, regionLabel } from "~/geo/regions";
import { text, type CellValue, type Choice, type Question, type RuntimeColumn } from "~/questionnaire";

// How one answer cell of the offline workbook reads and writes: what a vendor
// sees ("Germany (DE)", "Yes", a choice's label) and how it turns back into
// the form text the questionnaire's own parseAnswerInput validates.

export type Definition = Question | RuntimeColumn;

export const YES = "Yes";
export const NO = "No";

/** A value exceljs reads from a cell, made plain. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? YES : NO;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v || "formula" in v) return cellText(v.result);
    if (typeof v.text === "string") return v.text;
    if (typeof v.error === "string") return v.error;
  }
  return String(value);
}

/** What the export writes into an answer cell for one stored value. */
export function writeCell(definition: Definition, value: CellValue | undefined): string | number | null {
  if (value === undefined || value === null || value === "") return null;
  switch (definition.type) {
    case "single":
      return choiceLabel(definition.choices, String(value));
    case "multi":
      return (Array.isArray(value) ? value : [String(value)]).map((v) => choiceLabel(definition.choices, v)).join("; ");
    case "bool":
      return value === true ? YES : value === false ? NO : String(value);
    case "country":
      return regionLabel(String(value));
    case "countries":
    case "file":
      return (Array.isArray(value) ? value : [String(value)]).join(", ");
    case "number":
      return typeof value === "number" ? value : String(value);
    default:
      return String(value);
  }
}

function choiceLabel(choices: readonly Choice[], value: string): string {
  const choice = choices.find((c) => c.value === value);
  return choice ? text(choice.label) : value;
}

function normal(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A choice's value from its label or its value, whatever the case; what was written when it is neither, for the validator to name. */
export function readChoice(choices: readonly Choice[], written: string): string {
  const wanted = normal(written);
  const choice = choices.find((c) => normal(text(c.label)) === wanted || c.value === wanted);
  return choice ? choice.value : written.trim();
}

/** "Yes" and "No" in the words people write them; anything else is passed on for the validator to refuse. */
export function readBool(written: string): string {
  const w = normal(written);
  if (["yes", "y", "true", "ja", "oui"].includes(w)) return "yes";
  if (["no", "n", "false", "nein", "non"].includes(w)) return "no";
  return written.trim();
}

/** A region code from "Germany (DE)" or "DE". */
export function readRegion(written: string): string {
  const match = /\(([A-Za-z]{2}(?:-[A-Za-z0-9]{1,5})?)\)\s*$/.exec(written.trim());
  return (match ? match[1]! : written.trim()).toUpperCase();
}

/** A cell as the form field text(s) the questionnaire's validation takes. */
export function readCell(definition: Definition, written: string): string | string[] {
  const trimmed = written.trim();
  if (trimmed === "") return [];
  switch (definition.type) {
    case "single":
      return readChoice(definition.choices, trimmed);
    case "multi":
      return trimmed
        .split(/[;\n]+/)
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .map((part) => readChoice(definition.choices, part));
    case "bool":
      return readBool(trimmed);
    case "country":
      return readRegion(trimmed);
    case "countries":
      return trimmed
        .split(/[,;\n]+/)
        .map((part) => part.trim())
        .filter((part) => part !== "")
        .map(readRegion);
    default:
      return trimmed;
  }
}

/** A tick beside one option of a list: "Yes" (or x, ✓); blank or "No" is not ticked. */
export function readTick(written: string): "ticked" | "not-ticked" | "unclear" {
  const w = normal(written);
  if (w === "" || w === "no" || w === "n") return "not-ticked";
  if (["yes", "y", "x", "✓", "✔", "true"].includes(w)) return "ticked";
  return "unclear";
}

/** The entries of a country drop-down: every country, and the named subdivisions where the question takes them. */
export function regionChoices(subdivisions: boolean): string[] {
  const list = allCountries().map((c) => regionLabel(c.code));
  if (subdivisions) list.push(...knownSubdivisions().map((s) => regionLabel(s.code)));
  return list;
}

/** The hint beside a question or above a table column: how to write the answer. */
export function answerHint(definition: Definition): string {
  switch (definition.type) {
    case "single":
      return "Choose one from the list.";
    case "multi":
      return "Options, separated by semicolons.";
    case "bool":
      return "Yes or No.";
    case "country":
      return "Choose a country from the list, or write its two-letter code (DE).";
    case "countries":
      return `Two-letter country codes separated by commas, e.g. DE, FR${definition.subdivisions ? " (regions such as CA-QC too)" : ""}.`;
    case "number": {
      const range =
        definition.min !== undefined && definition.max !== undefined
          ? ` from ${definition.min} to ${definition.max}`
          : definition.min !== undefined
            ? `, at least ${definition.min}`
            : definition.max !== undefined
              ? `, at most ${definition.max}`
              : "";
      return `${definition.integer ? "A whole number" : "A number"} of ${definition.unit}${range}.`;
    }
    case "date":
      return "A date as YYYY-MM-DD, e.g. 2026-03-31.";
    case "url":
      return "A web address starting with https://";
    case "text":
      return `Text, up to ${definition.max_length.toLocaleString("en")} characters.`;
    case "longtext":
      return `Text, up to ${definition.max_length.toLocaleString("en")} characters.`;
    case "file":
      return "Files cannot be sent in a workbook: attach them in Custodian.";
    case "rowref":
      return "The key of a row of that table; blank means your company.";
    case "table":
      return "One row per line below.";
  }
}
