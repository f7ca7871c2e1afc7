import { describe, expect, it } from "vitest";
import { getControlReference } from "~/questionnaire/controls";
import { evaluateFlags } from "~/questionnaire/flags";
import { sectionProgress } from "~/questionnaire/progress";
import { loadFixture } from "./demo";

const crm = loadFixture("../../../questionnaires/hosted-crm-1.0.0.yaml");
const questions = crm.sections.flatMap((s) => s.questions);

describe("hosted-crm 1.0.0", () => {
  it("covers the question bank's sections with at least 84 questions", () => {
    expect(crm.sections.length).toBeGreaterThanOrEqual(15);
    expect(questions.length).toBeGreaterThanOrEqual(84);
  });

  it("has a German title for every section while German stays a partial locale", () => {
    expect(crm.sections.filter((s) => !s.title.de).map((s) => s.id)).toEqual([]);
    expect(crm.partial_locales).toEqual(["de"]);
    const titles = new Set(["title", ...crm.sections.map((s) => `${s.id}.title`)]);
    expect(crm.missingTranslations.filter((m) => titles.has(m.key))).toEqual([]);
    expect(crm.missingTranslations.length).toBeGreaterThan(0);
  });

  it("cites at least one catalogued control for every answerable question", () => {
    expect(questions.filter((q) => q.refs.length === 0).map((q) => q.id)).toEqual([]);
    expect(questions.flatMap((q) => q.refs).every((ref) => getControlReference(ref) !== null)).toBe(true);
  });

  it("uses follow-ups, tables, per-choice risk and knockout flags", () => {
    expect(questions.filter((q) => q.visible_if).length).toBeGreaterThanOrEqual(25);
    expect(questions.filter((q) => q.type === "table").length).toBeGreaterThanOrEqual(10);
    expect(questions.some((q) => "choices" in q && q.choices.some((c) => c.risk !== undefined))).toBe(true);
    expect(questions.flatMap((q) => q.flags).filter((f) => f.knockout).length).toBeGreaterThanOrEqual(6);
  });

  it("raises the knockout for the sale of data unless the buyer opts out", () => {
    const flags = evaluateFlags(crm, { "s14.sale": { value: "opt_out" } });
    expect(flags).toEqual([expect.objectContaining({ id: "s14.sale#sale", severity: "critical", knockout: true })]);
  });

  it("starts with every visible section not started", () => {
    const { sections, total } = sectionProgress(crm, {});
    expect(sections.every((s) => s.status === "not-started")).toBe(true);
    expect(total.required).toBeGreaterThan(60);
  });
});
