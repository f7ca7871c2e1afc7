import type { AnswerValue, CellValue, TableRow } from "~/questionnaire/answers";
import { text } from "~/questionnaire/localized";
import type { Choice, Question } from "~/questionnaire/types";
import type { RiskFrom } from "./types";

// How one answer turns into risk points. The format puts risk on choices
// ticked, on multi choices not ticked (missing_risk) and on yes and no; free
// text, numbers, dates and files carry none. A chosen choice without `risk` in
// a scorable question counts as 0.

type ChoiceColumn = { id: string; label: { en: string }; choices: Choice[] };
type ChoiceQuestion = Extract<Question, { type: "single" | "multi" }>;

const FULL_RISK = 100;
const hasRisk = (choices: readonly Choice[]): boolean => choices.some((c) => c.risk !== undefined);
const hasMissingRisk = (choices: readonly Choice[]): boolean => choices.some((c) => c.missing_risk !== undefined);

function riskColumns(question: Question): ChoiceColumn[] {
  if (question.type !== "table") return [];
  return question.columns.flatMap((column) =>
    (column.type === "single" || column.type === "multi") && hasRisk(column.choices) ? [column] : [],
  );
}

export function isScorable(question: Question): boolean {
  if (question.weight <= 0) return false;
  if (question.type === "bool") return question.risk !== undefined;
  if (question.type === "single") return hasRisk(question.choices);
  if (question.type === "multi") return hasRisk(question.choices) || hasMissingRisk(question.choices);
  return riskColumns(question).length > 0;
}

export interface Rated {
  risk: number;
  answer: string;
  riskFrom: RiskFrom;
}

const label = (choice: Choice): string => `${text(choice.label)} (${choice.value})`;

function worstChoice(choices: readonly Choice[], value: CellValue | AnswerValue | undefined): Choice | null {
  const chosen: unknown[] = Array.isArray(value) ? value : [value];
  let worst: Choice | null = null;
  for (const choice of choices) {
    if (!chosen.includes(choice.value)) continue;
    if (!worst || (choice.risk ?? 0) > (worst.risk ?? 0)) worst = choice;
  }
  return worst;
}

/**
 * The riskiest choice ticked, or the choices left unticked (their missing_risk
 * summed and capped at 100), whichever is larger; a tie goes to the choice
 * ticked, the vendor's own words. A choice with missing_risk has no risk (a
 * load check), so ticking another control never adds risk.
 */
function rateChoices(question: ChoiceQuestion, value: AnswerValue): Rated | null {
  const worst = worstChoice(question.choices, value);
  if (!worst) return null;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  const chosen = question.choices.filter((c) => values.includes(c.value));
  const tickedRisk = worst.risk ?? 0;
  const ticked =
    chosen.length > 1
      ? `${chosen.map(label).join("; ")}${tickedRisk > 0 ? `; riskiest: ${label(worst)}` : ""}`
      : label(worst);
  const missing = question.type === "multi" ? missingRisk(question.choices.filter((c) => !values.includes(c.value))) : null;
  if (!missing) return { risk: tickedRisk, answer: ticked, riskFrom: { choice: worst.value } };
  if (missing.risk > tickedRisk) return { ...missing, answer: `${ticked}; missing: ${missing.answer}` };
  return {
    risk: tickedRisk,
    answer: `${ticked}: risk ${tickedRisk}, not less than what is missing (${missing.answer})`,
    riskFrom: { choice: worst.value },
  };
}

function missingRisk(unticked: readonly Choice[]): Rated | null {
  const missing = unticked.filter((c) => (c.missing_risk ?? 0) > 0);
  if (missing.length === 0) return null;
  const sum = missing.reduce((total, c) => total + (c.missing_risk ?? 0), 0);
  const terms = missing.map((c) => `${label(c)} ${c.missing_risk}`).join(" + ");
  return {
    risk: Math.min(FULL_RISK, sum),
    answer: `${terms}${missing.length > 1 ? ` = ${sum}` : ""}${sum > FULL_RISK ? `, capped at ${FULL_RISK}` : ""}`,
    riskFrom: { missing: missing.map((c) => c.value) },
  };
}

/**
 * An optional list of controls left blank. A plain form sends nothing for an
 * unticked group, so blank cannot be told from "none of these"; leaving it out
 * would let a vendor score better by ticking nothing than by ticking one control.
 */
export function rateNothingTicked(question: Question): Rated | null {
  if (question.type !== "multi") return null;
  const missing = missingRisk(question.choices);
  return missing && { ...missing, answer: `Nothing ticked; missing: ${missing.answer}` };
}

export function rateAnswer(question: Question, value: AnswerValue): Rated | null {
  if (question.type === "bool") {
    if (!question.risk || typeof value !== "boolean") return null;
    const side = value ? "yes" : "no";
    return { risk: question.risk[side], answer: value ? "Yes" : "No", riskFrom: { choice: side } };
  }
  if (question.type === "single" || question.type === "multi") return rateChoices(question, value);
  if (question.type !== "table" || !Array.isArray(value)) return null;
  const columns = riskColumns(question);
  let best: Rated | null = null;
  for (const [index, row] of value.entries()) {
    if (typeof row !== "object" || row === null || Array.isArray(row)) continue;
    const tableRow = row as TableRow;
    const keyCell = question.key_column ? tableRow[question.key_column] : undefined;
    const rowKey = typeof keyCell === "string" && keyCell.trim() !== "" ? keyCell : undefined;
    for (const column of columns) {
      const worst = worstChoice(column.choices, tableRow[column.id]);
      if (!worst || (best && (worst.risk ?? 0) <= best.risk)) continue;
      const where = `row ${index + 1}${rowKey ? ` (${rowKey})` : ""}`;
      best = {
        risk: worst.risk ?? 0,
        answer: `${where}, ${text(column.label)}: ${label(worst)}`,
        riskFrom: { choice: worst.value, row: index, ...(rowKey ? { rowKey } : {}), column: column.id },
      };
    }
  }
  return best;
}

function formatValue(question: Question, value: AnswerValue): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return question.type === "number" ? `${value} ${question.unit}` : String(value);
  if (question.type === "single" || question.type === "multi") {
    const values = Array.isArray(value) ? value : [value];
    return values
      .map((v) => {
        const choice = question.choices.find((c) => c.value === v);
        return choice ? label(choice) : String(v);
      })
      .join("; ");
  }
  if (question.type === "table" && Array.isArray(value)) return `${value.length} row${value.length === 1 ? "" : "s"}`;
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

export function describeAnswer(question: Question, value: AnswerValue | null | undefined): string {
  if (value === null || value === undefined) return "no answer";
  return formatValue(question, value);
}
