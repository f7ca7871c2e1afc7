import { hasValue, type Answer, type Answers, type CellValue, type TableRow } from "./answers";
import { holds } from "./conditions";
import { text } from "./localized";
import { checkRegion } from "./regions";
import type { Question, RuntimeColumn, Section, TableQuestion } from "./types";
import { isRequired, isVisible, naAllowed } from "./visibility";

/**
 * One question's part of a plain HTML form (docs/decisions/004-questionnaire-format.md):
 *   <qid>               the value; repeated for multi, countries and file
 *   <qid>.na            N/A checkbox; <qid>.na_reason its reason
 *   <qid>[<i>].<column> a table cell; repeated for multi and countries columns
 */
export interface RawAnswer {
  value?: string | string[];
  na?: boolean | string;
  naReason?: string;
  rows?: Record<string, string | string[]>[];
}

export type AnswerInputResult =
  | { ok: true; answer: Answer }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
type ScalarDefinition = Exclude<Question, TableQuestion> | RuntimeColumn;

/**
 * Validates one answer from its form representation. `answers` are the other
 * answers of the assessment: conditional N/A and table row references need them.
 */
export function parseAnswerInput(question: Question, raw: RawAnswer | string | string[], answers: Answers = {}): AnswerInputResult {
  const input: RawAnswer = typeof raw === "string" || Array.isArray(raw) ? { value: raw } : raw;
  const values = toList(input.value);
  const rows = (input.rows ?? []).filter((row) => Object.values(row).some((v) => toList(v).length > 0));
  const given = question.type === "table" ? rows.length > 0 : values.length > 0;

  if (isChecked(input.na)) {
    if (given) return { ok: false, message: "Give an answer or mark the question not applicable, not both" };
    if (!holds(question.effective.naAllowed, answers)) {
      return { ok: false, message: "This question cannot be marked not applicable" };
    }
    const reason = (input.naReason ?? "").trim();
    if (reason === "") {
      const message = "Say why this question does not apply";
      return { ok: false, message, fieldErrors: { na_reason: message } };
    }
    if (reason.length > 1000) {
      const message = "Keep the reason under 1,000 characters";
      return { ok: false, message, fieldErrors: { na_reason: message } };
    }
    return { ok: true, answer: { value: null, naReason: reason } };
  }
  if (!given) return { ok: true, answer: { value: null, naReason: null } };

  if (question.type === "table") return parseTable(question, rows, answers);
  const parsed = parseScalar(question, values);
  return parsed.ok ? { ok: true, answer: { value: parsed.value, naReason: null } } : { ok: false, message: parsed.message };
}

function parseTable(question: TableQuestion, rawRows: Record<string, string | string[]>[], answers: Answers): AnswerInputResult {
  const fieldErrors: Record<string, string> = {};
  const rows: TableRow[] = rawRows.map((rawRow, i) => {
    const row: TableRow = {};
    for (const column of question.columns) {
      const cell = toList(rawRow[column.id]);
      const field = `rows[${i}].${column.id}`;
      if (cell.length === 0) {
        if (column.required) fieldErrors[field] = `Row ${i + 1}: enter ${quote(column)}`;
        continue;
      }
      const parsed = parseScalar(column, cell);
      if (parsed.ok) {
        if (parsed.value !== null) row[column.id] = parsed.value;
      } else fieldErrors[field] = `Row ${i + 1}, ${quote(column)}: ${lowerFirst(parsed.message)}`;
    }
    return row;
  });

  if (question.key_column) {
    const key = question.key_column;
    const seen = new Map<CellValue, number>();
    rows.forEach((row, i) => {
      const value = row[key];
      if (value === undefined) return;
      if (seen.has(value)) fieldErrors[`rows[${i}].${key}`] = `Row ${i + 1}: "${String(value)}" is already used in row ${seen.get(value)! + 1}`;
      else seen.set(value, i);
    });
  }

  for (const column of question.columns) {
    if (column.type !== "rowref") continue;
    const keyColumn = column.table_key;
    const targetRows = column.table === question.id ? rows : referencedRows(column.table, answers);
    const keys = new Set(targetRows.map((r) => r[keyColumn]).filter((v) => v !== undefined));
    rows.forEach((row, i) => {
      const value = row[column.id];
      if (value === undefined) return;
      const field = `rows[${i}].${column.id}`;
      if (!keys.has(value)) {
        fieldErrors[field] = `Row ${i + 1}, ${quote(column)}: "${String(value)}" is not a row of the table it refers to`;
      } else if (column.table === question.id && row[keyColumn] === value) {
        fieldErrors[field] = `Row ${i + 1}, ${quote(column)}: a row cannot refer to itself`;
      }
    });
  }

  const messages = Object.values(fieldErrors);
  if (messages.length > 0) return { ok: false, message: messages[0]!, fieldErrors };
  if (rows.length < question.min_rows) {
    return { ok: false, message: `Add at least ${question.min_rows} ${question.min_rows === 1 ? "row" : "rows"}` };
  }
  if (question.max_rows !== undefined && rows.length > question.max_rows) {
    return { ok: false, message: `Give at most ${question.max_rows} rows` };
  }
  return { ok: true, answer: { value: rows, naReason: null } };
}

