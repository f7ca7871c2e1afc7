import { hasValue, type Answer, type AnswerValue } from "~/questionnaire/answers";
import { canonicalJson, sha256Hex } from "~/questionnaire/hash";

/** What a form carries for each question: the stored answer it was rendered from. */
export interface AnswerBase {
  /** The stored revision; 0 when the question had no stored answer. */
  revision: number;
  /** answerFingerprint() of the answer the person saw. */
  fingerprint: string;
}

export interface NormalizedAnswer {
  value: unknown;
  naReason: string | null;
}

export function normalizeAnswer(answer: Answer | { value: unknown; naReason?: string | null } | undefined | null): NormalizedAnswer {
  const naReason = answer?.naReason?.trim() ? answer.naReason.trim() : null;
  const value = answer?.value ?? null;
  return { value: hasValue(value as AnswerValue | null) ? value : null, naReason };
}

// Choice lists are sets: ["DE", "FR"] and ["FR", "DE"] are the same answer.
// Table rows keep their order.
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === "string") ? [...value].sort() : value.map(comparable);
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

/** A short, stable digest of an answer: equal answers have equal fingerprints. */
export function answerFingerprint(answer: Answer | { value: unknown; naReason?: string | null } | undefined | null): string {
  const normal = normalizeAnswer(answer);
  return sha256Hex(canonicalJson({ value: comparable(normal.value), naReason: normal.naReason })).slice(0, 16);
}

export const blankAnswerFingerprint = answerFingerprint(null);
