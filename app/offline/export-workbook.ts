import ExcelJS from "exceljs";
import type { AnswerBase } from "~/answering/fingerprint";
import { hasValue, isVisible, text, type Answer, type Answers, type CellValue, type Question, type Questionnaire, type TableRow } from "~/questionnaire";
import { formatDate } from "~/ui/format";
import { answerHint, NO, regionChoices, writeCell, YES, type Definition } from "./cells";

// The questionnaire as a workbook a vendor fills in offline
// (shared/reference/what-users-ask.md §3.17): an instructions sheet, one sheet
// per section, drop-downs for choices, a table as a block of rows, the answers
// saved so far filled in. A hidden sheet records what each answer was when the
// workbook was made, so an import applies the same stale-write rules as the
// web form (docs/decisions/007, 013).

export const WORKBOOK_FORMAT = "custodian-questionnaire/1";
export const META_SHEET = "Custodian";
const LISTS_SHEET = "Lists";
const INSTRUCTIONS_SHEET = "Instructions";

/** Column A holds each row's reference: `s1.pinning`, `s4.controls=rls` (an option), `s0.parties[]` (a table's headings), `s0.parties[3]`. */
export const REF_COLUMN = 1;
export const QUESTION_COLUMN = 2;
export const ANSWER_COLUMN = 3;
export const NA_COLUMN = 4;
export const HINT_COLUMN = 5;
/** The first row below a sheet's headings. */
export const FIRST_QUESTION_ROW = 4;
/** Blank rows offered under a table's answered rows. */
export const SPARE_TABLE_ROWS = 5;

export interface WorkbookInput {
  questionnaire: Questionnaire;
  answers: Answers;
  bases: Record<string, AnswerBase>;
  assessment: { id: string; vendorName: string; buyerName: string };
  /** ISO 8601; the workbook's creation date, so the same input gives the same workbook. */
  exportedAt: string;
}

