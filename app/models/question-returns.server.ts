import { and, asc, eq, isNull } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { answers, attestations, questionReturns } from "#db/schema";
import { recordEvent } from "./events.server";
import { applyTransition, eventActor, type Actor } from "./workflow.server";

export interface ReturnRow {
  id: string;
  questionId: string;
  request: string;
  returnedBy: string;
  createdAt: Date;
  answerRevision: number;
  resolvedAt: Date | null;
}

/** The questions sent back, oldest first; the caller has checked the assessment is the organisation's. */
export function listReturns(db: DB, assessmentId: string): ReturnRow[] {
  return db
    .select({
      id: questionReturns.id,
      questionId: questionReturns.questionId,
      request: questionReturns.request,
      returnedBy: questionReturns.returnedBy,
      createdAt: questionReturns.createdAt,
      answerRevision: questionReturns.answerRevision,
      resolvedAt: questionReturns.resolvedAt,
    })
    .from(questionReturns)
    .where(eq(questionReturns.assessmentId, assessmentId))
    .orderBy(asc(questionReturns.createdAt), asc(questionReturns.id))
    .all();
}

/**
 * Sends one question back to the vendor with what the reviewer needs, and
 * moves the assessment to "returned" (or keeps it there). Throws a 409
 * Response when the assessment is not submitted, in review or returned, and
 * when the question is already back with the vendor.
 */
export function returnQuestion(
  db: DB,
  input: { organisationId: string; assessmentId: string; questionId: string; request: string; actor: Actor & { kind: "user" } },
  now = new Date(),
): string {
  const { organisationId, assessmentId, questionId, request, actor } = input;
  return db.transaction((tx) => {
    const open = tx
      .select({ id: questionReturns.id })
      .from(questionReturns)
      .where(and(eq(questionReturns.assessmentId, assessmentId), eq(questionReturns.questionId, questionId), isNull(questionReturns.resolvedAt)))
      .get();
    if (open) throw new Response("This question is already back with the vendor.", { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    applyTransition(tx, { organisationId, assessmentId, action: "return", actor, payload: { questionId } }, now);
    const answer = tx
      .select({ revision: answers.revision })
      .from(answers)
      .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)))
      .get();
    const id = newId();
    tx.insert(questionReturns)
      .values({
        id,
        organisationId,
        assessmentId,
        questionId,
        request,
        returnedByUserId: actor.userId,
        returnedBy: actor.name,
        answerRevision: answer?.revision ?? 0,
        createdAt: now,
      })
      .run();
    recordEvent(
      tx,
      { organisationId, assessmentId, ...eventActor(actor), type: "question.returned", payload: { returnId: id, questionId, request } },
      now,
    );
    return id;
  });
}

export interface Attestation {
  name: string;
  title: string;
  statement: string;
}

/**
 * The vendor's submission: the step to "submitted", the attestation with its
 * time, and every open return marked answered, in one transaction. Returns
 * the returns it answered.
 */
export function submitWithAttestation(
  db: DB,
  input: { organisationId: string; assessmentId: string; attestation: Attestation; actor: Actor & { kind: "vendor" } },
  now = new Date(),
) {
  const { organisationId, assessmentId, attestation, actor } = input;
  return db.transaction((tx) => {
    const attestationId = newId();
    tx.insert(attestations)
      .values({ id: attestationId, organisationId, assessmentId, invitationId: actor.invitationId, ...attestation, createdAt: now })
      .run();
    const resolved = tx
      .update(questionReturns)
      .set({ resolvedAt: now })
      .where(and(eq(questionReturns.assessmentId, assessmentId), isNull(questionReturns.resolvedAt)))
      .returning({ questionId: questionReturns.questionId, returnedByUserId: questionReturns.returnedByUserId })
      .all();
    applyTransition(
      tx,
      {
        organisationId,
        assessmentId,
        action: "submit",
        actor,
        payload: { attestation: { id: attestationId, ...attestation }, answeredReturns: resolved.map((r) => r.questionId) },
      },
      now,
    );
    /** The returns this submission answers, and who made them. */
    return { answeredReturns: resolved };
  });
}

export function listAttestations(db: DB, assessmentId: string) {
  return db
    .select({ name: attestations.name, title: attestations.title, statement: attestations.statement, createdAt: attestations.createdAt })
    .from(attestations)
    .where(eq(attestations.assessmentId, assessmentId))
    .orderBy(asc(attestations.createdAt))
    .all();
}

