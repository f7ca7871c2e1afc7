import * as z from "zod";
import type { DB } from "#db/database";
import type { AssessmentWorkspace } from "~/assessments/workspace.server";
import { answersLocked, listAnswerStates, saveAnswers, type Answerer, type StoredAnswerState } from "~/models/answers.server";
import { getEnv } from "~/env.server";
import { listEvidence } from "~/models/evidence.server";
import {
  isAnswered,
  isVisible,
  readSectionForm,
  sectionProgress,
  text,
  type Answer,
  type Answers,
  type Progress,
  type ProgressStatus,
  type Section,
} from "~/questionnaire";
import { referencedQuestions } from "~/questionnaire/conditions";
import type { Rule } from "~/questionnaire/types";
import { invariantResponse } from "~/utils/invariant";
import { displayAnswer, type DisplayContext } from "./display";
import { blankAnswerFingerprint, type AnswerBase } from "./fingerprint";
import {
  collectRawInput,
  errorsAtRowPositions,
  toRawInput,
  type ConflictView,
  type FieldError,
  type RawInput,
  type SectionIntent,
  type SectionResult,
} from "./form-state";

/** Everything a page needs to render one section's form; the same for the buyer and the vendor portal. */
export interface SectionView {
  assessmentId: string;
  section: Section;
  sectionTitle: string;
  sectionNumber: number;
  /** The answers this section's rules and row references read, and its own. */
  answers: Answers;
  bases: Record<string, AnswerBase>;
  lastChanged: Record<string, { by: string; at: string }>;
  progress: Progress;
  sections: { id: string; title: string; status: ProgressStatus; answered: number; required: number; remaining: number }[];
  previousSectionId: string | null;
  nextSectionId: string | null;
  locked: boolean;
  /** How a blank "operated by" reads: the vendor itself. */
  vendorLabel: string;
  /** The evidence files of this section's file questions, by id. */
  files: Record<string, SectionFile>;
  /** Largest evidence file accepted, in bytes (EVIDENCE_MAX_BYTES). */
  maxFileBytes: number;
}

export interface SectionFile {
  name: string;
  size: number;
  /** ISO 8601 day the retention policy deleted the file; its checksum stays on record. */
  purgedAt: string | null;
}

function requireSection(workspace: AssessmentWorkspace, sectionId: string, answers: Answers): Section {
  const section = workspace.questionnaire.sections.find((s) => s.id === sectionId);
  invariantResponse(section, "Section not found", { status: 404 });
  invariantResponse(isVisible(section, answers), "This section does not apply to this assessment", { status: 404 });
  return section;
}

/**
 * A section as its form shows it. `vendorLabel` is how a blank "operated by"
 * reads: the buyer sees the vendor's name, a vendor portal may say "Your company".
 */
export function loadSectionView(
  db: DB,
  workspace: AssessmentWorkspace,
  sectionId: string,
  options: { vendorLabel?: string } = {},
): SectionView {
  const { assessment, questionnaire, answers } = workspace;
  const section = requireSection(workspace, sectionId, answers);
  const states = listAnswerStates(db, assessment.id);
  const progress = sectionProgress(questionnaire, answers);
  const titles = new Map(questionnaire.sections.map((s) => [s.id, text(s.title)]));
  const visibleIds = progress.sections.map((s) => s.sectionId);
  const position = visibleIds.indexOf(section.id);

  const bases: SectionView["bases"] = {};
  const lastChanged: SectionView["lastChanged"] = {};
  for (const question of section.questions) {
    const state = states.get(question.id);
    bases[question.id] = baseOf(state);
    if (state?.answeredBy && state.answeredAt && state.revision > 0) {
      lastChanged[question.id] = { by: state.answeredBy, at: state.answeredAt.toISOString() };
    }
  }
  const context = Object.fromEntries([...contextQuestionIds(section)].flatMap((id) => (answers[id] ? [[id, answers[id]]] : [])));

  return {
    assessmentId: assessment.id,
    section,
    sectionTitle: text(section.title),
    sectionNumber: questionnaire.sections.indexOf(section) + 1,
    answers: context,
    bases,
    lastChanged,
    progress: progress.sections.find((s) => s.sectionId === section.id) ?? progress.total,
    sections: progress.sections.map(({ sectionId, status, answered, required, remaining }) => ({
      id: sectionId,
      title: titles.get(sectionId) ?? sectionId,
      status,
      answered,
      required,
      remaining,
    })),
    previousSectionId: visibleIds[position - 1] ?? null,
    nextSectionId: visibleIds[position + 1] ?? null,
    locked: answersLocked(assessment.status),
    vendorLabel: options.vendorLabel ?? vendorLabel(workspace),
    files: sectionFiles(db, assessment.id, section),
    maxFileBytes: getEnv().EVIDENCE_MAX_BYTES,
  };
}

