import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { answerCarryovers, answers, assessments, vendors } from "#db/schema";
import { answerFingerprint } from "~/answering/fingerprint";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { carryAnswers, type CarryoverRecord, type DroppedAnswer } from "~/portfolio/carry";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { invariantResponse } from "~/utils/invariant";
import { answersLocked, type Answerer } from "./answers.server";
import { listAnswers } from "./assessments.server";
import { recordEvent } from "./events.server";

// Reassessment cycles: the next assessment of a vendor starts from the last
// finalised one, its answers carried over for the vendor to confirm.

export interface NextCycleStart {
  /** The finalised assessment the next cycle starts from; null when there is none. */
  from: { id: string; finalisedAt: Date | null; createdAt: Date; questionnaireVersion: string } | null;
  /** Why the next cycle cannot start now, or null. */
  blocked: string | null;
  vendor: { id: string; name: string };
}

export function getNextCycleStart(db: DB, organisationId: string, vendorId: string): NextCycleStart {
  const vendor = db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.id, vendorId), eq(vendors.organisationId, organisationId)))
    .get();
  invariantResponse(vendor, "Vendor not found", { status: 404 });
  const latest = db
    .select({
      id: assessments.id,
      status: assessments.status,
      createdAt: assessments.createdAt,
      finalisedAt: assessments.finalisedAt,
      questionnaireVersion: assessments.questionnaireVersion,
    })
    .from(assessments)
    .where(and(eq(assessments.vendorId, vendorId), eq(assessments.organisationId, organisationId)))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(1)
    .get();
  if (!latest) return { vendor, from: null, blocked: "This vendor has no assessment yet to start from." };
  if (latest.status !== "finalised") {
    return { vendor, from: null, blocked: `An assessment of this vendor is already under way (${latest.status}): finish it before starting the next review.` };
  }
  return { vendor, from: latest, blocked: null };
}

/**
 * Starts the next cycle: a draft assessment on the newest version of the same
 * questionnaire, with the last finalised assessment's scope and every answer
 * that still passes the questionnaire's validation, each marked to confirm.
 * One transaction, one `assessment.created` event.
 */
export function startNextCycle(
  db: DB,
  input: { organisationId: string; vendorId: string; user: Answerer },
  now = new Date(),
): { assessmentId: string; carried: number; dropped: DroppedAnswer[] } {
  return db.transaction(() => {
    const start = getNextCycleStart(db, input.organisationId, input.vendorId);
    invariantResponse(start.from, start.blocked ?? "Nothing to start from", { status: 409 });
    const previous = requireAssessmentWorkspace(db, input.organisationId, start.from.id);
    const questionnaire = getLatestQuestionnaire(previous.questionnaire.id) ?? previous.questionnaire;
    const { carried, dropped } = carryAnswers(previous, questionnaire);
    const stored = new Map(listAnswers(db, previous.assessment.id).map((a) => [a.questionId, a]));
    const { scope } = previous.assessment;

    const assessmentId = newId();
    db.insert(assessments)
      .values({
        id: assessmentId,
        organisationId: input.organisationId,
        vendorId: input.vendorId,
        questionnaireId: questionnaire.id,
        questionnaireVersion: questionnaire.version,
        questionnaireHash: questionnaire.hash,
        scopeSubjects: scope.subjects,
        scopeCategories: scope.categories,
        scopeSector: scope.sector,
        scopeSubjectsCount: scope.subjectsCount,
        status: "draft",
        createdAt: now,
        updatedAt: now,
      })
      .run();
    for (const c of carried) {
      const origin = stored.get(c.questionId);
      db.insert(answers)
        .values({
          id: newId(),
          assessmentId,
          questionId: c.questionId,
          value: c.answer.value,
          naReason: c.answer.naReason ?? null,
          revision: 1,
          // Who gave the answer and when stay true; the carry-over row says it awaits confirmation.
          answeredBy: origin?.answeredBy ?? input.user.name,
          answeredAt: origin?.answeredAt ?? now,
        })
        .run();
      db.insert(answerCarryovers)
        .values({
          assessmentId,
          questionId: c.questionId,
          fromAssessmentId: previous.assessment.id,
          value: c.answer.value,
          naReason: c.answer.naReason ?? null,
          fingerprint: c.fingerprint,
        })
        .run();
    }
    recordEvent(
      db,
      {
        organisationId: input.organisationId,
        assessmentId,
        actorUserId: input.user.userId,
        actor: input.user.name,
        type: "assessment.created",
        payload: {
          questionnaire: `${questionnaire.id}@${questionnaire.version}`,
          previousAssessmentId: previous.assessment.id,
          carried: carried.length,
          dropped,
        },
      },
      now,
    );
    return { assessmentId, carried: carried.length, dropped };
  });
}

export function listCarryovers(db: DB, assessmentId: string): (CarryoverRecord & { fromAssessmentId: string })[] {
  return db
    .select({
      questionId: answerCarryovers.questionId,
      fromAssessmentId: answerCarryovers.fromAssessmentId,
      value: answerCarryovers.value,
      naReason: answerCarryovers.naReason,
      fingerprint: answerCarryovers.fingerprint,
      confirmedAt: answerCarryovers.confirmedAt,
      confirmedBy: answerCarryovers.confirmedBy,
    })
    .from(answerCarryovers)
    .where(eq(answerCarryovers.assessmentId, assessmentId))
    .all();
}

/**
 * Confirms carried-over answers that are still as they were carried; an
 * answer changed since counts as answered anew and needs no confirmation.
 * The caller has checked the assessment belongs to the organisation.
 */
export function confirmCarriedAnswers(
  db: DB,
  input: { organisationId: string; assessmentId: string; questionIds: string[]; user: Answerer },
  now = new Date(),
): string[] {
  return db.transaction(() => {
    const assessment = db
      .select({ status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.id, input.assessmentId), eq(assessments.organisationId, input.organisationId)))
      .get();
    invariantResponse(assessment, "Assessment not found", { status: 404 });
    invariantResponse(!answersLocked(assessment.status), `This assessment is ${assessment.status}: its answers can no longer be changed`, { status: 409 });
    if (input.questionIds.length === 0) return [];
    const pending = db
      .select({ questionId: answerCarryovers.questionId, fingerprint: answerCarryovers.fingerprint })
      .from(answerCarryovers)
      .where(
        and(
          eq(answerCarryovers.assessmentId, input.assessmentId),
          inArray(answerCarryovers.questionId, input.questionIds),
          isNull(answerCarryovers.confirmedAt),
        ),
      )
      .all();
    const current = new Map(listAnswers(db, input.assessmentId).map((a) => [a.questionId, a]));
    const confirmable = pending.filter((p) => answerFingerprint(current.get(p.questionId)) === p.fingerprint).map((p) => p.questionId);
    if (confirmable.length === 0) return [];
    db.update(answerCarryovers)
      .set({ confirmedAt: now, confirmedByUserId: input.user.userId, confirmedBy: input.user.name })
      .where(and(eq(answerCarryovers.assessmentId, input.assessmentId), inArray(answerCarryovers.questionId, confirmable)))
      .run();
    recordEvent(
      db,
      {
        organisationId: input.organisationId,
        assessmentId: input.assessmentId,
        actorUserId: input.user.userId,
        actor: input.user.name,
        type: "answers.confirmed",
        payload: { questionIds: confirmable },
      },
      now,
    );
    return confirmable;
  });
}
