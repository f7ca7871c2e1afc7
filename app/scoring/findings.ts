import type { PolicyFinding } from "~/policy/types";
import type { Answers, AnswerValue, TableRow } from "~/questionnaire/answers";
import { evaluate } from "~/questionnaire/conditions";
import { evaluateFlags } from "~/questionnaire/flags";
import { text } from "~/questionnaire/localized";
import type { Choice, Condition, Question, Questionnaire } from "~/questionnaire/types";
import { isVisible } from "~/questionnaire/visibility";
import { describeAnswer } from "./answers";
import { flowKey } from "./residency";
import type { Finding, FindingReferences } from "./types";

const refs = (partial: Partial<FindingReferences>): FindingReferences => ({
  controls: [],
  citations: [],
  questions: [],
  flows: [],
  policyRules: [],
  ...partial,
});

const quoted = (s: string) => `“${s}”`;

function safest(choices: readonly Choice[], acceptable: (choice: Choice) => boolean): Choice | undefined {
  return choices
    .filter(acceptable)
    .reduce<Choice | undefined>((best, c) => (!best || (c.risk ?? 101) < (best.risk ?? 101) ? c : best), undefined);
}

/**
 * The answer that would not raise the flag, read from the flag's own condition:
 * the safest choice that does not match it, the other yes/no, or the bound of
 * a number. Null when the condition is not a single test on the question.
 */
function targetAnswer(question: Question, when: Condition): string | null {
  if (!("q" in when) || when.q !== question.id) return null;
  const raises = (value: AnswerValue) => evaluate(when, { [question.id]: { value } });
  if (when.column !== undefined) {
    if (question.type !== "table") return null;
    const column = question.columns.find((c) => c.id === when.column);
    if (!column) return null;
    const cellRaises = (cell: string | boolean | string[]) => raises([{ [column.id]: cell }]);
    const columnLabel = quoted(text(column.label));
    if (column.type === "single" || column.type === "multi") {
      const choice = safest(column.choices, (c) => !cellRaises(column.type === "multi" ? [c.value] : c.value));
      return choice ? `${columnLabel}: ${quoted(text(choice.label))} in every row` : null;
    }
    if (column.type === "bool") {
      const ok = [true, false].find((b) => !cellRaises(b));
      return ok === undefined ? null : `${columnLabel}: ${ok ? "Yes" : "No"} in every row`;
    }
    return null;
  }
  switch (question.type) {
    case "single":
    case "multi": {
      const choice = safest(question.choices, (c) => !raises(question.type === "multi" ? [c.value] : c.value));
      return choice ? quoted(text(choice.label)) : null;
    }
    case "bool": {
      const ok = [true, false].find((b) => !raises(b));
      return ok === undefined ? null : quoted(ok ? "Yes" : "No");
    }
    case "number": {
      if (!("value" in when) || typeof when.value !== "number") return null;
      const bound = `${when.value} ${question.unit}`;
      const words: Partial<Record<string, string>> = { gt: "at most", gte: "under", lt: "at least", lte: "over" };
      const word = words[when.op];
      return word ? `${word} ${bound}` : null;
    }
    default:
      return null;
  }
}

function remediationFor(question: Question, when: Condition, flagText: string): string {
  const target = targetAnswer(question, when);
  return target
    ? `Obtain a change, committed in the contract, so that the answer to ${question.id} (${quoted(text(question.text))}) becomes ${target}.`
    : `Agree with the vendor how this will be put right, and record it in the contract: ${flagText}`;
}

function rowsRaising(question: Question, when: Condition, answers: Answers): string | null {
  if (question.type !== "table" || !("q" in when) || when.column === undefined) return null;
  const rows = answers[question.id]?.value;
  if (!Array.isArray(rows)) return null;
  const hits = rows.flatMap((row, index) => {
    if (typeof row !== "object" || Array.isArray(row)) return [];
    const key = question.key_column ? (row as TableRow)[question.key_column] : undefined;
    return evaluate(when, { [question.id]: { value: [row as TableRow] } }) ? [`row ${index + 1}${typeof key === "string" ? ` (${key})` : ""}`] : [];
  });
  return hits.length > 0 ? hits.join(", ") : null;
}

export function flagFindings(questionnaire: Questionnaire, answers: Answers): Finding[] {
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  return evaluateFlags(questionnaire, answers).flatMap((raised) => {
    const question = questions.get(raised.questionId);
    const flag = question?.flags.find((f) => f.id === raised.id);
    if (!question || !flag) return [];
    const flagText = text(raised.text);
    const rows = rowsRaising(question, flag.when, answers);
    const answered = rows ?? describeAnswer(question, answers[question.id]?.value);
    return [
      {
        id: `flag:${raised.id}`,
        severity: raised.severity,
        source: raised.knockout ? "knockout" : "answer",
        title: flagText,
        detail: `${question.id} ${quoted(text(question.text))}: ${answered}.`,
        remediation: remediationFor(question, flag.when, flagText),
        references: refs({ controls: [...question.refs], questions: [question.id] }),
      } satisfies Finding,
    ];
  });
}

export function unansweredFinding(unanswered: readonly string[]): Finding[] {
  if (unanswered.length === 0) return [];
  const n = unanswered.length;
  return [
    {
      id: "answer:unanswered-required",
      severity: "medium",
      source: "answer",
      title: `${n} required question${n === 1 ? " is" : "s are"} unanswered`,
      detail: `Each unanswered required question that carries risk points counts as full risk in its section: ${unanswered.join(", ")}.`,
      remediation: `Obtain answers to ${n === 1 ? "this question" : `these ${n} questions`} and score the assessment again.`,
      references: refs({ questions: [...unanswered] }),
    },
  ];
}