function sectionFiles(db: DB, assessmentId: string, section: Section): Record<string, SectionFile> {
  const fileQuestions = new Set(section.questions.filter((q) => q.type === "file").map((q) => q.id));
  if (fileQuestions.size === 0) return {};
  return Object.fromEntries(
    listEvidence(db, assessmentId)
      .filter((file) => fileQuestions.has(file.questionId))
      .map((file) => [file.id, { name: file.fileName, size: file.size, purgedAt: file.purgedAt?.toISOString() ?? null }]),
  );
}

function vendorLabel(workspace: AssessmentWorkspace): string {
  return `${workspace.assessment.vendor.name} (the vendor)`;
}

function baseOf(state: StoredAnswerState | undefined): AnswerBase {
  return state ? { revision: state.revision, fingerprint: state.fingerprint } : { revision: 0, fingerprint: blankAnswerFingerprint };
}

/** The section's own questions, those its rules read, and the tables its row references point at. */
function contextQuestionIds(section: Section): Set<string> {
  const ids = new Set<string>();
  const addRule = (rule: Rule) => {
    if (typeof rule !== "boolean") for (const leaf of referencedQuestions(rule)) ids.add(leaf.q);
  };
  addRule(section.effective.visible);
  for (const question of section.questions) {
    ids.add(question.id);
    addRule(question.effective.visible);
    addRule(question.effective.required);
    addRule(question.effective.naAllowed);
    if (question.type === "table") for (const column of question.columns) if (column.type === "rowref") ids.add(column.table);
  }
  return ids;
}

const questionIdPattern = /[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*/.source;
const intentPattern = new RegExp(
  `^(?:save|save-continue|autosave|(add-row|keep-theirs|use-mine|upload):(${questionIdPattern})|remove-row:(${questionIdPattern}):(\\d{1,4}))$`,
);

// The form's control fields: which button was pressed, and per question the
// stored answer the page was rendered from. Answers themselves go through
// readSectionForm.
const IntentSchema = z
  .string('Field "intent" must be text')
  .regex(intentPattern, 'Field "intent" must be save, save-continue, autosave, add-row, remove-row, keep-theirs, use-mine or upload')
  .optional()
  .transform((value): SectionIntent => {
    const match = intentPattern.exec(value ?? "save")!;
    if (match[1] && match[2]) return { kind: match[1] as "add-row" | "keep-theirs" | "use-mine" | "upload", questionId: match[2] };
    if (match[3] && match[4]) return { kind: "remove-row", questionId: match[3], row: Number(match[4]) };
    return { kind: (value ?? "save") as "save" | "save-continue" | "autosave" };
  });

const baseSchema = (field: string) =>
  z
    .object({
      revision: z.string().regex(/^\d{1,9}$/, `Field "${field}.revision" must be a whole number`),
      fingerprint: z.string().regex(/^[0-9a-f]{16}$/, `Field "${field}.fingerprint" must be 16 hexadecimal digits`),
    })
    .transform((b): AnswerBase => ({ revision: Number(b.revision), fingerprint: b.fingerprint }));

function parseControl<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new Response(result.error.issues[0]?.message ?? "Bad request", { status: 400 });
  return result.data;
}

function single(formData: FormData, name: string): string | undefined {
  const values = formData.getAll(name);
  if (values.length > 1) throw new Response(`Field "${name}" was sent more than once`, { status: 400 });
  const value = values[0];
  if (value !== undefined && typeof value !== "string") throw new Response(`Field "${name}" must be text`, { status: 400 });
  return value;
}

function readBase(formData: FormData, prefix: string): AnswerBase | null {
  const revision = single(formData, `${prefix}revision`);
  const fingerprint = single(formData, `${prefix}fingerprint`);
  if (revision === undefined && fingerprint === undefined) return null;
  return parseControl(baseSchema(prefix.replace(/\.$/, "")), { revision, fingerprint });
}

export interface SectionSubmission {
  result: SectionResult;
  /** The next section that applies after this save, or null after the last one. */
  nextSectionId: string | null;
}

/**
 * Saves one section's form: every visible question the form carried, each
 * checked against the base it was rendered with. Invalid answers are
 * reported and the valid ones saved; nothing the person typed is dropped
 * from the result.
 */
