// The section form's state as plain data, shared by the server (re-rendering a
// submission) and the browser (autosave). Imports only browser-safe modules.
import type { Answer, TableRow } from "~/questionnaire/answers";
import type { RawAnswer } from "~/questionnaire/input";
import type { Question, RuntimeColumn, Section } from "~/questionnaire/types";
import type { DisplayAnswer } from "./display";
import type { AnswerBase } from "./fingerprint";

export type { AnswerBase } from "./fingerprint";

export type RawRow = Record<string, string | string[]>;
/** A question's fields as the form holds them; table rows keep blank rows in place. */
export type RawInput = Omit<RawAnswer, "rows"> & { rows?: RawRow[] };

export interface FieldError {
  questionId: string;
  /** The form field's name, e.g. "s0.parties[1].country"; rows are counted as the form shows them. */
  field: string;
  message: string;
}

export interface ConflictView {
  questionId: string;
  theirs: {
    display: DisplayAnswer;
    /** Their answer as form input, so "keep theirs" can put it back in the form. */
    input: RawInput;
    answeredBy: string | null;
    answeredAt: string | null;
    base: AnswerBase;
  };
  yours: { display: DisplayAnswer };
}

export type SectionIntent =
  | { kind: "save" }
  | { kind: "save-continue" }
  | { kind: "autosave" }
  | { kind: "add-row"; questionId: string }
  | { kind: "remove-row"; questionId: string; row: number }
  | { kind: "keep-theirs"; questionId: string }
  | { kind: "use-mine"; questionId: string }
  /** Saves the form and attaches the file chosen in "<questionId>.upload" to that file question. */
  | { kind: "upload"; questionId: string };

/** What a save returns to the page, with JavaScript (autosave) or without. */
export interface SectionResult {
  intent: SectionIntent["kind"];
  errors: FieldError[];
  conflicts: ConflictView[];
  /** Question ids written by this save. */
  saved: string[];
  /** The base each question's form fields must carry from now on. */
  bases: Record<string, AnswerBase>;
  /** What the person submitted, to re-render the form without losing a keystroke. */
  submitted: Record<string, RawInput>;
  /** Follow-up questions this save revealed that still need an answer. */
  revealed: string[];
  /** Blank rows to offer per table after "Add another row". */
  blankRows: Record<string, number>;
  /** The file an "Upload file" stored and attached. */
  uploaded?: { questionId: string; fileName: string } | null;
}

export const baseFieldNames = { revision: "revision", fingerprint: "fingerprint" } as const;

/** The question a form field belongs to: "s0.parties[1].key" and "s0.parties.revision" both give "s0.parties". */
export function questionIdOf(fieldName: string): string | null {
  return /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*/.exec(fieldName)?.[0] ?? null;
}

/** An element id for a field name, for labels and error-summary links. */
export function fieldId(name: string, option?: string): string {
  const base = `f-${name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/-+$/, "")}`;
  return option === undefined ? base : `${base}--${option.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

export function cellName(questionId: string, row: number, column: string): string {
  return `${questionId}[${row}].${column}`;
}

const cellPattern = /^(.+)\[(\d+)\]\.([a-z][a-z0-9_]*)$/;

/** Reads each question's raw fields from a submission, keeping blank table rows where the form had them. */
export function collectRawInput(section: Section, formData: FormData): Record<string, RawInput> {
  const ids = new Set(section.questions.map((q) => q.id));
  const inputs: Record<string, RawInput> = {};
  const rowMaps = new Map<string, Map<number, RawRow>>();
  const append = (previous: string | string[] | undefined, value: string) =>
    previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];

  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const cell = cellPattern.exec(name);
    const questionId = cell ? cell[1]! : questionIdOf(name);
    if (!questionId || !ids.has(questionId)) continue;
    if (!cell && name !== questionId && name !== `${questionId}.na` && name !== `${questionId}.na_reason`) continue;
    const input = (inputs[questionId] ??= {});
    if (cell) {
      const rows = rowMaps.get(questionId) ?? new Map<number, RawRow>();
      rowMaps.set(questionId, rows);
      const index = Number(cell[2]);
      const row = rows.get(index) ?? {};
      row[cell[3]!] = append(row[cell[3]!], value);
      rows.set(index, row);
    } else if (name === questionId) input.value = append(input.value, value);
    else if (name === `${questionId}.na`) input.na = value;
    else if (name === `${questionId}.na_reason`) input.naReason = value;
  }
  for (const [questionId, rows] of rowMaps) {
    inputs[questionId]!.rows = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }
  return inputs;
}

export function isBlankRow(row: RawRow): boolean {
  return Object.values(row).every((v) => (Array.isArray(v) ? v : [v]).every((s) => s.trim() === ""));
}

/**
 * readSectionForm numbers table rows after dropping blank ones; the page
 * numbers them as it shows them. Renames "q[k].col" errors to the row's place
 * among all submitted rows.
 */
export function errorsAtRowPositions(errors: FieldError[], raw: Record<string, RawInput>): FieldError[] {
  return errors.map((error) => {
    const cell = cellPattern.exec(error.field);
    const rows = cell ? raw[cell[1]!]?.rows : undefined;
    if (!cell || !rows) return error;
    const positions = rows.flatMap((row, position) => (isBlankRow(row) ? [] : [position]));
    const position = positions[Number(cell[2])];
    return position === undefined ? error : { ...error, field: cellName(cell[1]!, position, cell[3]!) };
  });
}

/** A stored answer as the form shows it. */
export function toRawInput(question: Question, answer: Answer | undefined): RawInput {
  if (!answer) return {};
  const value = answer.value;
  if (value === null || value === undefined) return answer.naReason ? { na: "on", naReason: answer.naReason } : {};
  if (question.type === "table") {
    const rows = (Array.isArray(value) ? value : []).filter((r): r is TableRow => typeof r === "object" && r !== null && !Array.isArray(r));
    return {
      rows: rows.map((row) =>
        Object.fromEntries(
          question.columns.flatMap((column) => {
            const cell = row[column.id];
            return cell === undefined ? [] : [[column.id, cellToRaw(column, cell)]];
          }),
        ),
      ),
    };
  }
  return { value: cellToRaw(question, value as string | number | boolean | string[]) };
}

function cellToRaw(definition: Question | RuntimeColumn, value: string | number | boolean | string[]): string | string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  return definition.type === "countries" ? [value] : value;
}

/** The first string of a raw field, or "". */
export function rawString(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** Every string of a raw field. */
export function rawList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function isTicked(value: RawAnswer["na"]): boolean {
  return value === true || (typeof value === "string" && ["on", "yes", "true", "1"].includes(value));
}
