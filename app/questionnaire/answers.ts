/** One cell of a table row. */
export type CellValue = string | number | boolean | string[];
/** A table row keyed by column id; blank cells are absent. */
export type TableRow = Record<string, CellValue>;

/**
 * single, country, date, url, text, longtext: string; multi, countries, file: string[];
 * bool: boolean; number: number; table: rows.
 */
export type AnswerValue = string | number | boolean | string[] | TableRow[];

/** `value: null` with a reason is "not applicable"; without one, no answer. */
export type Answer = { value: AnswerValue | null; naReason?: string | null };
export type Answers = Record<string, Answer>;

export function hasValue(value: AnswerValue | CellValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function isMarkedNotApplicable(answer: Answer | undefined): boolean {
  return !!answer && !hasValue(answer.value) && typeof answer.naReason === "string" && answer.naReason.trim() !== "";
}
