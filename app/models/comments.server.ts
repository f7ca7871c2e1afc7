import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { questionComments, type CommentVisibility } from "#db/schema";
import { recordEvent } from "./events.server";
import { eventActor, type Actor } from "./workflow.server";

export interface CommentRow {
  id: string;
  questionId: string;
  visibility: CommentVisibility;
  body: string;
  author: string;
  /** Written by the vendor (through a link) rather than the buyer's staff. */
  fromVendor: boolean;
  createdAt: Date;
}

/**
 * Adds a comment to one question. Vendors' comments are always shared: they
 * have nothing internal to the buyer.
 */
export function addComment(
  db: DB,
  input: { organisationId: string; assessmentId: string; questionId: string; visibility: CommentVisibility; body: string; actor: Actor },
  now = new Date(),
): string {
  const { organisationId, assessmentId, questionId, body, actor } = input;
  const visibility: CommentVisibility = actor.kind === "vendor" ? "shared" : input.visibility;
  const id = newId();
  db.transaction((tx) => {
    tx.insert(questionComments)
      .values({
        id,
        organisationId,
        assessmentId,
        questionId,
        visibility,
        body,
        authorUserId: actor.kind === "user" ? actor.userId : null,
        authorInvitationId: actor.kind === "vendor" ? actor.invitationId : null,
        author: actor.name,
        createdAt: now,
      })
      .run();
    recordEvent(
      tx,
      { organisationId, assessmentId, ...eventActor(actor), type: "comment.added", payload: { commentId: id, questionId, visibility, body } },
      now,
    );
  });
  return id;
}

/**
 * The comments of an assessment, oldest first. `audience: "vendor"` leaves out
 * internal comments in the query itself, so they never reach a portal page.
 */
export function listComments(
  db: DB,
  input: { organisationId: string; assessmentId: string; audience: "buyer" | "vendor"; questionId?: string },
): CommentRow[] {
  const conditions = [eq(questionComments.organisationId, input.organisationId), eq(questionComments.assessmentId, input.assessmentId)];
  if (input.audience === "vendor") conditions.push(eq(questionComments.visibility, "shared"));
  if (input.questionId) conditions.push(eq(questionComments.questionId, input.questionId));
  return db
    .select({
      id: questionComments.id,
      questionId: questionComments.questionId,
      visibility: questionComments.visibility,
      body: questionComments.body,
      author: questionComments.author,
      authorInvitationId: questionComments.authorInvitationId,
      createdAt: questionComments.createdAt,
    })
    .from(questionComments)
    .where(and(...conditions))
    .orderBy(asc(questionComments.createdAt), asc(questionComments.id))
    .all()
    .map(({ authorInvitationId, ...row }) => ({ ...row, fromVendor: authorInvitationId !== null }));
}
