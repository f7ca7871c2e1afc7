import * as z from "zod";
import type { DB } from "#db/database";
import { blankAnswerFingerprint, type AnswerBase } from "~/answering/fingerprint";
import type { AssessmentWorkspace } from "~/assessments/workspace.server";
import { readJob, startJob } from "~/jobs/runner.server";
import { answersLocked, listAnswerStates, saveAnswers, type Answerer, type WriteOutcome } from "~/models/answers.server";
import { recordEvent } from "~/models/events.server";
import { updateJob, type JobView } from "~/models/jobs.server";
import type { Organisation } from "~/models/organisations.server";
import { invariantResponse } from "~/utils/invariant";
import { buildQuestionnaireWorkbook } from "./export-workbook";
import { MAX_WORKBOOK_BYTES } from "./limits";
import { readQuestionnaireWorkbook, type CellProblem, type ImportPreview, type StoredState } from "./import-workbook";

// Offline answering on the server: the workbook of an assessment, and its
// import as a background job that only previews; answers are saved when the
// person confirms, through saveAnswers, exactly as the web form saves them.

export const IMPORT_JOB = "answers-import";

function vendorLabel(workspace: AssessmentWorkspace): string {
  return `${workspace.assessment.vendor.name} (the vendor)`;
}

function storedStates(db: DB, assessmentId: string): Record<string, StoredState> {
  const states: Record<string, StoredState> = {};
  for (const [id, s] of listAnswerStates(db, assessmentId)) {
    states[id] = { ...s, answeredAt: s.answeredAt?.toISOString() ?? null };
  }
  return states;
}

export async function questionnaireWorkbook(
  db: DB,
  organisation: Organisation,
  workspace: AssessmentWorkspace,
  now = new Date(),
): Promise<{ bytes: Buffer; fileName: string }> {
  const { assessment, questionnaire } = workspace;
  const states = listAnswerStates(db, assessment.id);
  const bases: Record<string, AnswerBase> = {};
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const state = states.get(question.id);
      bases[question.id] = state ? { revision: state.revision, fingerprint: state.fingerprint } : { revision: 0, fingerprint: blankAnswerFingerprint };
    }
  }
  const bytes = await buildQuestionnaireWorkbook({
    questionnaire,
    answers: workspace.answers,
    bases,
    assessment: { id: assessment.id, vendorName: assessment.vendor.name, buyerName: organisation.name },
    exportedAt: now.toISOString(),
  });
  return { bytes, fileName: `${slug(assessment.vendor.name)}-questionnaire-${now.toISOString().slice(0, 10)}.xlsx` };
}

export function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "vendor"
  );
}

export interface ImportJobResult {
  fileName: string;
  problems: CellProblem[] | null;
  preview: ImportPreview | null;
  applied: AppliedImport | null;
  discarded: { at: string; by: string } | null;
}

export interface AppliedImport {
  at: string;
  by: string;
  saved: string[];
  conflicts: string[];
  untouched: string[];
  unchanged: string[];
}

/** Who uploads a workbook: a buyer's user, or a vendor contact through their link (`invitationId`). */
export type ImportUploader = { id: string; name: string; invitationId?: undefined } | { id: null; name: string; invitationId: string };

/** Stores the uploaded workbook and starts reading it; the page of the returned job shows progress, then the preview. */
export function startAnswersImport(
  db: DB,
  input: { organisation: Pick<Organisation, "id">; user: ImportUploader; workspace: AssessmentWorkspace; bytes: Buffer; fileName: string },
): string {
  const { workspace, organisation, user } = input;
  const assessmentId = workspace.assessment.id;
  return startJob(
    db,
    {
      organisationId: organisation.id,
      kind: IMPORT_JOB,
      assessmentId,
      input: { fileName: input.fileName, ...(user.invitationId ? { invitationId: user.invitationId } : {}) },
      file: input.bytes,
      fileName: input.fileName,
      fileType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      createdByUserId: user.id,
      createdBy: user.name,
    },
    async ({ progress }) => {
      await progress(0, workspace.questionnaire.sections.length, "Opening the workbook");
      const read = await readQuestionnaireWorkbook(input.bytes, {
        questionnaire: workspace.questionnaire,
        assessmentId,
        answers: workspace.answers,
        states: storedStates(db, assessmentId),
        vendorLabel: vendorLabel(workspace),
        onProgress: (done, total, stage) => progress(done, total, stage),
      });
      const result: ImportJobResult = {
        fileName: input.fileName,
        problems: read.ok ? null : read.problems,
        preview: read.ok ? read.preview : null,
        applied: null,
        discarded: null,
      };
      return { result };
    },
  );
}

export interface AnswersImportView {
  job: Omit<JobView, "result" | "input">;
  result: ImportJobResult | null;
}

/**
 * The import job of this assessment, or a 404. With `invitationId` (the vendor
 * portal), only an import uploaded through that very link is found.
 */
