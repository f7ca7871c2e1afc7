import ExcelJS from "exceljs";
import { answerAsText, displayAnswer } from "~/answering/display";
import { isRequired, isVisible, text, type Answer, type Answers, type Questionnaire, type TableRow } from "~/questionnaire";
import type { ScoreResult } from "~/scoring";

// Complete exports of one assessment (shared/reference/what-users-ask.md §3.8,
// CISO Assistant #3182: an export that drops questions is no export): every
// question of the pinned questionnaire, answered or not, and every table row,
// as JSON, CSV and XLSX. Pure: the route passes what it loaded.

export interface StoredAnswerInfo {
  value: unknown;
  naReason: string | null;
  answeredBy: string;
  /** ISO 8601 */
  answeredAt: string;
}

export interface AssessmentExportInput {
  exportedAt: string;
  buyer: { name: string };
  vendor: { id: string; name: string; service: string; country: string | null };
  assessment: {
    id: string;
    status: string;
    createdAt: string;
    dueDate: string | null;
    submittedAt: string | null;
    finalisedAt: string | null;
  };
  scope: { subjects: string[]; categories: string[]; sector: string; subjectsCount: number | null };
  questionnaire: Questionnaire;
  stored: Record<string, StoredAnswerInfo>;
  score: ScoreResult | null;
  /** Where the score comes from: the version frozen at finalisation, or computed on export. */
  scoreSource: "frozen" | "computed" | null;
}

export const EXPORT_FORMAT = "custodian-assessment/1";

function plainAnswers(stored: Record<string, StoredAnswerInfo>): Answers {
  return Object.fromEntries(Object.entries(stored).map(([id, a]) => [id, { value: a.value as Answer["value"], naReason: a.naReason }]));
}

function vendorLabel(input: AssessmentExportInput): string {
  return `${input.vendor.name} (the vendor)`;
}

export function assessmentJson(input: AssessmentExportInput): string {
  const answers = plainAnswers(input.stored);
  const context = { answers, vendorLabel: vendorLabel(input) };
  const document = {
    format: EXPORT_FORMAT,
    exportedAt: input.exportedAt,
    buyer: input.buyer,
    vendor: input.vendor,
    assessment: input.assessment,
    questionnaire: {
      id: input.questionnaire.id,
      version: input.questionnaire.version,
      hash: input.questionnaire.hash,
      title: text(input.questionnaire.title),
    },
    scope: input.scope,
    sections: input.questionnaire.sections.map((section) => ({
      id: section.id,
      title: text(section.title),
      applies: isVisible(section, answers),
      questions: section.questions.map((question) => {
        const stored = input.stored[question.id];
        return {
          id: question.id,
          text: text(question.text),
          type: question.type,
          applies: isVisible(question, answers),
          required: isRequired(question, answers),
          ...(question.type === "table" ? { columns: question.columns.map((c) => ({ id: c.id, label: text(c.label), type: c.type })) } : {}),
          answer: stored ? { value: stored.value, naReason: stored.naReason } : null,
          display: answerAsText(displayAnswer(question, stored, context), { unanswered: "" }),
          answeredBy: stored?.answeredBy ?? null,
          answeredAt: stored?.answeredAt ?? null,
        };
      }),
    })),
    score: input.score,
    scoreSource: input.scoreSource,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}


export const answerColumns = [
  "Section",
  "Section title",
  "Question ID",
  "Question",
  "Type",
  "Applies",
  "Required",
  "Row",
  "Column ID",
  "Column",
  "Answer",
  "Value",
  "Not applicable because",
  "Answered by",
  "Answered at",
] as const;

/** One line per question, or per cell of each table row: every question is there, answered or not. */
export function answerLines(input: AssessmentExportInput): string[][] {
  const answers = plainAnswers(input.stored);
  const context = { answers, vendorLabel: vendorLabel(input) };
  const lines: string[][] = [];
  for (const section of input.questionnaire.sections) {
    for (const question of section.questions) {
      const stored = input.stored[question.id];
      const common = (row: string, columnId: string, column: string, answer: string, value: string) => [
        section.id,
        text(section.title),
        question.id,
        text(question.text),
        question.type,
        isVisible(question, answers) ? "yes" : "no",
        isRequired(question, answers) ? "yes" : "no",
        row,
        columnId,
        column,
        answer,
        value,
        stored?.naReason ?? "",
        stored?.answeredBy ?? "",
        stored?.answeredAt ?? "",
      ];
      const rows = question.type === "table" && Array.isArray(stored?.value) ? (stored.value as TableRow[]) : [];
      if (question.type !== "table" || rows.length === 0) {
        const display = answerAsText(displayAnswer(question, stored, context), { unanswered: "" });
        lines.push(common("", "", "", display, rawValue(stored?.value)));
        continue;
      }
      const display = displayAnswer(question, stored, context);
      rows.forEach((row, r) => {
        question.columns.forEach((column, c) => {
          const cellDisplay = display.kind === "table" ? (display.rows[r]?.[c] ?? "") : "";
          lines.push(common(String(r + 1), column.id, text(column.label), cellDisplay === "—" ? "" : cellDisplay, rawValue(row[column.id])));
        });
      });
    }
  }
  return lines;
}

function rawValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.every((v) => typeof v !== "object") ? value.join("; ") : JSON.stringify(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180, CRLF line ends, with a byte-order mark so spreadsheet programs read UTF-8. */
export function answersCsv(input: AssessmentExportInput): string {
  const lines = [answerColumns as readonly string[], ...answerLines(input)];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export async function answersXlsx(input: AssessmentExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const created = new Date(input.exportedAt);
  workbook.creator = "Custodian";
  workbook.created = created;
  workbook.modified = created;
  const about = workbook.addWorksheet("Assessment");
  about.columns = [{ width: 28 }, { width: 80 }];
  const facts: [string, string][] = [
    ["Buyer", input.buyer.name],
    ["Vendor", input.vendor.name],
    ["Service", input.vendor.service],
    ["Assessment", input.assessment.id],
    ["Status", input.assessment.status],
    ["Started", input.assessment.createdAt],
    ["Questionnaire", `${text(input.questionnaire.title)} ${input.questionnaire.version} (${input.questionnaire.id})`],
    ["Questionnaire hash", input.questionnaire.hash],
    ["Data subjects in", input.scope.subjects.join(", ")],
    ["Data categories", input.scope.categories.join(", ")],
    ["Sector", input.scope.sector],
    ["Exported", input.exportedAt],
  ];
  facts.forEach(([label, value], i) => {
    about.getCell(i + 1, 1).value = label;
    about.getCell(i + 1, 1).font = { bold: true };
    about.getCell(i + 1, 2).value = value;
  });

  const sheet = workbook.addWorksheet("Answers", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = answerColumns.map((header) => ({
    header,
    width: header === "Question" || header === "Answer" ? 50 : header === "Section title" ? 30 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const line of answerLines(input)) {
    const row = sheet.addRow(line);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: answerColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

