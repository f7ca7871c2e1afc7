import { answerFingerprint } from "~/answering/fingerprint";
import { hasValue, parseAnswerInput, type Answer, type Answers, type Question, type Questionnaire, type RawAnswer } from "~/questionnaire";

// The next cycle of a vendor starts from the last one
// (shared/reference/what-users-ask.md §3.11): every answer that still fits the
// questionnaire is carried over, checked by the questionnaire's own
// validation, and marked for the vendor to confirm; what changes afterwards
// shows against what was carried.

export interface CarriedAnswer {
  questionId: string;
  answer: Answer;
  fingerprint: string;
}

export interface DroppedAnswer {
  questionId: string;
  reason: string;
}

function questionsOf(questionnaire: Questionnaire): Map<string, Question> {
  return new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}

function text(value: unknown): string | string[] | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return value.map(String);
  return undefined;
}

/** A stored answer as the form text the validator reads; null for a shape it cannot be. */
export function storedToRaw(answer: Answer): RawAnswer | null {
  if (!hasValue(answer.value)) return answer.naReason ? { na: true, naReason: answer.naReason } : null;
  const value = answer.value;
  if (Array.isArray(value) && value.some((v) => typeof v === "object" && v !== null)) {
    const rows: Record<string, string | string[]>[] = [];
    for (const row of value) {
      if (typeof row !== "object" || row === null || Array.isArray(row)) return null;
      const cells: Record<string, string | string[]> = {};
      for (const [column, cell] of Object.entries(row)) {
        const t = text(cell);
        if (t === undefined) return null;
        cells[column] = t;
      }
      rows.push(cells);
    }
    return { rows };
  }
  const t = text(value);
  return t === undefined ? null : { value: t };
}

export function carryAnswers(previous: { questionnaire: Questionnaire; answers: Answers }, next: Questionnaire): { carried: CarriedAnswer[]; dropped: DroppedAnswer[] } {
  const before = questionsOf(previous.questionnaire);
  const carried: CarriedAnswer[] = [];
  const dropped: DroppedAnswer[] = [];
  const soFar: Answers = {};
  for (const section of next.sections) {
    for (const question of section.questions) {
      const old = previous.answers[question.id];
      if (!old || (!hasValue(old.value) && !old.naReason)) continue;
      const oldQuestion = before.get(question.id);
      if (!oldQuestion || oldQuestion.type !== question.type) {
        dropped.push({ questionId: question.id, reason: "The question changed: answer it again." });
        continue;
      }
      if (question.type === "file") {
        dropped.push({ questionId: question.id, reason: "Files belong to the assessment they were attached to: attach them again." });
        continue;
      }
      const raw = storedToRaw(old);
      const parsed = raw ? parseAnswerInput(question, raw, soFar) : null;
      if (!parsed?.ok) {
        dropped.push({ questionId: question.id, reason: parsed ? `The answer no longer fits the question: ${parsed.message}` : "The stored answer could not be read." });
        continue;
      }
      soFar[question.id] = parsed.answer;
      carried.push({ questionId: question.id, answer: parsed.answer, fingerprint: answerFingerprint(parsed.answer) });
    }
  }
  return { carried, dropped };
}

export type CarryState = "to-confirm" | "confirmed" | "changed" | "new-question" | "not-carried";

export const carryStateLabels: Record<CarryState, string> = {
  "to-confirm": "To confirm",
  confirmed: "Confirmed",
  changed: "Changed since the last cycle",
  "new-question": "New question",
  "not-carried": "Not carried over",
};

export interface CarryoverRecord {
  questionId: string;
  value: unknown;
  naReason: string | null;
  fingerprint: string;
  confirmedAt: Date | null;
  confirmedBy: string | null;
}

/** Where each question of the new cycle stands against what was carried over. */
export function carryStates(
  current: Answers,
  carryovers: readonly CarryoverRecord[],
  next: Questionnaire,
  previous: { questionnaire: Questionnaire; answers: Answers } | null,
): Map<string, CarryState> {
  const byQuestion = new Map(carryovers.map((c) => [c.questionId, c]));
  const before = previous ? questionsOf(previous.questionnaire) : new Map<string, Question>();
  const states = new Map<string, CarryState>();
  for (const section of next.sections) {
    for (const question of section.questions) {
      const carried = byQuestion.get(question.id);
      if (carried) {
        if (answerFingerprint(current[question.id]) !== carried.fingerprint) states.set(question.id, "changed");
        else states.set(question.id, carried.confirmedAt ? "confirmed" : "to-confirm");
      } else if (!before.has(question.id)) states.set(question.id, "new-question");
      else if (previous && (hasValue(previous.answers[question.id]?.value ?? null) || previous.answers[question.id]?.naReason)) {
        states.set(question.id, "not-carried");
      }
    }
  }
  return states;
}
