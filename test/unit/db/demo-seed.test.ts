import { describe, expect, it } from "vitest";
import { demoVendors, type DemoAnswers } from "#db/seed-demo-data";
import { parseAnswerInput, sectionProgress, isVisible, type Answers, type Question, type RawAnswer } from "~/questionnaire";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";

const questionnaire = getLatestQuestionnaire("hosted-crm")!;
const questionsById = new Map<string, Question>(
  questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)),
);

function toAnswers(demo: DemoAnswers): Answers {
  return Object.fromEntries(
    Object.entries(demo).map(([id, given]) =>
      typeof given === "object" && !Array.isArray(given)
        ? [id, { value: null, naReason: given.na }]
        : [id, { value: given, naReason: null }],
    ),
  );
}

const asFormText = (v: unknown): string | string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);

/** The stored value as the plain form would have sent it. */
function asRawAnswer(value: unknown): RawAnswer {
  if (Array.isArray(value) && value.some((v) => typeof v === "object")) {
    return {
      rows: (value as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asFormText(v)])),
      ),
    };
  }
  return { value: asFormText(value) };
}

describe.each(demoVendors.map((v) => [v.name, v] as const))("the demo answers of %s", (_name, vendor) => {
  const answers = toAnswers(vendor.assessment.answers);

  it("answer only questions that exist and are visible", () => {
    for (const id of Object.keys(answers)) {
      const question = questionsById.get(id);
      expect(question, `unknown question ${id}`).toBeDefined();
      expect(isVisible(question!, answers), `${id} is hidden by the other answers`).toBe(true);
    }
  });

  it("pass the questionnaire's own validation unchanged", () => {
    for (const [id, answer] of Object.entries(answers)) {
      const result = parseAnswerInput(questionsById.get(id)!, asRawAnswer(answer.value), answers);
      expect(result, `${id}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
      if (result.ok) expect(result.answer.value, id).toEqual(answer.value);
    }
  });

  if (["finalised", "in-review", "submitted"].includes(vendor.assessment.status)) {
    it("answer every required question, as a submitted assessment must", () => {
      const { sections, total } = sectionProgress(questionnaire, answers);
      const incomplete = sections.filter((s) => s.remaining > 0).map((s) => `${s.sectionId}: ${s.remaining}`);
      expect(incomplete).toEqual([]);
      expect(total.remaining).toBe(0);
    });
  }
});
