import { hasValue, type Answers, type AnswerValue, type CellValue } from "./answers";
import type { Condition, LeafCondition } from "./schema";
import type { Rule } from "./types";

export function holds(rule: Rule, answers: Answers): boolean {
  return typeof rule === "boolean" ? rule : evaluate(rule, answers);
}

export function evaluate(condition: Condition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluate(c, answers));
  if ("any" in condition) return condition.any.some((c) => evaluate(c, answers));
  if ("not" in condition) return !evaluate(condition.not, answers);
  const value = answers[condition.q]?.value ?? null;
  if (condition.column === undefined) return leafHolds(condition, value);
  // On a table column the condition holds when it holds for any row.
  const column = condition.column;
  const rows = Array.isArray(value) ? value : [];
  if (condition.op === "not_answered") {
    return !rows.some((row) => typeof row === "object" && hasValue(row[column]));
  }
  return rows.some((row) => typeof row === "object" && leafHolds(condition, row[column] ?? null));
}

function leafHolds(condition: LeafCondition, value: AnswerValue | CellValue | null): boolean {
  const answered = hasValue(value);
  if (condition.op === "answered") return answered;
  if (condition.op === "not_answered") return !answered;
  // Every comparison with an unanswered question is false, including neq and nin,
  // so a follow-up never shows before its trigger is answered.
  if (!answered || value === null) return false;
  switch (condition.op) {
    case "eq":
      return value === condition.value;
    case "neq":
      return value !== condition.value;
    case "gt":
      return compare(value, condition.value) > 0;
    case "gte":
      return compare(value, condition.value) >= 0;
    case "lt":
      return compare(value, condition.value) < 0;
    case "lte":
      return compare(value, condition.value) <= 0;
    case "in":
      return condition.value.includes(value as string | number);
    case "nin":
      return !condition.value.includes(value as string | number);
    case "includes":
      return Array.isArray(value) && (value as unknown[]).includes(condition.value);
    case "includes_any":
      return Array.isArray(value) && condition.value.some((v) => (value as unknown[]).includes(v));
    case "includes_all":
      return Array.isArray(value) && condition.value.every((v) => (value as unknown[]).includes(v));
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return Number.NaN;
}

/** Every question id a condition reads. */
export function referencedQuestions(condition: Condition): LeafCondition[] {
  if ("all" in condition) return condition.all.flatMap(referencedQuestions);
  if ("any" in condition) return condition.any.flatMap(referencedQuestions);
  if ("not" in condition) return referencedQuestions(condition.not);
  return [condition];
}