export function policyFindings(found: readonly PolicyFinding[]): Finding[] {
  return found.map((p) => ({
    id: `policy:${p.ruleId}:${flowKey(p)}`,
    severity: p.severity,
    source: "policy",
    title: `Against the buyer's policy: ${p.ruleText}`,
    detail: p.text,
    remediation: "Bring the flow into line with the buyer's policy, or record an exception approved by the policy's owner.",
    references: refs({ flows: [flowKey(p)], policyRules: [p.ruleId] }),
  }));
}

// Time-relative checks the questionnaire format cannot express (decision 004),
// judged against the assessment date given by the caller.

const DAY = 86_400_000;
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parseDay(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return Number.isNaN(time) ? null : time;
}

const formatDay = (time: number): string => {
  const d = new Date(time);
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

interface DatedCheck {
  id: string;
  questionId: string;
  column?: string;
  maxAgeDays: number;
  severity: Finding["severity"];
  title: (date: string, where: string) => string;
  remediation: string;
}

/** Where the questionnaire holds the day each declared certificate stops being valid. */
export const CERTIFICATE_VALIDITY = { questionId: "s12.certifications", column: "valid_until" } as const;

const datedChecks: readonly DatedCheck[] = [
  {
    id: "stale-restore-test",
    questionId: "s3.last_restore_test",
    maxAgeDays: 365,
    severity: "medium",
    title: (date) => `The last successful restore test was on ${date}, more than a year before the assessment`,
    remediation: "Ask for a restore test of our kind of data and its record before go-live, then at least yearly.",
  },
  {
    id: "stale-ir-exercise",
    questionId: "s10.ir_last_exercise",
    maxAgeDays: 365,
    severity: "low",
    title: (date) => `The incident response plan was last rehearsed on ${date}, more than a year before the assessment`,
    remediation: "Ask for the date of the next rehearsal and its summary.",
  },
  {
    id: "expired-certificate",
    ...CERTIFICATE_VALIDITY,
    maxAgeDays: 0,
    severity: "high",
    title: (date, where) => `A certificate (${where}) expired on ${date}`,
    remediation: "Obtain the renewed certificate, or a letter from the certification body, before go-live.",
  },
  {
    id: "stale-audit-period",
    questionId: "s12.certifications",
    column: "period_end",
    maxAgeDays: 455,
    severity: "medium",
    title: (date, where) => `The audit period of a report (${where}) ended on ${date}, more than 15 months before the assessment`,
    remediation: "Obtain the current report, or a bridge letter covering the time since the period ended.",
  },
];

function rowName(question: Question, row: TableRow, index: number): string {
  const cells = question.type === "table" ? question.columns : [];
  const key = question.type === "table" && question.key_column ? row[question.key_column] : undefined;
  if (typeof key === "string") return key;
  const firstChoice = cells.find((c) => c.type === "single");
  const value = firstChoice ? row[firstChoice.id] : undefined;
  const choice = firstChoice?.type === "single" ? firstChoice.choices.find((c) => c.value === value) : undefined;
  return choice ? text(choice.label) : `row ${index + 1}`;
}

/** The dates a check reads, where its question is visible: one for a date question, one per row of a table column. */
function datesOf(check: DatedCheck, question: Question, answers: Answers): { day: number | null; where: string; suffix: string }[] {
  if (!isVisible(question, answers)) return [];
  const value = answers[question.id]?.value;
  if (check.column === undefined) return question.type === "date" ? [{ day: parseDay(value), where: "", suffix: "" }] : [];
  if (question.type !== "table" || !Array.isArray(value)) return [];
  return value.flatMap((row, index) =>
    typeof row === "object" && !Array.isArray(row)
      ? [{ day: parseDay((row as TableRow)[check.column!]), where: rowName(question, row as TableRow, index), suffix: `:${index}` }]
      : [],
  );
}

export function datedFindings(questionnaire: Questionnaire, answers: Answers, asOf: string): Finding[] {
  const today = parseDay(asOf);
  if (today === null) throw new Error(`asOf must be a date such as 2026-11-22, not ${JSON.stringify(asOf)}`);
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const found: Finding[] = [];
  for (const check of datedChecks) {
    const question = questions.get(check.questionId);
    if (!question) continue;
    for (const { day, where, suffix } of datesOf(check, question, answers)) {
      if (day === null || (today - day) / DAY <= check.maxAgeDays) continue;
      found.push({
        id: `dated:${check.questionId}#${check.id}${suffix}`,
        severity: check.severity,
        source: "answer",
        title: check.title(formatDay(day), where),
        detail: `${question.id} ${quoted(text(question.text))}, judged on ${formatDay(today)}.`,
        remediation: check.remediation,
        references: refs({ controls: [...question.refs], questions: [question.id] }),
      });
    }
  }
  return found;
}

/**
 * The certificates the vendor declared, with the day each stops being valid
 * (YYYY-MM-DD), as the expired-certificate finding reads them; for reminders
 * after sign-off.
 */
export function certificateExpiries(questionnaire: Questionnaire, answers: Answers): { key: string; certificate: string; validUntil: string }[] {
  const check = datedChecks.find((c) => c.id === "expired-certificate")!;
  const question = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === check.questionId);
  if (!question) return [];
  return datesOf(check, question, answers).flatMap(({ day, where, suffix }) =>
    day === null ? [] : [{ key: `${question.id}${suffix}`, certificate: where, validUntil: new Date(day).toISOString().slice(0, 10) }],
  );
}
