import { sql } from "drizzle-orm";
import type { DB } from "#db/database";
import { events } from "#db/schema";
import {
  eventHash,
  GENESIS_HASH,
  parseStoredPayload,
  verifyChain,
  type ChainedFields,
  type ChainRow,
  type ChainVerification,
  type VerifyOptions,
} from "~/audit/chain";

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

type Writer = Pick<DB, "insert" | "get">;

/**
 * Appends one event to the log, chained to the one before (app/audit/chain.ts).
 * Call it inside the transaction of the change it records: the read of the
 * previous hash and the insert must see the same database.
 */
export function recordEvent(db: Writer, event: NewEvent, at = new Date()) {
  const previous = db.get<{ hash: string | null } | undefined>(
    sql`select ${events.hash} as hash from ${events} order by ${events.id} desc limit 1`,
  );
  // The next id is one past the highest ever issued, so a deleted tail leaves a visible gap.
  const issued = db.get<{ seq: number } | undefined>(sql`select seq from sqlite_sequence where name = 'events'`);
  // Hash exactly what the JSON column will hold (dates as strings, undefined dropped).
  const payload = JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>;
  const fields: ChainedFields = {
    id: (issued?.seq ?? 0) + 1,
    organisationId: event.organisationId,
    assessmentId: event.assessmentId ?? null,
    actorUserId: event.actorUserId ?? null,
    actor: event.actor,
    type: event.type,
    payload,
    createdAt: at.getTime(),
  };
  const prevHash = previous?.hash ?? GENESIS_HASH;
  db.insert(events)
    .values({ ...fields, payload, createdAt: at, prevHash, hash: eventHash(prevHash, fields) })
    .run();
}

interface StoredEventRow {
  id: number;
  organisation_id: string;
  assessment_id: string | null;
  actor_user_id: string | null;
  actor: string;
  type: string;
  payload: string;
  created_at: number;
  prev_hash: string | null;
  hash: string | null;
}

/** Every event in id order, one at a time, as the chain sees them. */
export function* readAuditTrail(db: DB, options: { organisationId?: string } = {}): Generator<ChainRow> {
  const statement = db.$client.prepare<unknown[], StoredEventRow>(
    `select id, organisation_id, assessment_id, actor_user_id, actor, type, payload, created_at, prev_hash, hash
       from events ${options.organisationId ? "where organisation_id = ?" : ""} order by id`,
  );
  const rows = options.organisationId ? statement.iterate(options.organisationId) : statement.iterate();
  for (const row of rows) {
    yield {
      id: row.id,
      organisationId: row.organisation_id,
      assessmentId: row.assessment_id,
      actorUserId: row.actor_user_id,
      actor: row.actor,
      type: row.type,
      payload: parseStoredPayload(row.payload),
      createdAt: row.created_at,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
  }
}

/** Walks the whole chain, including a check that no row after the last was ever issued. */
export function verifyAuditTrail(db: DB, options: { anchors?: VerifyOptions["anchors"] } = {}): ChainVerification {
  const issued = db.$client
    .prepare<unknown[], { seq: number }>("select seq from sqlite_sequence where name = 'events'")
    .get();
  return verifyChain(readAuditTrail(db), { highestIssuedId: issued?.seq ?? null, anchors: options.anchors });
}
