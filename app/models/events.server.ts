import type { DB } from "#db/database";
import { events } from "#db/schema";

export interface NewEvent {
  organisationId: string;
  assessmentId?: string | null;
  actorUserId?: string | null;
  /** Display name of whoever acted: a user, a vendor contact, or "system". */
  actor: string;
  /** Dotted, past tense: "answer.changed", "assessment.submitted". */
  type: string;
  payload: Record<string, unknown>;
}

type Writer = Pick<DB, "insert">;

/** Appends one event to the log. Call it inside the transaction of the change it records. */
export function recordEvent(db: Writer, event: NewEvent, at = new Date()) {
  db.insert(events)
    .values({
      organisationId: event.organisationId,
      assessmentId: event.assessmentId ?? null,
      actorUserId: event.actorUserId ?? null,
      actor: event.actor,
      type: event.type,
      payload: event.payload,
      createdAt: at,
    })
    .run();
}
