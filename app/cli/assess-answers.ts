import * as z from "zod";
import { deriveDataMap } from "~/datamap/derive";
import { DataMapSchema, describeIssues, ScopeSchema, type DataMap } from "~/datamap/schema";
import { parseAnswerInput, type Answer, type Answers, type Question, type Questionnaire, type RawAnswer } from "~/questionnaire";

// `assess --answers FILE --questionnaire ID`: questionnaire answers as a legal
// team scripts them, turned into the same DataMap the app derives. FILE is one
// answers document, or a JSON array of them:
//
//   { "scope": { "subjects": ["DE"], "categories": ["contact"], "sector": "general" },
//     "answers": { "s0.legal_name": "Acme CRM GmbH", "s3.backup_encryption": { "na": "no backups" } },
//     "unauthorisedParties": ["Helpdesk"] }
//
// Every answer is checked by the questionnaire's own validation; problems are
// named by path ("[2].answers.s0.parties[1].country").

export interface QuestionnaireRef {
  id: string;
  version?: string;
}

/** "hosted-crm" or "hosted-crm@1.0.0"; null when it is neither. */
export function parseQuestionnaireRef(text: string): QuestionnaireRef | null {
  const match = /^([a-z0-9][a-z0-9-]*)(?:@(\d+\.\d+\.\d+))?$/.exec(text);
  if (!match) return null;
  return match[2] ? { id: match[1]!, version: match[2] } : { id: match[1]! };
}

const AnswersDocumentSchema = z.strictObject({
  scope: ScopeSchema,
  answers: z.record(z.string(), z.unknown()),
  unauthorisedParties: z.array(z.string().min(1, "must not be empty")).optional(),
});

export type ParsedAnswersInput =
  | { ok: true; maps: DataMap[]; notes: string[][]; array: boolean }
  | { ok: false; problems: string[] };

export function parseAnswersInput(text: string, questionnaire: Questionnaire): ParsedAnswersInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(root): not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const documents = Array.isArray(json) ? json : [json];
  const maps: DataMap[] = [];
  const notes: string[][] = [];
  const problems: string[] = [];
  documents.forEach((document, index) => {
    const root = Array.isArray(json) ? `[${index}]` : "";
    const derived = deriveDocument(document, questionnaire, root);
    if (derived.ok) {
      maps.push(derived.dataMap);
      notes.push(derived.notes.map((note) => (root ? `${root}: ${note}` : note)));
    } else problems.push(...derived.problems);
  });
  return problems.length ? { ok: false, problems } : { ok: true, maps, notes, array: Array.isArray(json) };
}

function deriveDocument(
  document: unknown,
  questionnaire: Questionnaire,
  root: string,
): { ok: true; dataMap: DataMap; notes: string[] } | { ok: false; problems: string[] } {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    return { ok: false, problems: [`${root || "(root)"}: expected an answers document { "scope": …, "answers": … }`] };
  }
  const parsed = AnswersDocumentSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error, root) };
  const { scope, answers: given, unauthorisedParties } = parsed.data;
  const at = (path: string) => `${root ? `${root}.` : ""}answers.${path}`;

  const questions = new Map<string, Question>(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const problems: string[] = [];
  const raw = new Map<string, RawAnswer>();
  // Conditions and row references read the other answers, so all are read first, then each is checked.
  const tentative: Answers = {};
  for (const [id, value] of Object.entries(given)) {
    if (!questions.has(id)) {
      problems.push(`${at(id)}: is not a question of ${questionnaire.id} ${questionnaire.version}`);
      continue;
    }
    const input = toRawAnswer(value);
    if (!input) {
      problems.push(`${at(id)}: must be a string, number, boolean, list, table rows or { "na": "reason" }`);
      continue;
    }
    const question = questions.get(id)!;
    if (question.type === "table" && input.rows) {
      const columns = new Set(question.columns.map((c) => c.id));
      input.rows.forEach((row, i) => {
        for (const column of Object.keys(row)) {
          if (!columns.has(column)) problems.push(`${at(`${id}[${i}].${column}`)}: is not a column of ${id}`);
        }
      });
    }
    raw.set(id, input);
    tentative[id] = isNotApplicable(value) ? { value: null, naReason: value.na } : { value: value as Answer["value"], naReason: null };
  }

  const answers: Answers = {};
  for (const [id, input] of raw) {
    const result = parseAnswerInput(questions.get(id)!, input, tentative);
    if (result.ok) {
      answers[id] = result.answer;
      continue;
    }
    const fields = Object.entries(result.fieldErrors ?? {});
    if (fields.length === 0) problems.push(`${at(id)}: ${result.message}`);
    for (const [field, message] of fields) {
      const path = field === "na_reason" ? `${id}.na` : `${id}${field.replace(/^rows/, "")}`;
      problems.push(`${at(path)}: ${message}`);
    }
  }
  if (problems.length) return { ok: false, problems };

  const { dataMap, notes } = deriveDataMap(questionnaire, answers, scope, unauthorisedParties ? { unauthorisedParties } : {});
  const checked = DataMapSchema.safeParse(dataMap);
  if (!checked.success) return { ok: false, problems: describeIssues(checked.error, `${root ? `${root}.` : ""}(derived DataMap)`) };
  return { ok: true, dataMap: checked.data, notes };
}

function isNotApplicable(value: unknown): value is { na: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { na?: unknown }).na === "string"
  );
}

const asText = (v: unknown): string | string[] | undefined =>
  typeof v === "string"
    ? v
    : typeof v === "number"
      ? String(v)
      : typeof v === "boolean"
        ? v
          ? "yes"
          : "no"
        : Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")
          ? v.map(String)
          : undefined;

/** The typed JSON answer as the questionnaire's form reader takes it; undefined for a shape no question has. */
function toRawAnswer(value: unknown): RawAnswer | undefined {
  if (isNotApplicable(value)) return { na: true, naReason: value.na };
  if (Array.isArray(value) && value.length > 0 && value.every((row) => typeof row === "object" && row !== null && !Array.isArray(row))) {
    const rows: Record<string, string | string[]>[] = [];
    for (const row of value as Record<string, unknown>[]) {
      const cells: Record<string, string | string[]> = {};
      for (const [column, cell] of Object.entries(row)) {
        const text = asText(cell);
        if (text === undefined) return undefined;
        cells[column] = text;
      }
      rows.push(cells);
    }
    return { rows };
  }
  const text = asText(value);
  return text === undefined ? undefined : { value: text };
}
