import type { DB } from "#db/database";
import { listComments } from "~/models/comments.server";
import { listReturns } from "~/models/question-returns.server";

/** What a question carries besides its answer, as a page lists it. */
export interface QuestionThread {
  comments: number;
  /** The request of a return the vendor has not yet answered by submitting again. */
  openReturn: { request: string; by: string; at: string } | null;
}

/**
 * Comments and returns per question. For the vendor only shared comments
 * count: internal ones are left out by the query.
 */
export function questionThreads(
  db: DB,
  input: { organisationId: string; assessmentId: string; audience: "buyer" | "vendor" },
): Record<string, QuestionThread> {
  const threads: Record<string, QuestionThread> = {};
  const thread = (questionId: string) => (threads[questionId] ??= { comments: 0, openReturn: null });
  for (const comment of listComments(db, input)) thread(comment.questionId).comments += 1;
  for (const back of listReturns(db, input.assessmentId)) {
    if (back.resolvedAt) continue;
    thread(back.questionId).openReturn = { request: back.request, by: back.returnedBy, at: back.createdAt.toISOString() };
  }
  return threads;
}
