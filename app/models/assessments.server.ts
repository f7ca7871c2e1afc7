import { and, asc, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/database";
import { answers, assessments, vendors } from "#db/schema";
import type { Answers, AnswerValue } from "~/questionnaire";

export function getAssessment(db: DB, organisationId: string, assessmentId: string) {
  const row = db
    .select({
      id: assessments.id,
      status: assessments.status,
      questionnaireId: assessments.questionnaireId,
      questionnaireVersion: assessments.questionnaireVersion,
      questionnaireHash: assessments.questionnaireHash,
      scope: {
        subjects: assessments.scopeSubjects,
        categories: assessments.scopeCategories,
        sector: assessments.scopeSector,
        subjectsCount: assessments.scopeSubjectsCount,
      },
      dueDate: assessments.dueDate,
      createdAt: assessments.createdAt,
      updatedAt: assessments.updatedAt,
      submittedAt: assessments.submittedAt,
      finalisedAt: assessments.finalisedAt,
      vendor: { id: vendors.id, name: vendors.name, service: vendors.service, country: vendors.country },
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisationId)))
    .get();
  return row ?? null;
}

export type AssessmentDetail = NonNullable<ReturnType<typeof getAssessment>>;

export interface StoredAnswer {
  questionId: string;
  value: unknown;
  naReason: string | null;
  revision: number;
  answeredBy: string;
  answeredAt: Date;
}

/**
 * The answers of an assessment, or only those to `questionIds`. Callers must
 * already have checked the assessment's organisation.
 */
export function listAnswers(db: DB, assessmentId: string, questionIds?: readonly string[]): StoredAnswer[] {
  return db
    .select({
      questionId: answers.questionId,
      value: answers.value,
      naReason: answers.naReason,
      revision: answers.revision,
      answeredBy: answers.answeredBy,
      answeredAt: answers.answeredAt,
    })
    .from(answers)
    .where(questionIds ? and(eq(answers.assessmentId, assessmentId), inArray(answers.questionId, [...questionIds])) : eq(answers.assessmentId, assessmentId))
    .orderBy(asc(answers.questionId))
    .all();
}

/** The stored answers as the questionnaire module reads them, keyed by question id. */
export function answersByQuestion(stored: StoredAnswer[]): Answers {
  return Object.fromEntries(
    stored.map((a) => [a.questionId, { value: a.value as AnswerValue | null, naReason: a.naReason }]),
  );
}
