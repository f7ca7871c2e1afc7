import { describe, expect, it } from "vitest";
import { cellText, readBool, readCell, readRegion, readTick, writeCell } from "~/offline/cells";
import { sectionSheetNames } from "~/offline/export-workbook";
import { carryAnswers, storedToRaw } from "~/portfolio/carry";
import type { Question } from "~/questionnaire";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";

const questionnaire = getLatestQuestionnaire("hosted-crm")!;
const question = (id: string) => questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id)! as Question;

describe("a workbook cell", () => {
  it("reads whatever Excel stored as plain text: dates as YYYY-MM-DD, rich text joined, formulas by their result", () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 31)))).toBe("2026-03-31");
    expect(cellText({ richText: [{ text: "Frank" }, { text: "furt" }] })).toBe("Frankfurt");
    expect(cellText({ formula: "A1*2", result: 60 })).toBe("60");
    expect(cellText(true)).toBe("Yes");
    expect(cellText(null)).toBe("");
  });

  it("takes a choice by its label or its value, whatever the case, and passes anything else on for the validator to name", () => {
    const pinning = question("s1.pinning");
    expect(readCell(pinning, String(writeCell(pinning, "contract")))).toBe("contract");
    expect(readCell(pinning, "CONTRACT")).toBe("contract");
    expect(readCell(pinning, "Sometimes")).toBe("Sometimes");
  });

  it("takes countries by name with code or by code, and yes or no in the usual words", () => {
    expect(readRegion("Germany (DE)")).toBe("DE");
    expect(readRegion("Québec, Canada (CA-QC)")).toBe("CA-QC");
    expect(readRegion("fr")).toBe("FR");
    expect(readCell(question("s1.storage_countries"), "DE, fr; Ireland (IE)")).toEqual(["DE", "FR", "IE"]);
    expect([readBool("Yes"), readBool("n"), readBool("maybe")]).toEqual(["yes", "no", "maybe"]);
  });

  it("counts Yes or an x as a tick, blank or No as none, and anything else as unclear", () => {
    expect(["Yes", " x ", "✓"].map(readTick)).toEqual(["ticked", "ticked", "ticked"]);
    expect(["", "No"].map(readTick)).toEqual(["not-ticked", "not-ticked"]);
    expect(readTick("perhaps")).toBe("unclear");
  });
});

describe("sheet names", () => {
  it("are unique, at most 31 characters, without the characters Excel forbids, cut at a word", () => {
    const names = [...sectionSheetNames(questionnaire).values()];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
    }
    expect(names[4]).toBe("5 Tenant isolation physical…");
  });
});

describe("carrying answers into the next cycle", () => {
  it("turns a stored answer back into form text, table rows included", () => {
    expect(storedToRaw({ value: 30, naReason: null })).toEqual({ value: "30" });
    expect(storedToRaw({ value: true, naReason: null })).toEqual({ value: "yes" });
    expect(storedToRaw({ value: null, naReason: "No backups" })).toEqual({ na: true, naReason: "No backups" });
    expect(storedToRaw({ value: [{ region: "DE", follow_the_sun: false }], naReason: null })).toEqual({ rows: [{ region: "DE", follow_the_sun: "no" }] });
  });

  it("keeps every answer that still passes the questionnaire's validation and says why the others were left behind", () => {
    const { carried, dropped } = carryAnswers(
      {
        questionnaire,
        answers: {
          "s1.change_notice_days": { value: 60, naReason: null },
          "s1.pinning": { value: "retired-choice", naReason: null },
          "s1.location_evidence": { value: ["ev1"], naReason: null },
        },
      },
      questionnaire,
    );
    expect(carried.map((c) => c.questionId)).toEqual(["s1.change_notice_days"]);
    expect(dropped).toEqual([
      { questionId: "s1.location_evidence", reason: "Files belong to the assessment they were attached to: attach them again." },
      { questionId: "s1.pinning", reason: 'The answer no longer fits the question: "retired-choice" is not one of the options' },
    ]);
  });
});
