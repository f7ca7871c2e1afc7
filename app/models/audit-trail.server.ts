import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "#db/database";
import { events } from "#db/schema";
import { eventHash, GENESIS_HASH, type ChainRow } from "~/audit/chain";

export interface TrailEvent extends ChainRow {
  /** The row's own hash matches its content and the hash it names before it. */
  intact: boolean;
}

function toRow(row: {
  id: number;
  organisationId: string;
  assessmentId: string | null;
  actorUserId: string | null;
  actor: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  prevHash: string | null;
  hash: string | null;
}): TrailEvent {
  const chained: ChainRow = { ...row, createdAt: row.createdAt.getTime() };
  const intact = row.hash !== null && eventHash(row.prevHash ?? GENESIS_HASH, chained) === row.hash;
  return { ...chained, intact };
}

const columns = {
  id: events.id,
  organisationId: events.organisationId,
  assessmentId: events.assessmentId,
  actorUserId: events.actorUserId,
  actor: events.actor,
  type: events.type,
  payload: events.payload,
  createdAt: events.createdAt,
  prevHash: events.prevHash,
  hash: events.hash,
};

/** Every event of one assessment of the organisation, oldest first, each checked against its own hash. */
export function listAssessmentTrail(db: DB, organisationId: string, assessmentId: string): TrailEvent[] {
  return db
    .select(columns)
    .from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.assessmentId, assessmentId)))
    .orderBy(asc(events.id))
    .all()
    .map(toRow);
}

/** The answer.changed events of one question, oldest first. */
export function listAnswerHistory(db: DB, organisationId: string, assessmentId: string, questionId: string): TrailEvent[] {
  return db
    .select(columns)
    .from(events)
    .where(
      and(
        eq(events.organisationId, organisationId),
        eq(events.assessmentId, assessmentId),
        eq(events.type, "answer.changed"),
        eq(sql`json_extract(${events.payload}, '$.questionId')`, questionId),
      ),
    )
    .orderBy(asc(events.id))
    .all()
    .map(toRow);
}