export function requireAnswersImport(db: DB, organisationId: string, assessmentId: string, jobId: string, invitationId?: string): AnswersImportView {
  const job = readJob(db, organisationId, jobId);
  invariantResponse(job && job.kind === IMPORT_JOB && job.assessmentId === assessmentId, "Import not found", { status: 404 });
  const uploadedThrough = (job.input as { invitationId?: string } | null)?.invitationId;
  invariantResponse(invitationId === undefined || uploadedThrough === invitationId, "Import not found", { status: 404 });
  const { result, input: _input, ...rest } = job;
  // Written by startAnswersImport and applyAnswersImport only.
  return { job: rest, result: (result as ImportJobResult | null) ?? null };
}

export function importIsValid(view: AnswersImportView): boolean {
  return view.job.state === "succeeded" && !!view.result?.preview && view.result.preview.errors.length === 0;
}

/** What an import page shows, and its status: a workbook with cells in error is bad input, listed with a 422. */
export function importPageData(view: AnswersImportView) {
  const { job, result } = view;
  const invalid = job.state === "failed" || !!result?.problems || (result?.preview?.errors.length ?? 0) > 0;
  return {
    status: invalid ? 422 : 200,
    job: { id: job.id, state: job.state, done: job.done, total: job.total, stage: job.stage, error: job.error, fileName: job.fileName },
    result,
    valid: importIsValid(view),
  };
}

const ImportIntentSchema = z.object({ intent: z.enum(["apply", "discard"], 'Field "intent" must be apply or discard') });

/** The button pressed on an import page; a 422 for anything else. */
export function requireImportIntent(formData: FormData): "apply" | "discard" {
  const parsed = ImportIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Bad request", { status: 422 });
  return parsed.data.intent;
}

/**
 * Saves the previewed answers, once, through saveAnswers with the bases the
 * workbook was made from: an answer changed in Custodian since then is a
 * conflict and is not overwritten.
 */
export function applyAnswersImport(
  db: DB,
  input: { organisationId: string; workspace: AssessmentWorkspace; jobId: string; answerer: Answerer; invitationId?: string },
  now = new Date(),
): AppliedImport {
  const { workspace, organisationId, answerer } = input;
  const assessmentId = workspace.assessment.id;
  invariantResponse(!answersLocked(workspace.assessment.status), `This assessment is ${workspace.assessment.status}: its answers can no longer be changed`, {
    status: 409,
  });
  return db.transaction(() => {
    const view = requireAnswersImport(db, organisationId, assessmentId, input.jobId, input.invitationId);
    invariantResponse(view.job.state === "succeeded" && view.result, "This import has not finished being read yet", { status: 409 });
    const result = view.result;
    invariantResponse(!result.applied, "This workbook has already been applied", { status: 409 });
    invariantResponse(!result.discarded, "This import was discarded: upload the workbook again", { status: 409 });
    invariantResponse(result.preview && result.preview.errors.length === 0, "Fix the cells listed and upload the workbook again: nothing was saved", { status: 422 });
    const outcomes: WriteOutcome[] = saveAnswers(db, { organisationId, assessmentId, answerer, writes: result.preview.writes }, now);
    const pick = (status: WriteOutcome["status"]) => outcomes.filter((o) => o.status === status).map((o) => o.questionId);
    const applied: AppliedImport = {
      at: now.toISOString(),
      by: answerer.name,
      saved: pick("saved"),
      conflicts: pick("conflict"),
      untouched: pick("untouched"),
      unchanged: pick("unchanged"),
    };
    updateJob(db, input.jobId, { result: { ...result, applied } }, now);
    recordEvent(
      db,
      {
        organisationId,
        assessmentId,
        actorUserId: answerer.userId,
        actor: answerer.name,
        type: "answers.imported",
        payload: { jobId: input.jobId, fileName: result.fileName, saved: applied.saved, conflicts: applied.conflicts, untouched: applied.untouched },
      },
      now,
    );
    return applied;
  });
}

export function discardAnswersImport(
  db: DB,
  input: { organisationId: string; assessmentId: string; jobId: string; by: string; invitationId?: string },
  now = new Date(),
) {
  db.transaction(() => {
    const view = requireAnswersImport(db, input.organisationId, input.assessmentId, input.jobId, input.invitationId);
    invariantResponse(view.result && !view.result.applied, "This workbook has already been applied", { status: 409 });
    updateJob(db, input.jobId, { result: { ...view.result, discarded: { at: now.toISOString(), by: input.by } }, file: null }, now);
  });
}

/** Refuses an upload that is not a workbook before any work is started. */
export function checkWorkbookUpload(file: FormDataEntryValue | null): { ok: true; file: File } | { ok: false; message: string } {
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: 'Field "workbook": choose the filled-in workbook (.xlsx) to upload' };
  if (file.size > MAX_WORKBOOK_BYTES) return { ok: false, message: `Field "workbook": the file is larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB` };
  if (!/\.xlsx$/i.test(file.name)) return { ok: false, message: `Field "workbook": "${file.name}" is not an .xlsx workbook` };
  return { ok: true, file };
}

