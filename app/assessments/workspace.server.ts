import type { DB } from "#db/database";
import { answersByQuestion, getAssessment, listAnswers, type AssessmentDetail } from "~/models/assessments.server";
import type { Answers, Questionnaire } from "~/questionnaire";
import { getPinnedQuestionnaire } from "~/questionnaire/registry.server";
import { invariantResponse } from "~/utils/invariant";

export interface AssessmentWorkspace {
  assessment: AssessmentDetail;
  questionnaire: Questionnaire;
  answers: Answers;
}

/**
 * An assessment of the organisation with the exact questionnaire version it
 * pinned and its answers; a 404 when it is not the organisation's, a 500 with
 * a clear message when its pinned questionnaire is missing or was edited.
 */
export function requireAssessmentWorkspace(db: DB, organisationId: string, assessmentId: string): AssessmentWorkspace {
  const assessment = getAssessment(db, organisationId, assessmentId);
  invariantResponse(assessment, "Assessment not found", { status: 404 });
  const pinned = getPinnedQuestionnaire({
    id: assessment.questionnaireId,
    version: assessment.questionnaireVersion,
    hash: assessment.questionnaireHash,
  });
  if (!pinned.ok) throw new Error(`Assessment ${assessment.id}: ${pinned.message}`);
  return { assessment, questionnaire: pinned.questionnaire, answers: answersByQuestion(listAnswers(db, assessment.id)) };
}
