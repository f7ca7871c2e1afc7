import ExcelJS from "exceljs";
import { displayAnswer, type DisplayAnswer } from "~/answering/display";
import { answerFingerprint, type AnswerBase } from "~/answering/fingerprint";
import {
  hasValue,
  isVisible,
  parseAnswerInput,
  text,
  type Answer,
  type Answers,
  type Question,
  type Questionnaire,
  type RawAnswer,
} from "~/questionnaire";
import { cellText, readCell, readTick } from "./cells";
import type { CellProblem } from "./problems";
import {
  ANSWER_COLUMN,
  columnLetter,
  FIRST_QUESTION_ROW,
  META_SHEET,
  NA_COLUMN,
  REF_COLUMN,
  WORKBOOK_FORMAT,
} from "./export-workbook";

// Reading a filled-in questionnaire workbook back: every cell goes through the
// questionnaire's own parseAnswerInput, in questionnaire order (conditions and
// row references read the answers before them), and nothing is saved here.
// The result is a preview: every change, every cell in error, and the writes
// to hand to saveAnswers with the bases the workbook was made from.

export type { CellProblem };


export interface StoredState {
  value: unknown;
  naReason: string | null;
  revision: number;
  fingerprint: string;
  answeredBy: string | null;
  /** ISO 8601 */
  answeredAt: string | null;
}

export type ChangeOutcome = "will-save" | "conflict" | "kept";

export interface ImportChange {
  questionId: string;
  sectionTitle: string;
  questionText: string;
  sheet: string;
  cell: string;
  kind: "added" | "changed" | "cleared";
  outcome: ChangeOutcome;
  before: DisplayAnswer;
  after: DisplayAnswer;
  /** Who last changed the stored answer, for a conflict or a kept answer. */
  storedBy: string | null;
  storedAt: string | null;
}

export interface ImportWrite {
  questionId: string;
  answer: Answer;
  base: AnswerBase | null;
}

export interface ImportPreview {
  exportedAt: string | null;
  questionsRead: number;
  unchanged: number;
  changes: ImportChange[];
  errors: CellProblem[];
  notes: CellProblem[];
  writes: ImportWrite[];
}

export type ImportResult = { ok: true; preview: ImportPreview } | { ok: false; problems: CellProblem[] };

export interface ImportContext {
  questionnaire: Questionnaire;
  assessmentId: string;
  /** The assessment's stored answers and their states now. */
  answers: Answers;
  states: Record<string, StoredState>;
  vendorLabel: string;
  /** Called after each sheet: how many of how many sheets were read. */
  onProgress?: (done: number, total: number, stage: string) => void | Promise<void>;
}

interface ScalarCells {
  kind: "scalar";
  row: number;
  answer: string;
  na: string;
}
interface MultiCells {
  kind: "multi";
  row: number;
  na: string;
  ticks: Map<string, { row: number; text: string }>;
}
interface TableCells {
  kind: "table";
  row: number;
  na: string;
  headRow: number | null;
  lines: { row: number; number: number; cells: string[] }[];
}
type QuestionCells = ScalarCells | MultiCells | TableCells;

