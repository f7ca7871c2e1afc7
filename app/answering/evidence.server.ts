import type { DB } from "#db/database";
import type { AssessmentWorkspace } from "~/assessments/workspace.server";
import { checkEvidenceUpload } from "~/evidence/sniff.server";
import { evidenceStoreFromEnv, storeEvidence, type EvidenceStore } from "~/evidence/store.server";
import { getEnv } from "~/env.server";
import { answersLocked, type Answerer } from "~/models/answers.server";
import { cleanFileName, listEvidence, recordEvidence } from "~/models/evidence.server";
import type { Actor } from "~/models/workflow.server";
import type { Question, Section } from "~/questionnaire/types";
import { maxFormBytes } from "~/utils/form-data.server";
import type { FieldError } from "./form-state";
import { submitSection, type SectionSubmission } from "./section.server";

// File questions hold evidence ids. Before a section is saved, this checks the
// ids the form carries (only this assessment's files of that question) and,
// for "upload:<question>", stores the chosen file and adds its id, so the save
// that follows records the answer change like any other.

type FileQuestion = Extract<Question, { type: "file" }>;

export interface ReceivedEvidence {
  formData: FormData;
  errors: FieldError[];
  /** The file stored by this request, if any. */
  uploaded: { questionId: string; evidenceId: string; fileName: string } | null;
}

const sameKind: Record<string, string> = { jpeg: "jpg" };

/** Whether a question's `accept` list (extensions, as authors write them) takes this stored extension. */
export function acceptsExtension(accept: readonly string[], extension: string): boolean {
  if (accept.length === 0) return true;
  const wanted = new Set(accept.map((a) => sameKind[a] ?? a));
  return wanted.has(sameKind[extension] ?? extension);
}

export function uploadFieldName(questionId: string): string {
  return `${questionId}.upload`;
}

export async function receiveEvidence(
  db: DB,
  input: { organisationId: string; workspace: AssessmentWorkspace; section: Section; formData: FormData; actor: Actor; store: EvidenceStore },
): Promise<ReceivedEvidence> {
  const { organisationId, workspace, section, actor, store } = input;
  const assessmentId = workspace.assessment.id;
  const fileQuestions = section.questions.filter((q): q is FileQuestion => q.type === "file");
  const errors: FieldError[] = [];
  const uploadFields = new Set(fileQuestions.map((q) => uploadFieldName(q.id)));
  const fileIds = new Set(fileQuestions.map((q) => q.id));
  const formData = new FormData();
  for (const [name, value] of input.formData.entries()) if (!uploadFields.has(name) && !fileIds.has(name)) formData.append(name, value);
  const done = (uploaded: ReceivedEvidence["uploaded"] = null): ReceivedEvidence => ({ formData, errors, uploaded });
  if (fileQuestions.length === 0) return done();

  const known = new Map(listEvidence(db, assessmentId).map((file) => [file.id, file.questionId]));
  for (const question of fileQuestions) {
    const given = input.formData.getAll(question.id);
    // Only files of this assessment, uploaded to this question, can be attached to it.
    const kept = [...new Set(given.filter((id): id is string => typeof id === "string" && known.get(id) === question.id))];
    if (kept.length < given.length) errors.push({ questionId: question.id, field: question.id, message: "Upload the file again: the upload was not stored" });
    for (const id of kept) formData.append(question.id, id);
  }

  const intent = input.formData.get("intent");
  const target = fileQuestions.find((q) => intent === `upload:${q.id}`);
  if (!target || answersLocked(workspace.assessment.status)) return done();
  const fail = (message: string) => {
    errors.push({ questionId: target.id, field: uploadFieldName(target.id), message });
    return done();
  };

  const file = input.formData.getAll(uploadFieldName(target.id)).find((v): v is File => typeof v !== "string" && v.size > 0);
  if (!file) return fail("Choose a file to upload");
  if (formData.getAll(target.id).length >= target.max_files) {
    return fail(`Attach at most ${target.max_files} files: remove one before adding another`);
  }
  const shownName = cleanFileName(file.name, "file");
  const claim = { bytes: new Uint8Array(await file.arrayBuffer()), fileName: shownName, declaredType: file.type };
  const check = checkEvidenceUpload(claim, store.maxBytes);
  if (check.ok && !acceptsExtension(target.accept, check.extension)) {
    return fail(`The file ${shownName} is not accepted here: attach a ${target.accept.map((a) => a.toUpperCase()).join(" or ")} file`);
  }
  const stored = storeEvidence(store, claim);
  if (!stored.ok) return fail(stored.message);
  const evidence = recordEvidence(db, { organisationId, assessmentId, questionId: target.id, fileName: shownName, stored: stored.stored, actor });
  formData.append(target.id, evidence.id);
  return done({ questionId: target.id, evidenceId: evidence.id, fileName: evidence.fileName });
}

/** The largest section form read: a file can come with it as multipart, never otherwise. */
export function sectionBodyLimit(request: Request): number {
  const multipart = /^multipart\/form-data\b/i.test(request.headers.get("Content-Type") ?? "");
  return multipart ? maxFormBytes + getEnv().EVIDENCE_MAX_BYTES : maxFormBytes;
}

/**
 * Saves a section form that may carry an upload: the file is checked and
 * stored first (a refused file is a message by its field, and the rest of the
 * form is still saved), then the section is saved as decision 007 describes.
 */
export async function submitSectionWithEvidence(
  db: DB,
  input: { organisationId: string; workspace: AssessmentWorkspace; sectionId: string; answerer: Answerer; actor: Actor; formData: FormData },
): Promise<SectionSubmission> {
  const section = input.workspace.questionnaire.sections.find((s) => s.id === input.sectionId);
  const received = section
    ? await receiveEvidence(db, { ...input, section, store: evidenceStoreFromEnv() })
    : { formData: input.formData, errors: [], uploaded: null };
  const submission = submitSection(db, { ...input, formData: received.formData, extraErrors: received.errors });
  return { ...submission, result: { ...submission.result, uploaded: received.uploaded } };
}
