import { and, asc, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/database";
import { assessments, events, type AssessmentStatus, type UserRole } from "#db/schema";
import { checkTransition, transitions, type WorkflowAction } from "~/workflow/transitions";
import { recordEvent } from "./events.server";

/** Whoever takes a step: a signed-in user of the buyer, or a vendor contact through their link. */
export type Actor =
  | { kind: "user"; userId: string; name: string; role: UserRole }
  | { kind: "vendor"; invitationId: string; name: string };

export type UserActor = Extract<Actor, { kind: "user" }>;

export function userActor(user: { id: string; name: string; role: UserRole }): UserActor {
  return { kind: "user", userId: user.id, name: user.name, role: user.role };
}

/** The columns every event takes from an actor. */
export function eventActor(actor: Actor): { actorUserId: string | null; actor: string } {
  return { actorUserId: actor.kind === "user" ? actor.userId : null, actor: actor.name };
}

function conflict(message: string, status = 409): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * Moves an assessment one step along the workflow inside the caller's
 * transaction, records the step's event (who, when, from, to) and returns the
 * new status. Throws a 403 Response when the actor's role may not take the
 * step, and a 409 when the assessment is not in a status it starts from.
 * A step that leaves the status as it is (returning one more question) records no step event.
 */
export function applyTransition(
  tx: Tx | DB,
  input: { organisationId: string; assessmentId: string; action: WorkflowAction; actor: Actor; payload?: Record<string, unknown> },
  now = new Date(),
): { from: AssessmentStatus; to: AssessmentStatus } {
  const { organisationId, assessmentId, action, actor } = input;
  const row = tx
    .select({ status: assessments.status })
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisationId)))
    .get();
  if (!row) throw conflict("Assessment not found", 404);
  const check = checkTransition(row.status, action, actor.kind === "vendor" ? "vendor" : actor.role);
  if (!check.ok) throw conflict(check.message, check.reason === "not-your-role" ? 403 : 409);
  const { to, event } = check.transition;
  if (to === row.status) return { from: row.status, to };
  tx.update(assessments)
    .set({
      status: to,
      updatedAt: now,
      ...(to === "submitted" ? { submittedAt: now } : {}),
      ...(to === "finalised" ? { finalisedAt: now } : {}),
    })
    .where(and(eq(assessments.id, assessmentId), eq(assessments.status, row.status)))
    .run();
  recordEvent(
    tx,
    { organisationId, assessmentId, ...eventActor(actor), type: event, payload: { from: row.status, to, ...input.payload } },
    now,
  );
  return { from: row.status, to };
}

export interface WorkflowStep {
  type: string;
  label: string;
  actor: string;
  at: Date;
  from: string | null;
  to: string | null;
}

/** The assessment's steps so far, oldest first, read from the audit trail. */
export function listWorkflowHistory(db: DB, organisationId: string, assessmentId: string): WorkflowStep[] {
  const types = transitions.map((t) => t.event);
  return db
    .select({ type: events.type, actor: events.actor, at: events.createdAt, payload: events.payload })
    .from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.assessmentId, assessmentId), inArray(events.type, types)))
    .orderBy(asc(events.id))
    .all()
    .map((row) => ({
      type: row.type,
      label: transitions.find((t) => t.event === row.type)?.label ?? row.type,
      actor: row.actor,
      at: row.at,
      from: typeof row.payload.from === "string" ? row.payload.from : null,
      to: typeof row.payload.to === "string" ? row.payload.to : null,
    }));
}

/** The vendor's first save moves a sent assessment to "in progress"; later saves, or saves in another status, change nothing. */
export function markStartedByVendor(db: DB, input: { organisationId: string; assessmentId: string; actor: Actor & { kind: "vendor" } }, now = new Date()) {
  db.transaction((tx) => {
    const row = tx
      .select({ status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.id, input.assessmentId), eq(assessments.organisationId, input.organisationId)))
      .get();
    if (row?.status === "sent") applyTransition(tx, { ...input, action: "start" }, now);
  });
}