export function submitSection(
  db: DB,
  input: {
    organisationId: string;
    workspace: AssessmentWorkspace;
    sectionId: string;
    answerer: Answerer;
    formData: FormData;
    /** Messages found before saving, such as a refused upload; the rest of the form is still saved. */
    extraErrors?: FieldError[];
  },
): SectionSubmission {
  const { workspace, answerer, organisationId } = input;
  const { assessment, questionnaire } = workspace;
  const before = workspace.answers;
  const section = requireSection(workspace, input.sectionId, before);
  invariantResponse(!answersLocked(assessment.status), `This assessment is ${assessment.status}: its answers can no longer be changed`, {
    status: 409,
  });

  const intent = parseControl(IntentSchema, single(input.formData, "intent"));
  const questions = new Map(section.questions.map((q) => [q.id, q]));
  if ("questionId" in intent) {
    const target = questions.get(intent.questionId);
    invariantResponse(target, `Field "intent": ${intent.questionId} is not a question of this section`, { status: 400 });
    if (intent.kind === "add-row" || intent.kind === "remove-row") {
      invariantResponse(target.type === "table", `Field "intent": ${intent.questionId} is not a table`, { status: 400 });
    }
    if (intent.kind === "upload") {
      invariantResponse(target.type === "file", `Field "intent": ${intent.questionId} does not take files`, { status: 400 });
    }
  }
  const formData = intent.kind === "remove-row" ? withoutRow(input.formData, intent.questionId, intent.row) : input.formData;

  const submittedBases = new Map<string, AnswerBase | null>();
  for (const question of section.questions) submittedBases.set(question.id, readBase(formData, `${question.id}.`));
  if (intent.kind === "use-mine") {
    const theirs = readBase(formData, `${intent.questionId}.theirs_`);
    invariantResponse(theirs, `Field "${intent.questionId}.theirs_revision" is missing`, { status: 400 });
    submittedBases.set(intent.questionId, theirs);
  }

  const read = readSectionForm(section, formData, before);
  const keepTheirs = intent.kind === "keep-theirs" ? intent.questionId : null;
  const writes = Object.entries(read.answers)
    .filter(([questionId]) => questionId !== keepTheirs)
    .map(([questionId, answer]) => ({ questionId, answer, base: submittedBases.get(questionId) ?? null }));
  const outcomes = saveAnswers(db, { organisationId, assessmentId: assessment.id, answerer, writes });

  const states = listAnswerStates(db, assessment.id);
  const after: Answers = { ...before };
  for (const [questionId, state] of states) after[questionId] = { value: state.value as Answer["value"], naReason: state.naReason };
  const raw = collectRawInput(section, formData);
  const display: DisplayContext = { answers: after, vendorLabel: vendorLabel(workspace) };

  const bases: SectionResult["bases"] = {};
  for (const question of section.questions) bases[question.id] = submittedBases.get(question.id) ?? baseOf(states.get(question.id));
  const submitted: Record<string, RawInput> = { ...raw };
  const conflicts: ConflictView[] = [];
  for (const outcome of outcomes) {
    const question = questions.get(outcome.questionId)!;
    if (outcome.status === "conflict") {
      const { stored } = outcome;
      conflicts.push({
        questionId: question.id,
        theirs: {
          display: displayAnswer(question, stored, display),
          input: toRawInput(question, { value: stored.value as Answer["value"], naReason: stored.naReason }),
          answeredBy: stored.answeredBy,
          answeredAt: stored.answeredAt?.toISOString() ?? null,
          base: { revision: stored.revision, fingerprint: stored.fingerprint },
        },
        yours: { display: displayAnswer(question, read.answers[question.id], display) },
      });
      continue;
    }
    bases[question.id] = outcome.base;
    // Someone else's newer answer replaces the unchanged field the person left alone.
    if (outcome.status === "untouched") delete submitted[question.id];
  }
  if (keepTheirs) {
    bases[keepTheirs] = baseOf(states.get(keepTheirs));
    delete submitted[keepTheirs];
  }

  const blankRows: Record<string, number> = intent.kind === "add-row" ? { [intent.questionId]: 1 } : {};

  const revealed = section.questions
    .filter((q) => !isVisible(q, before) && isVisible(q, after) && !isAnswered(q, after) && !(q.id in raw))
    .map((q) => q.id);
  const nextSection = questionnaire.sections
    .slice(questionnaire.sections.indexOf(section) + 1)
    .find((s) => isVisible(s, after));

  return {
    result: {
      intent: intent.kind,
      errors: [...(input.extraErrors ?? []), ...errorsAtRowPositions(read.errors, raw)],
      conflicts,
      saved: outcomes.filter((o) => o.status === "saved").map((o) => o.questionId),
      bases,
      submitted: intent.kind === "autosave" ? {} : submitted,
      revealed,
      blankRows,
    },
    nextSectionId: nextSection?.id ?? null,
  };
}

/** The HTTP status of a save's page: 422 when a field is invalid, 409 when only conflicts stopped it. */
export function sectionResultStatus(result: SectionResult): 200 | 409 | 422 {
  if (result.errors.length > 0) return 422;
  return result.conflicts.length > 0 ? 409 : 200;
}

/** A plain save that may move on: nothing invalid, no conflict, and no new follow-up to answer. */
export function canContinue(result: SectionResult): boolean {
  return result.intent === "save-continue" && result.errors.length === 0 && result.conflicts.length === 0 && result.revealed.length === 0;
}

function withoutRow(formData: FormData, questionId: string, row: number): FormData {
  const prefix = `${questionId}[${row}].`;
  const copy = new FormData();
  for (const [name, value] of formData.entries()) if (!name.startsWith(prefix)) copy.append(name, value);
  return copy;
}