function referencedRows(questionId: string, answers: Answers): TableRow[] {
  const value = answers[questionId]?.value;
  return Array.isArray(value) ? value.filter(isRow) : [];
}
function isRow(value: unknown): value is TableRow {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseScalar(definition: ScalarDefinition, values: string[]): Parsed<CellValue> {
  const one = (): Parsed<string> =>
    values.length === 1 ? { ok: true, value: values[0]! } : { ok: false, message: "Give one answer only" };

  switch (definition.type) {
    case "single": {
      const value = one();
      if (!value.ok) return { ok: false, message: "Choose one option" };
      return definition.choices.some((c) => c.value === value.value)
        ? value
        : { ok: false, message: `"${value.value}" is not one of the options` };
    }
    case "multi": {
      const chosen = unique(values);
      const unknown = chosen.find((v) => !definition.choices.some((c) => c.value === v));
      if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not one of the options` };
      const exclusive = definition.choices.find((c) => c.exclusive && chosen.includes(c.value));
      if (exclusive && chosen.length > 1) {
        return { ok: false, message: `"${text(exclusive.label)}" cannot be combined with other options` };
      }
      return { ok: true, value: chosen };
    }
    case "bool": {
      const value = one();
      if (!value.ok) return { ok: false, message: "Answer yes or no" };
      if (value.value === "yes" || value.value === "true") return { ok: true, value: true };
      if (value.value === "no" || value.value === "false") return { ok: true, value: false };
      return { ok: false, message: "Answer yes or no" };
    }
    case "country": {
      const value = one();
      if (!value.ok) return { ok: false, message: "Give one country" };
      const check = checkRegion(value.value, definition.subdivisions);
      return check.ok ? value : { ok: false, message: upperFirst(check.message) };
    }
    case "countries": {
      // A plain text input may carry several codes: "DE, FR IE".
      const codes = unique(values.flatMap((v) => v.split(/[\s,;]+/)).filter((v) => v !== ""));
      for (const code of codes) {
        const check = checkRegion(code, definition.subdivisions);
        if (!check.ok) return { ok: false, message: upperFirst(check.message) };
      }
      return { ok: true, value: codes };
    }
    case "number": {
      const value = one();
      if (!value.ok || !/^-?\d+(\.\d+)?$/.test(value.value)) {
        return { ok: false, message: `Enter a number (${definition.unit}), like 30` };
      }
      const n = Number(value.value);
      if (definition.integer && !Number.isInteger(n)) return { ok: false, message: `Enter a whole number (${definition.unit})` };
      if (definition.min !== undefined && n < definition.min) return { ok: false, message: `Enter ${definition.min} ${definition.unit} or more` };
      if (definition.max !== undefined && n > definition.max) return { ok: false, message: `Enter ${definition.max} ${definition.unit} or less` };
      return { ok: true, value: n };
    }
    case "date": {
      const value = one();
      if (!value.ok || !isCalendarDate(value.value)) return { ok: false, message: "Enter a real date as YYYY-MM-DD, like 2026-03-31" };
      return value;
    }
    case "url": {
      const value = one();
      if (!value.ok || !isWebAddress(value.value)) return { ok: false, message: "Enter a web address starting with https://" };
      return value;
    }
    case "text":
    case "longtext": {
      const value = one();
      if (!value.ok) return { ok: false, message: "Give one answer only" };
      if (value.value.length > definition.max_length) {
        return { ok: false, message: `Keep this under ${definition.max_length.toLocaleString("en")} characters` };
      }
      return value;
    }
    case "file": {
      const ids = unique(values);
      if (ids.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) return { ok: false, message: "Upload the file again: the upload was not stored" };
      if (ids.length > definition.max_files) return { ok: false, message: `Attach at most ${definition.max_files} files` };
      return { ok: true, value: ids };
    }
    case "rowref":
      return one();
  }
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== "");
}
function unique(values: string[]): string[] {
  return [...new Set(values)];
}
function isChecked(value: boolean | string | undefined): boolean {
  return value === true || (typeof value === "string" && ["on", "yes", "true", "1"].includes(value));
}
function quote(column: RuntimeColumn): string {
  return `"${text(column.label)}"`;
}
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export interface FormFieldError {
  questionId: string;
  /** The form field's name, to link an error summary to it. */
  field: string;
  message: string;
}

export interface SectionFormResult {
  ok: boolean;
  /** Every answer of the submission that passed, including cleared ones (value null). */
  answers: Answers;
  errors: FormFieldError[];
  /** What was submitted per question, to re-render the form with the user's input. */
  submitted: Record<string, RawAnswer>;
}

/**
 * Reads one section's plain <form> submission. Questions visible before the
 * submission are read even when absent (an unticked checkbox group sends
 * nothing); a follow-up that only becomes visible through this submission is
 * read if the form carried it. With `requireAnswers`, a blank required
 * question is an error; otherwise partial saves are allowed.
 */
export function readSectionForm(
  section: Section,
  formData: FormData,
  answers: Answers,
  options: { requireAnswers?: boolean } = {},
): SectionFormResult {
  const raw = collect(section, formData);
  const merged: Answers = { ...answers };
  const result: SectionFormResult = { ok: true, answers: {}, errors: [], submitted: {} };
  const fail = (questionId: string, field: string, message: string) => result.errors.push({ questionId, field, message });

  for (const question of section.questions) {
    const entry = raw.get(question.id);
    if (!isVisible(question, merged)) continue;
    if (!entry && !isVisible(question, answers)) continue;
    const input = entry?.input ?? {};
    result.submitted[question.id] = input;
    if (entry?.unstoredUpload) {
      fail(question.id, question.id, "Upload the file again: the upload was not stored");
      continue;
    }
    const parsed = parseAnswerInput(question, input, merged);
    if (!parsed.ok) {
      const fieldErrors = Object.entries(parsed.fieldErrors ?? {});
      if (fieldErrors.length === 0) fail(question.id, question.id, parsed.message);
      for (const [key, message] of fieldErrors) {
        fail(question.id, key.startsWith("rows") ? `${question.id}${key.slice(4)}` : `${question.id}.${key}`, message);
      }
      continue;
    }
    const blank = !hasValue(parsed.answer.value) && !parsed.answer.naReason;
    if (blank && options.requireAnswers && isRequired(question, merged)) {
      fail(
        question.id,
        question.id,
        naAllowed(question, merged) ? "Answer this question or mark it not applicable" : "Answer this question",
      );
      continue;
    }
    result.answers[question.id] = parsed.answer;
    merged[question.id] = parsed.answer;
  }
  result.ok = result.errors.length === 0;
  return result;
}

function collect(section: Section, formData: FormData) {
  const ids = new Set(section.questions.map((q) => q.id));
  const raw = new Map<string, { input: RawAnswer; rowIndex: Map<number, Record<string, string | string[]>>; unstoredUpload: boolean }>();
  const entryFor = (id: string) => {
    let entry = raw.get(id);
    if (!entry) raw.set(id, (entry = { input: {}, rowIndex: new Map(), unstoredUpload: false }));
    return entry;
  };
  for (const [name, value] of formData.entries()) {
    const cell = /^(.+)\[(\d+)\]\.([a-z][a-z0-9_]*)$/.exec(name);
    const questionId = cell ? cell[1]! : name.replace(/\.(na|na_reason)$/, "");
    if (!ids.has(questionId)) continue;
    const entry = entryFor(questionId);
    if (typeof value !== "string") {
      entry.unstoredUpload = true;
      continue;
    }
    if (cell) {
      const index = Number(cell[2]);
      const row = entry.rowIndex.get(index) ?? {};
      const column = cell[3]!;
      const previous = row[column];
      row[column] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
      entry.rowIndex.set(index, row);
    } else if (name === questionId) {
      const previous = entry.input.value;
      entry.input.value = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    } else if (name.endsWith(".na_reason")) entry.input.naReason = value;
    else entry.input.na = value;
  }
  for (const entry of raw.values()) {
    if (entry.rowIndex.size > 0) {
      // Blank rows are dropped, so a form can always offer empty rows to add.
      entry.input.rows = [...entry.rowIndex.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, row]) => row)
        .filter((row) => Object.values(row).some((v) => (Array.isArray(v) ? v : [v]).some((s) => s.trim() !== "")));
    }
  }
  return raw;
}