/** A valid sheet name for each section, unique, at most 31 characters, without : \ / ? * [ ]. */
export function sectionSheetNames(questionnaire: Questionnaire): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>([META_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET].map((n) => n.toLowerCase()));
  questionnaire.sections.forEach((section, i) => {
    const base = `${i + 1} ${text(section.title)}`.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
    let name = base.length <= 31 ? base : `${base.slice(0, 30).replace(/\s+\S*$/, "")}…`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 27).trim()} (${n})`;
    used.add(name.toLowerCase());
    names.set(section.id, name);
  });
  return names;
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula reference: 'Name with spaces'!$A$1 */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const grey = { argb: "FF505A5F" };
const lightFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } };
const answerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFE0" } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB1B4B6" } },
  bottom: { style: "thin", color: { argb: "FFB1B4B6" } },
  left: { style: "thin", color: { argb: "FFB1B4B6" } },
  right: { style: "thin", color: { argb: "FFB1B4B6" } },
};

class Lists {
  private column = 0;
  private readonly known = new Map<string, string>();
  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  /** A range on the hidden Lists sheet holding these entries, reused for the same list. */
  range(entries: string[]): string {
    const key = entries.join("\u0000");
    const existing = this.known.get(key);
    if (existing) return existing;
    this.column++;
    entries.forEach((entry, i) => {
      this.sheet.getCell(i + 1, this.column).value = entry;
    });
    const letter = columnLetter(this.column);
    const range = `${sheetRef(LISTS_SHEET)}!$${letter}$1:$${letter}$${Math.max(entries.length, 1)}`;
    this.known.set(key, range);
    return range;
  }
}

function listValidation(formula: string, prompt: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Not in the list",
    error: `Choose from the list. ${prompt}`,
  };
}

function dropDown(definition: Definition, lists: Lists, keyRanges: Map<string, string>): ExcelJS.DataValidation | null {
  switch (definition.type) {
    case "single":
      return listValidation(lists.range(definition.choices.map((c) => text(c.label))), "");
    case "bool":
      return listValidation(lists.range([YES, NO]), "Yes or No.");
    case "country":
      return listValidation(lists.range(regionChoices(definition.subdivisions)), "Or write the two-letter code.");
    case "rowref": {
      const range = keyRanges.get(definition.table);
      return range ? listValidation(range, "Blank means your company.") : null;
    }
    default:
      return null;
  }
}

function questionLabel(question: Question): string {
  const marks: string[] = [];
  if (question.required) marks.push("required");
  if (question.visible_if) marks.push("follow-up: only if it applies");
  return `${question.id}  ${text(question.text)}${marks.length ? ` (${marks.join("; ")})` : ""}`;
}

function tableRows(answer: Answer | undefined): TableRow[] {
  const value = answer?.value;
  return Array.isArray(value) ? value.filter((r): r is TableRow => typeof r === "object" && r !== null && !Array.isArray(r)) : [];
}

/** How many lines a table gets: its rows, some spare, never more than it allows. */
export function tableLineCount(question: Extract<Question, { type: "table" }>, answer: Answer | undefined): number {
  const rows = tableRows(answer).length;
  const lines = Math.max(rows + SPARE_TABLE_ROWS, question.min_rows);
  return question.max_rows !== undefined ? Math.min(lines, Math.max(question.max_rows, rows)) : lines;
}

export async function buildQuestionnaireWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { questionnaire, answers, assessment } = input;
  const created = new Date(input.exportedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Custodian";
  workbook.lastModifiedBy = "Custodian";
  workbook.created = created;
  workbook.modified = created;
  workbook.title = `${text(questionnaire.title)}: ${assessment.vendorName}`;

  const names = sectionSheetNames(questionnaire);
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET, { properties: { tabColor: { argb: "FF1D3557" } } });
  const sectionSheets = new Map(questionnaire.sections.map((s) => [s.id, workbook.addWorksheet(names.get(s.id)!)]));
  const listsSheet = workbook.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  const lists = new Lists(listsSheet);

  // First pass: where each keyed table's keys will be, so row references can offer them as a drop-down.
  const layout = new Map<string, number>();
  const keyRanges = new Map<string, string>();
  for (const section of questionnaire.sections) {
    let row = FIRST_QUESTION_ROW;
    for (const question of section.questions) {
      layout.set(question.id, row);
      if (question.type === "table") {
        const lines = tableLineCount(question, answers[question.id]);
        const keyIndex = question.key_column ? question.columns.findIndex((c) => c.id === question.key_column) : -1;
        if (keyIndex >= 0) {
          const letter = columnLetter(ANSWER_COLUMN + keyIndex);
          keyRanges.set(question.id, `${sheetRef(names.get(section.id)!)}!$${letter}$${row + 2}:$${letter}$${row + 1 + lines}`);
        }
        row += 3 + lines;
      } else if (question.type === "multi") {
        row += 2 + question.choices.length;
      } else {
        row += 1;
      }
    }
  }

  questionnaire.sections.forEach((section, index) => {
    const sheet = sectionSheets.get(section.id)!;
    sheet.columns = [
      { key: "ref", width: 26 },
      { key: "question", width: 60 },
      { key: "answer", width: 40 },
      { key: "na", width: 30 },
      { key: "hint", width: 44 },
    ];
    sheet.views = [{ state: "frozen", ySplit: FIRST_QUESTION_ROW - 1 }];
    const title = sheet.getCell(1, 1);
    title.value = `Section ${index + 1} of ${questionnaire.sections.length}: ${text(section.title)}`;
    title.font = { bold: true, size: 14 };
    const applies = isVisible(section, answers);
    const help = sheet.getCell(2, 1);
    help.value = [section.help ? text(section.help) : "", applies ? "" : "This section does not apply given the answers so far: leave it blank."]
      .filter((s) => s !== "")
      .join(" ");
    help.alignment = { wrapText: false };
    const headings = ["Reference (do not change)", "Question", "Answer", "Not applicable: why", "How to answer"];
    headings.forEach((heading, i) => {
      const cell = sheet.getCell(3, i + 1);
      cell.value = heading;
      cell.font = { bold: true };
      cell.fill = lightFill;
      cell.border = thin;
    });

    for (const question of section.questions) {
      const row = layout.get(question.id)!;
      const answer = answers[question.id];
      const ref = sheet.getCell(row, REF_COLUMN);
      ref.value = question.id;
      ref.font = { color: grey };
      const label = sheet.getCell(row, QUESTION_COLUMN);
      label.value = questionLabel(question);
      label.alignment = { wrapText: true, vertical: "top" };
      label.font = { bold: true };
      const hint = sheet.getCell(row, HINT_COLUMN);
      hint.value = [question.help ? text(question.help) : "", answerHint(question)].filter((s) => s !== "").join(" ");
      hint.alignment = { wrapText: true, vertical: "top" };
      hint.font = { color: grey };
      const na = sheet.getCell(row, NA_COLUMN);
      if (question.effective.naAllowed !== false && question.type !== "file") {
        na.value = answer?.naReason && !hasValue(answer.value ?? null) ? answer.naReason : null;
        na.fill = answerFill;
        na.border = thin;
        na.alignment = { wrapText: true, vertical: "top" };
      }

      if (question.type === "file") {
        const cell = sheet.getCell(row, ANSWER_COLUMN);
        const count = Array.isArray(answer?.value) ? answer.value.length : 0;
        cell.value = count > 0 ? `${count} file${count === 1 ? "" : "s"} attached in Custodian` : "Attach files in Custodian";
        cell.font = { italic: true, color: grey };
        continue;
      }
      if (question.type === "multi") {
        const chosen = new Set(Array.isArray(answer?.value) ? answer.value.map(String) : []);
        const tick = listValidation(lists.range([YES]), "Write Yes beside each option that applies; leave the others blank.");
        sheet.getCell(row, ANSWER_COLUMN).value = "Write Yes beside each option that applies:";
        sheet.getCell(row, ANSWER_COLUMN).font = { italic: true, color: grey };
        question.choices.forEach((choice, i) => {
          const r = row + 1 + i;
          const choiceRef = sheet.getCell(r, REF_COLUMN);
          choiceRef.value = `${question.id}=${choice.value}`;
          choiceRef.font = { color: grey };
          const choiceLabel = sheet.getCell(r, QUESTION_COLUMN);
          choiceLabel.value = `    ${text(choice.label)}${choice.exclusive ? " (on its own)" : ""}`;
          choiceLabel.alignment = { wrapText: true, indent: 2 };
          const cell = sheet.getCell(r, ANSWER_COLUMN);
          cell.value = chosen.has(choice.value) ? YES : null;
          cell.dataValidation = tick;
          cell.fill = answerFill;
          cell.border = thin;
        });
        continue;
      }
      if (question.type === "table") {
        const rows = tableRows(answer);
        const lines = tableLineCount(question, answer);
        const headRow = row + 1;
        sheet.getCell(row, ANSWER_COLUMN).value = `${rows.length === 0 ? "No rows yet." : `${rows.length} row${rows.length === 1 ? "" : "s"}.`} Fill in the lines below; do not insert rows.`;
        sheet.getCell(row, ANSWER_COLUMN).font = { italic: true, color: grey };
        const headRef = sheet.getCell(headRow, REF_COLUMN);
        headRef.value = `${question.id}[]`;
        headRef.font = { color: grey };
        sheet.getCell(headRow, QUESTION_COLUMN).value = "Row";
        sheet.getCell(headRow, QUESTION_COLUMN).font = { bold: true };
        question.columns.forEach((column, c) => {
          const cell = sheet.getCell(headRow, ANSWER_COLUMN + c);
          cell.value = `${text(column.label)}${column.required ? " (required)" : ""}`;
          cell.font = { bold: true };
          cell.fill = lightFill;
          cell.border = thin;
          cell.alignment = { wrapText: true, vertical: "top" };
          cell.note = [column.help ? text(column.help) : "", answerHint(column), column.type === "multi" || column.type === "single" ? `Options: ${column.choices.map((ch) => text(ch.label)).join("; ")}` : ""]
            .filter((s) => s !== "")
            .join("\n");
          const width = sheet.getColumn(ANSWER_COLUMN + c).width ?? 0;
          if (width < 22) sheet.getColumn(ANSWER_COLUMN + c).width = 22;
        });
        for (let i = 0; i < lines; i++) {
          const r = headRow + 1 + i;
          const lineRef = sheet.getCell(r, REF_COLUMN);
          lineRef.value = `${question.id}[${i + 1}]`;
          lineRef.font = { color: grey };
          sheet.getCell(r, QUESTION_COLUMN).value = `Row ${i + 1}`;
          const stored = rows[i];
          question.columns.forEach((column, c) => {
            const cell = sheet.getCell(r, ANSWER_COLUMN + c);
            cell.value = stored ? writeCell(column, stored[column.id]) : null;
            if (column.type === "date" || column.type === "text" || column.type === "countries") cell.numFmt = "@";
            const validation = dropDown(column, lists, keyRanges);
            if (validation) cell.dataValidation = validation;
            cell.fill = answerFill;
            cell.border = thin;
            cell.alignment = { wrapText: true, vertical: "top" };
          });
        }
        continue;
      }
      const cell = sheet.getCell(row, ANSWER_COLUMN);
      cell.value = writeCell(question, (answer?.value ?? undefined) as CellValue | undefined);
      if (question.type === "date" || question.type === "text" || question.type === "longtext" || question.type === "countries" || question.type === "url") {
        cell.numFmt = "@";
      }
      const validation = dropDown(question, lists, keyRanges);
      if (validation) cell.dataValidation = validation;
      cell.fill = answerFill;
      cell.border = thin;
      cell.alignment = { wrapText: true, vertical: "top" };
    }
  });

  writeInstructions(instructions, input, names);
  writeMeta(meta, input, names);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

function writeInstructions(sheet: ExcelJS.Worksheet, input: WorkbookInput, names: Map<string, string>) {
  const { questionnaire, assessment } = input;
  sheet.columns = [{ width: 110 }];
  const lines: { text: string; bold?: boolean; size?: number }[] = [
    { text: `${text(questionnaire.title)}, version ${questionnaire.version}`, bold: true, size: 16 },
    { text: `For ${assessment.vendorName}, from ${assessment.buyerName}. Made by Custodian on ${formatDate(input.exportedAt)}.` },
    { text: "" },
    { text: "How to fill in this workbook", bold: true, size: 13 },
    { text: "1. Each section of the questionnaire has its own sheet. Write each answer in column C, \"Answer\"." },
    { text: "2. Where a cell has a drop-down list, choose from it. Yes/no questions take Yes or No." },
    { text: "3. For a list of options, write Yes beside each option that applies and leave the others blank." },
    { text: "4. A table has one line per row: fill in the blank lines under its headings. Do not insert or delete rows; if you need more lines, add the rest in Custodian." },
    { text: "5. If a question does not apply to you and the sheet offers it, leave the answer blank and say why in column D, \"Not applicable: why\"." },
    { text: "6. Questions marked \"follow-up\" apply only after certain answers to the questions before them; answer them when they do." },
    { text: "7. Files cannot be sent in a workbook: attach them in Custodian." },
    { text: "8. Do not change column A or rename the sheets: they tell Custodian which question each cell answers." },
    { text: "9. Send the workbook back. Before anything is saved, Custodian shows every change it would make and every cell it could not read." },
    { text: "" },
    { text: "Sections", bold: true, size: 13 },
    ...questionnaire.sections.map((section, i) => ({ text: `${i + 1}. ${text(section.title)}: sheet "${names.get(section.id)}"` })),
  ];
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.font = { bold: line.bold ?? false, size: line.size ?? 11 };
    cell.alignment = { wrapText: true };
  });
}

function writeMeta(sheet: ExcelJS.Worksheet, input: WorkbookInput, names: Map<string, string>) {
  const rows: (string | number)[][] = [
    ["format", WORKBOOK_FORMAT],
    ["assessment", input.assessment.id],
    ["questionnaire", input.questionnaire.id],
    ["version", input.questionnaire.version],
    ["hash", input.questionnaire.hash],
    ["exported", input.exportedAt],
    ...[...names].map(([sectionId, name]) => ["sheet", sectionId, name]),
    ...Object.entries(input.bases).map(([questionId, base]) => ["base", questionId, base.revision, base.fingerprint]),
  ];
  rows.forEach((values, i) => {
    values.forEach((value, c) => {
      sheet.getCell(i + 1, c + 1).value = value;
    });
  });
}
