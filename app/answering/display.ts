import { regionLabel } from "~/geo/regions";
import { hasValue, text, type Answer, type Answers, type CellValue, type Question, type RuntimeColumn, type TableRow } from "~/questionnaire";
import { formatDate, formatNumber } from "~/ui/format";

/** An answer ready to print: plain strings only, so any page (or a PDF) can render it. */
export type DisplayAnswer =
  | { kind: "unanswered" }
  | { kind: "not-applicable"; reason: string }
  | { kind: "text"; text: string }
  | { kind: "paragraphs"; paragraphs: string[] }
  | { kind: "link"; href: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; columns: string[]; rows: string[][] };

export interface DisplayContext {
  /** The assessment's answers: row references are resolved against them. */
  answers: Answers;
  /** What a blank row reference means, e.g. "Maple Ledger CRM Inc. (the vendor)". */
  vendorLabel: string;
  /** Evidence file names by id: a file question lists names instead of ids. */
  fileNames?: Record<string, string>;
}

export function displayAnswer(question: Question, answer: Answer | { value: unknown; naReason?: string | null } | undefined, context: DisplayContext): DisplayAnswer {
  const value = answer?.value as Answer["value"] | undefined;
  if (!hasValue(value ?? null)) {
    const reason = answer?.naReason?.trim();
    return reason ? { kind: "not-applicable", reason } : { kind: "unanswered" };
  }
  switch (question.type) {
    case "table": {
      const rows = (Array.isArray(value) ? value : []).filter(isRow);
      return {
        kind: "table",
        columns: question.columns.map((c) => text(c.label)),
        rows: rows.map((row) => question.columns.map((column) => cellText(column, row[column.id], context))),
      };
    }
    case "file":
      return { kind: "list", items: listItems(question, value).map((id) => context.fileNames?.[id] ?? id) };
    case "multi":
    case "countries":
      return { kind: "list", items: listItems(question, value) };
    case "url":
      // Only web addresses become links, whatever found its way into the database.
      return /^https?:\/\//i.test(String(value)) ? { kind: "link", href: String(value) } : { kind: "text", text: String(value) };
    case "longtext":
      return { kind: "paragraphs", paragraphs: String(value).split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== "") };
    default:
      return { kind: "text", text: scalarText(question, value as CellValue) };
  }
}

type Definition = Question | RuntimeColumn;

function listItems(definition: Definition, value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  if (definition.type === "multi") return items.map((v) => choiceLabel(definition, v));
  if (definition.type === "countries") return items.map(regionLabel);
  return items;
}

function scalarText(definition: Definition, value: CellValue): string {
  switch (definition.type) {
    case "single":
      return choiceLabel(definition, String(value));
    case "bool":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "country":
      return regionLabel(String(value));
    case "number":
      return typeof value === "number" ? `${formatNumber(value)} ${definition.unit}` : String(value);
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatDate(String(value)) : String(value);
    default:
      return Array.isArray(value) ? value.join(", ") : String(value);
  }
}

function cellText(column: RuntimeColumn, value: CellValue | undefined, context: DisplayContext): string {
  if (column.type === "rowref") return rowName(column, value, context);
  if (value === undefined || !hasValue(value)) return "—";
  if (column.type === "multi" || column.type === "countries") return listItems(column, value).join(", ");
  return scalarText(column, value);
}

function rowName(column: Extract<RuntimeColumn, { type: "rowref" }>, key: CellValue | undefined, context: DisplayContext): string {
  if (key === undefined || key === "") return context.vendorLabel;
  const rows = context.answers[column.table]?.value;
  const row = (Array.isArray(rows) ? rows : []).filter(isRow).find((r) => r[column.table_key] === key);
  const nameColumn = row ? Object.keys(row).find((id) => id !== column.table_key && /(^|_)name$/.test(id)) : undefined;
  const name = nameColumn ? row?.[nameColumn] : undefined;
  return typeof name === "string" && name !== "" ? `${name} (${String(key)})` : String(key);
}

function choiceLabel(definition: Definition, value: string): string {
  if (definition.type !== "single" && definition.type !== "multi") return value;
  const choice = definition.choices.find((c) => c.value === value);
  return choice ? text(choice.label) : value;
}

function isRow(value: unknown): value is TableRow {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An answer as plain text, for spreadsheets, the audit trail and the report's
 * notes: "lines" puts each table row on a line of its own, "inline" keeps the
 * whole answer on one.
 */
export function answerAsText(
  answer: DisplayAnswer,
  { layout = "lines", unanswered = "Not answered" }: { layout?: "lines" | "inline"; unanswered?: string } = {},
): string {
  switch (answer.kind) {
    case "unanswered":
      return unanswered;
    case "not-applicable":
      return `Not applicable: ${answer.reason}`;
    case "text":
      return answer.text;
    case "link":
      return answer.href;
    case "paragraphs":
      return answer.paragraphs.join(layout === "inline" ? " " : "\n\n");
    case "list":
      return answer.items.join("; ");
    case "table":
      return answer.rows
        .map((row) => row.map((cell, i) => `${answer.columns[i] ?? ""}: ${cell}`).join(", "))
        .join(layout === "inline" ? "; " : "\n");
  }
}