const refPattern = /^([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)(?:=([a-z0-9_-]+)|\[(\d{0,4})\])?$/i;

function readMeta(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet(META_SHEET);
  if (!sheet) return null;
  const values = new Map<string, { value: string; cell: string }>();
  const sheets = new Map<string, string>();
  const bases = new Map<string, AnswerBase>();
  sheet.eachRow((row, number) => {
    const key = cellText(row.getCell(1).value);
    const a = cellText(row.getCell(2).value);
    const b = cellText(row.getCell(3).value);
    const c = cellText(row.getCell(4).value);
    if (key === "sheet") sheets.set(a, b);
    else if (key === "base") {
      const revision = Number(b);
      if (Number.isInteger(revision) && revision >= 0 && /^[0-9a-f]{16}$/.test(c)) bases.set(a, { revision, fingerprint: c });
    } else values.set(key, { value: a, cell: `B${number}` });
  });
  return { values, sheets, bases };
}

function problem(sheet: string | null, cell: string | null, questionId: string | null, message: string): CellProblem {
  return { sheet, cell, questionId, message };
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** parseAnswerInput numbers table rows after dropping blank ones; the sheet's own line names the cell instead. */
function withoutRowNumber(message: string): string {
  return upperFirst(message.replace(/^Row \d+(?:, |: )/, ""));
}

function collectSheet(sheet: ExcelJS.Worksheet, questions: Map<string, Question>, problems: CellProblem[]): Map<string, QuestionCells> {
  const found = new Map<string, QuestionCells>();
  const name = sheet.name;
  const seen = new Set<string>();
  const lastColumn = Math.max(sheet.columnCount, NA_COLUMN);
  for (let r = FIRST_QUESTION_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const ref = cellText(row.getCell(REF_COLUMN).value).trim();
    if (ref === "") {
      for (let c = ANSWER_COLUMN; c <= lastColumn; c++) {
        if (cellText(row.getCell(c).value).trim() !== "") {
          problems.push(
            problem(name, `${columnLetter(c)}${r}`, null, "This row has an answer but no reference in column A. Do not insert rows: write in the lines provided."),
          );
          break;
        }
      }
      continue;
    }
    const match = refPattern.exec(ref);
    const question = match ? questions.get(match[1]!) : undefined;
    if (!match || !question) {
      problems.push(problem(name, `A${r}`, null, `"${ref}" is not a reference Custodian wrote. Do not change column A.`));
      continue;
    }
    if (seen.has(ref)) {
      problems.push(problem(name, `A${r}`, question.id, `"${ref}" appears twice. Do not copy rows.`));
      continue;
    }
    seen.add(ref);
    const answer = cellText(row.getCell(ANSWER_COLUMN).value);
    const na = cellText(row.getCell(NA_COLUMN).value);
    const [, id, choice, line] = match;
    if (choice !== undefined) {
      const entry = found.get(id!);
      if (question.type !== "multi" || !question.choices.some((c) => c.value === choice) || entry?.kind !== "multi") {
        problems.push(problem(name, `A${r}`, question.id, `"${ref}" is not an option Custodian wrote here. Do not change column A.`));
        continue;
      }
      entry.ticks.set(choice, { row: r, text: answer });
    } else if (line !== undefined) {
      const entry = found.get(id!);
      if (question.type !== "table" || entry?.kind !== "table") {
        problems.push(problem(name, `A${r}`, question.id, `"${ref}" is not a table line Custodian wrote here. Do not change column A.`));
        continue;
      }
      if (line === "") entry.headRow = r;
      else {
        const cells = question.columns.map((_, c) => cellText(row.getCell(ANSWER_COLUMN + c).value));
        entry.lines.push({ row: r, number: Number(line), cells });
      }
    } else if (question.type === "multi") {
      found.set(question.id, { kind: "multi", row: r, na, ticks: new Map() });
    } else if (question.type === "table") {
      found.set(question.id, { kind: "table", row: r, na, headRow: null, lines: [] });
    } else {
      found.set(question.id, { kind: "scalar", row: r, answer, na });
    }
  }
  return found;
}

interface RawWithCells {
  raw: RawAnswer;
  /** Sheet rows of the table lines passed to the validator, in order. */
  lineRows: number[];
  /** Whether the workbook gives anything at all for the question. */
  given: boolean;
}

function toRaw(question: Question, cells: QuestionCells, sheet: string, problems: CellProblem[]): RawWithCells | null {
  const na = cells.na.trim();
  const naPart: Partial<RawAnswer> = na !== "" ? { na: true, naReason: na } : {};
  if (cells.kind === "scalar") {
    const value = readCell(question, cells.answer);
    const given = (Array.isArray(value) ? value.length > 0 : value !== "") || na !== "";
    return { raw: { value, ...naPart }, lineRows: [], given };
  }
  if (cells.kind === "multi") {
    const values: string[] = [];
    let unclear = false;
    if (question.type !== "multi") return null;
    for (const choice of question.choices) {
      const tick = cells.ticks.get(choice.value);
      if (!tick) continue;
      const read = readTick(tick.text);
      if (read === "ticked") values.push(choice.value);
      if (read === "unclear") {
        unclear = true;
        problems.push(problem(sheet, `C${tick.row}`, question.id, `Write Yes beside "${text(choice.label)}" if it applies, or leave the cell blank (it says "${tick.text.trim()}").`));
      }
    }
    if (unclear) return null;
    return { raw: { value: values, ...naPart }, lineRows: [], given: values.length > 0 || na !== "" };
  }
  if (question.type !== "table") return null;
  const rows: Record<string, string | string[]>[] = [];
  const lineRows: number[] = [];
  for (const line of cells.lines) {
    const record: Record<string, string | string[]> = {};
    let any = false;
    question.columns.forEach((column, c) => {
      const written = line.cells[c] ?? "";
      if (written.trim() === "") return;
      any = true;
      record[column.id] = readCell(column, written);
    });
    if (!any) continue;
    rows.push(record);
    lineRows.push(line.row);
  }
  return { raw: { rows, ...naPart }, lineRows, given: rows.length > 0 || na !== "" };
}

function placeErrors(
  question: Question,
  cells: QuestionCells,
  lineRows: number[],
  sheet: string,
  result: { message: string; fieldErrors?: Record<string, string> },
): CellProblem[] {
  const fields = Object.entries(result.fieldErrors ?? {});
  const naMessage = /not applicable|not both/i.test(result.message);
  if (fields.length === 0) {
    if (naMessage) return [problem(sheet, `D${cells.row}`, question.id, result.message)];
    if (cells.kind === "multi") {
      const rows = [...cells.ticks.values()].map((t) => t.row);
      const range = rows.length > 0 ? `C${Math.min(...rows)}:C${Math.max(...rows)}` : `C${cells.row}`;
      return [problem(sheet, range, question.id, result.message)];
    }
    return [problem(sheet, `C${cells.row}`, question.id, result.message)];
  }
  return fields.map(([field, message]) => {
    if (field === "na_reason") return problem(sheet, `D${cells.row}`, question.id, message);
    const match = /^rows\[(\d+)\]\.([a-z][a-z0-9_]*)$/.exec(field);
    if (match && question.type === "table") {
      const row = lineRows[Number(match[1])];
      const column = question.columns.findIndex((c) => c.id === match[2]);
      if (row !== undefined && column >= 0) return problem(sheet, `${columnLetter(ANSWER_COLUMN + column)}${row}`, question.id, withoutRowNumber(message));
    }
    return problem(sheet, `C${cells.row}`, question.id, message);
  });
}

/** Reads a filled-in workbook against the assessment it was made for. Saves nothing. */
export async function readQuestionnaireWorkbook(bytes: Uint8Array, context: ImportContext): Promise<ImportResult> {
  const { questionnaire } = context;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [problem(null, null, null, "The file is not an Excel workbook (.xlsx) that can be read. Upload the workbook Custodian made, saved as .xlsx.")] };
  }
  const meta = readMeta(workbook);
  if (!meta || meta.values.get("format")?.value !== WORKBOOK_FORMAT) {
    return {
      ok: false,
      problems: [
        problem(null, null, null, "This workbook was not made by Custodian for answering: download the questionnaire workbook from the assessment and fill that in."),
      ],
    };
  }
  const metaProblems: CellProblem[] = [];
  const expect = (key: string, wanted: string, message: string) => {
    const found = meta.values.get(key);
    if (found?.value !== wanted) metaProblems.push(problem(META_SHEET, found?.cell ?? null, null, message));
  };
  expect("assessment", context.assessmentId, "This workbook was made for another assessment. Download the workbook of this assessment and copy the answers into it.");
  expect("questionnaire", questionnaire.id, `This workbook is for another questionnaire, not "${text(questionnaire.title)}".`);
  expect("version", questionnaire.version, `This workbook is for another version of the questionnaire than ${questionnaire.version}.`);
  expect("hash", questionnaire.hash, "This workbook was made from a different text of the questionnaire. Download a new workbook.");
  if (metaProblems.length > 0) return { ok: false, problems: metaProblems };

  const questions = new Map<string, Question>(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const errors: CellProblem[] = [];
  const notes: CellProblem[] = [];
  const changes: ImportChange[] = [];
  const writes: ImportWrite[] = [];
  const merged: Answers = { ...context.answers };
  let unchanged = 0;
  let questionsRead = 0;
  const total = questionnaire.sections.length;

  for (const [index, section] of questionnaire.sections.entries()) {
    const sheetName = meta.sheets.get(section.id);
    const sheet = sheetName ? workbook.getWorksheet(sheetName) : undefined;
    if (!sheetName || !sheet) {
      errors.push(problem(sheetName ?? null, null, null, `The sheet of section ${index + 1}, "${text(section.title)}", is missing. Do not rename or delete sheets.`));
      await context.onProgress?.(index + 1, total, `Sheet ${index + 1} of ${total}`);
      continue;
    }
    const sectionQuestions = new Map(section.questions.map((q) => [q.id, q]));
    const sheetProblems: CellProblem[] = [];
    const found = collectSheet(sheet, questions, sheetProblems);
    errors.push(...sheetProblems);
    for (const [id] of found) {
      if (!sectionQuestions.has(id)) errors.push(problem(sheet.name, null, id, `${id} belongs to another section's sheet. Do not move rows between sheets.`));
    }

    for (const question of section.questions) {
      if (question.type === "file") continue;
      const cells = found.get(question.id);
      if (!cells) {
        notes.push(problem(sheet.name, null, question.id, `${question.id} is not in the sheet, so its answer is left as it is.`));
        continue;
      }
      questionsRead++;
      const read = toRaw(question, cells, sheet.name, errors);
      if (!read) continue;
      const stored = context.states[question.id];
      const storedFingerprint = stored?.fingerprint ?? answerFingerprint(null);
      const answerCell = `C${cells.row}`;

      if (!isVisible(question, merged)) {
        if (!read.given) continue;
        const parsed = parseAnswerInput(question, read.raw, merged);
        if (parsed.ok && answerFingerprint(parsed.answer) === storedFingerprint) continue;
        notes.push(problem(sheet.name, answerCell, question.id, `${question.id} does not apply given the other answers, so what the workbook says for it is not saved.`));
        continue;
      }
      const parsed = parseAnswerInput(question, read.raw, merged);
      if (!parsed.ok) {
        errors.push(...placeErrors(question, cells, read.lineRows, sheet.name, parsed));
        continue;
      }
      merged[question.id] = parsed.answer;
      const fingerprint = answerFingerprint(parsed.answer);
      if (fingerprint === storedFingerprint) {
        unchanged++;
        continue;
      }
      const base = meta.bases.get(question.id) ?? null;
      const storedRevision = stored?.revision ?? 0;
      const outcome: ChangeOutcome =
        base && fingerprint === base.fingerprint ? "kept" : (base?.revision ?? 0) !== storedRevision ? "conflict" : "will-save";
      const storedAnswer = stored ? { value: stored.value, naReason: stored.naReason } : undefined;
      const hadAnswer = hasValue((storedAnswer?.value ?? null) as Answer["value"]) || !!storedAnswer?.naReason;
      const hasAnswer = hasValue(parsed.answer.value) || !!parsed.answer.naReason;
      const display = { answers: merged, vendorLabel: context.vendorLabel };
      changes.push({
        questionId: question.id,
        sectionTitle: text(section.title),
        questionText: text(question.text),
        sheet: sheet.name,
        cell: answerCell,
        kind: !hadAnswer ? "added" : !hasAnswer ? "cleared" : "changed",
        outcome,
        before: displayAnswer(question, storedAnswer, display),
        after: displayAnswer(question, parsed.answer, display),
        storedBy: outcome === "will-save" ? null : (stored?.answeredBy ?? null),
        storedAt: outcome === "will-save" ? null : (stored?.answeredAt ?? null),
      });
      if (outcome === "will-save") writes.push({ questionId: question.id, answer: parsed.answer, base });
      else {
        // The stored answer stays (saveAnswers would keep it too), so later questions are checked against it.
        if (context.answers[question.id]) merged[question.id] = context.answers[question.id]!;
        else delete merged[question.id];
        if (outcome === "conflict") writes.push({ questionId: question.id, answer: parsed.answer, base });
      }
    }
    await context.onProgress?.(index + 1, total, `Sheet ${index + 1} of ${total}: ${text(section.title)}`);
  }

  return {
    ok: true,
    preview: { exportedAt: meta.values.get("exported")?.value ?? null, questionsRead, unchanged, changes, errors, notes, writes },
  };
}
