import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { answers, assessments, type AssessmentStatus } from "#db/schema";
import { answerFingerprint, normalizeAnswer, type AnswerBase } from "~/answering/fingerprint";
import type { Answer } from "~/questionnaire";
import { listAnswers } from "./assessments.server";
import { recordEvent } from "./events.server";

/** Who is answering: a user of the buyer, or (later) a vendor contact with no user id. */
export interface Answerer {
  userId: string | null;
  name: string;
}

export interface AnswerWrite {
  questionId: string;
  answer: Answer;
  /** The stored answer the person's form was rendered from; null when the form did not say. */
  base: AnswerBase | null;
}

export interface StoredAnswerState {
  value: unknown;
  naReason: string | null;
  revision: number;
  fingerprint: string;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export type WriteOutcome =
  /** Written: the revision grew by one and an answer.changed event was recorded. */
  | { questionId: string; status: "saved"; base: AnswerBase }
  /** The stored answer already equals the written one: nothing to do. */
  | { questionId: string; status: "unchanged"; base: AnswerBase }
  /** The person left the answer as it was rendered while someone else changed it: theirs stays. */
  | { questionId: string; status: "untouched"; base: AnswerBase; stored: StoredAnswerState }
  /** Someone else saved a different answer after the form was rendered: nothing written. */
  | { questionId: string; status: "conflict"; stored: StoredAnswerState };

// Submitted, in review and finalised answers are the record a decision rests
// on; the review workflow decides when they open again (status "returned").
const lockedStatuses: readonly AssessmentStatus[] = ["submitted", "in-review", "finalised"];

export function answersLocked(status: AssessmentStatus): boolean {
  return lockedStatuses.includes(status);
}

/**
 * Saves answers of one assessment in one transaction, never overwriting an
 * answer someone else saved after the person's form was rendered: such a
 * write comes back as a conflict with the stored answer. Writes equal to the
 * stored answer, or equal to what the form was rendered with, change nothing.
 * The caller must have checked that the assessment belongs to `organisationId`.
 */
export function saveAnswers(
  db: DB,
  input: { organisationId: string; assessmentId: string; answerer: Answerer; writes: AnswerWrite[] },
  now = new Date(),
): WriteOutcome[] {
  const { organisationId, assessmentId, answerer, writes } = input;
  if (writes.length === 0) return [];
  return db.transaction((tx) => {
    const rows = tx
      .select({
        id: answers.id,
        questionId: answers.questionId,
        value: answers.value,
        naReason: answers.naReason,
        revision: answers.revision,
        answeredBy: answers.answeredBy,
        answeredAt: answers.answeredAt,
      })
      .from(answers)
      .where(and(eq(answers.assessmentId, assessmentId), inArray(answers.questionId, writes.map((w) => w.questionId))))
      .all();
    const byQuestion = new Map(rows.map((row) => [row.questionId, row]));

    const outcomes = writes.map((write): WriteOutcome => {
      const row = byQuestion.get(write.questionId);
      const stored: StoredAnswerState = {
        value: row?.value ?? null,
        naReason: row?.naReason ?? null,
        revision: row?.revision ?? 0,
        fingerprint: answerFingerprint(row),
        answeredBy: row?.answeredBy ?? null,
        answeredAt: row?.answeredAt ?? null,
      };
      const storedBase = { revision: stored.revision, fingerprint: stored.fingerprint };
      const fingerprint = answerFingerprint(write.answer);
      if (fingerprint === stored.fingerprint) return { questionId: write.questionId, status: "unchanged", base: storedBase };
      if (write.base && fingerprint === write.base.fingerprint) {
        return { questionId: write.questionId, status: "untouched", base: storedBase, stored };
      }
      if ((write.base?.revision ?? 0) !== stored.revision) return { questionId: write.questionId, status: "conflict", stored };

      const after = normalizeAnswer(write.answer);
      const revision = stored.revision + 1;
      const values = {
        value: after.value,
        naReason: after.naReason,
        revision,
        answeredByUserId: answerer.userId,
        answeredBy: answerer.name,
        answeredAt: now,
      };
      if (row) {
        tx.update(answers).set(values).where(and(eq(answers.id, row.id), eq(answers.revision, row.revision))).run();
      } else {
        tx.insert(answers).values({ id: newId(), assessmentId, questionId: write.questionId, ...values }).run();
      }
      recordEvent(
        tx,
        {
          organisationId,
          assessmentId,
          actorUserId: answerer.userId,
          actor: answerer.name,
          type: "answer.changed",
          payload: {
            questionId: write.questionId,
            before: { value: stored.value, naReason: stored.naReason },
            after,
            revisionBefore: stored.revision,
            revision,
          },
        },
        now,
      );
      return { questionId: write.questionId, status: "saved", base: { revision, fingerprint } };
    });

    if (outcomes.some((o) => o.status === "saved")) {
      tx.update(assessments)
        .set({ updatedAt: now })
        .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisationId)))
        .run();
    }
    return outcomes;
  });
}

/** Every stored answer's base (revision and fingerprint) and who last changed it. */
export function listAnswerStates(db: DB, assessmentId: string): Map<string, StoredAnswerState> {
  return new Map(
    listAnswers(db, assessmentId).map(({ questionId, ...row }) => [
      questionId,
      { ...row, fingerprint: answerFingerprint(row) },
    ]),
  );
}
