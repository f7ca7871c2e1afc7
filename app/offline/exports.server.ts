import type { DB } from "#db/database";
import { scoreWorkspace } from "~/assessments/live-score.server";
import type { AssessmentWorkspace } from "~/assessments/workspace.server";
import { listAnswers } from "~/models/assessments.server";
import type { Organisation } from "~/models/organisations.server";
import type { AssessmentExportInput, StoredAnswerInfo } from "./answers-export";
import { slug } from "./workbook.server";

/** Everything the exports of one assessment print, loaded once. */
export function assessmentExportInput(db: DB, organisation: Organisation, workspace: AssessmentWorkspace, now = new Date()): AssessmentExportInput {
  const { assessment, questionnaire } = workspace;
  const stored: Record<string, StoredAnswerInfo> = {};
  for (const a of listAnswers(db, assessment.id)) {
    stored[a.questionId] = { value: a.value, naReason: a.naReason, answeredBy: a.answeredBy, answeredAt: a.answeredAt.toISOString() };
  }
  const score = scoreWorkspace(db, organisation, workspace, now);
  return {
    exportedAt: now.toISOString(),
    buyer: { name: organisation.name },
    vendor: assessment.vendor,
    assessment: {
      id: assessment.id,
      status: assessment.status,
      createdAt: assessment.createdAt.toISOString(),
      dueDate: assessment.dueDate,
      submittedAt: assessment.submittedAt?.toISOString() ?? null,
      finalisedAt: assessment.finalisedAt?.toISOString() ?? null,
    },
    scope: { ...assessment.scope },
    questionnaire,
    stored,
    score,
    scoreSource: "computed",
  };
}

export function exportFileName(workspace: AssessmentWorkspace, what: string, extension: string, now = new Date()): string {
  return `${slug(workspace.assessment.vendor.name)}-${what}-${now.toISOString().slice(0, 10)}.${extension}`;
}

export function download(body: string | Buffer, fileName: string, contentType: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
