import { createHash } from "node:crypto";

// The audit trail is a hash chain: each event's hash covers its own canonical
// form and the previous event's hash, so editing, deleting or inserting a row
// anywhere breaks every link after it. This module is pure: the database code
// (app/models/events.server.ts) and the CLI feed it plain rows.

/** The "previous hash" of the first event. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  id: number;
  organisationId: string;
  assessmentId: string | null;
  actorUserId: string | null;
  actor: string;
  type: string;
  payload: unknown;
  /** Milliseconds since the epoch, as stored. */
  createdAt: number;
}

export interface ChainRow extends ChainedFields {
  prevHash: string | null;
  hash: string | null;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    // undefined, functions and symbols have no JSON form; inside objects JSON drops them.
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The text an event's hash covers: its fields in a fixed order, payload canonical. */
export function canonicalEvent(event: ChainedFields): string {
  return canonicalJson([
    event.id,
    event.organisationId,
    event.assessmentId,
    event.actorUserId,
    event.actor,
    event.type,
    event.payload,
    event.createdAt,
  ]);
}

/** The payload as the JSON column holds it; text that is not JSON (only ever by tampering) stays text. */
export function parseStoredPayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** sha256 (hex) of the previous hash, a newline and the event's canonical form. */
export function eventHash(prevHash: string, event: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalEvent(event)).digest("hex");
}

export type ChainProblemKind = "edited" | "deleted" | "deleted-or-inserted" | "unchained" | "rewritten";

export interface ChainProblem {
  /** The first row at which the chain does not hold. */
  id: number;
  kind: ChainProblemKind;
  message: string;
}

export type ChainVerification =
  | { ok: true; count: number; lastId: number | null; lastHash: string }
  | { ok: false; count: number; problem: ChainProblem };

export interface VerifyOptions {
  /**
   * The highest id ever issued (SQLite's sqlite_sequence for `events`). Without
   * it, deleting the newest rows leaves a chain that still looks whole.
   */
  highestIssuedId?: number | null;
  /**
   * Heads noted on an earlier run (id and hash). Recomputing every hash after
   * an edit yields a chain that verifies on its own; it no longer matches these.
   */
  anchors?: readonly { id: number; hash: string }[];
}

/**
 * Walks the rows in id order and reports the first place the chain breaks:
 * a row whose hash does not match its content was edited; a gap in the ids or
 * a previous-hash that is not the hash of the row before means rows were
 * deleted or inserted.
 */
export function verifyChain(rows: Iterable<ChainRow>, options: VerifyOptions = {}): ChainVerification {
  let count = 0;
  let previous: { id: number; hash: string } | null = null;
  const anchors = new Map((options.anchors ?? []).map((a) => [a.id, a.hash.toLowerCase()]));
  const fail = (id: number, kind: ChainProblemKind, message: string): ChainVerification => ({
    ok: false,
    count,
    problem: { id, kind, message },
  });

  for (const row of rows) {
    count += 1;
    if (row.prevHash === null || row.hash === null) {
      return fail(row.id, "unchained", `event ${row.id} has no chain hash: it was written around recordEvent`);
    }
    const expectedId = previous ? previous.id + 1 : 1;
    if (row.id > expectedId) {
      const missing = expectedId === row.id - 1 ? `${expectedId}` : `${expectedId} to ${row.id - 1}`;
      return fail(row.id, "deleted", `events ${missing} are missing before event ${row.id}: rows were deleted`);
    }
    if (row.id < expectedId) {
      return fail(row.id, "deleted-or-inserted", `event ${row.id} is out of order after event ${previous?.id}: rows were inserted`);
    }
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (row.prevHash !== expectedPrev) {
      return fail(
        row.id,
        "deleted-or-inserted",
        previous
          ? `event ${row.id} does not follow event ${previous.id} (previous-hash mismatch): a row was deleted, inserted or re-hashed before it`
          : `event ${row.id} is first but does not start the chain (previous-hash mismatch): earlier rows were deleted`,
      );
    }
    if (eventHash(row.prevHash, row) !== row.hash) {
      return fail(row.id, "edited", `event ${row.id} does not match its hash: the row was edited after it was recorded`);
    }
    const anchored = anchors.get(row.id);
    if (anchored !== undefined && anchored !== row.hash) {
      return fail(row.id, "rewritten", `event ${row.id} no longer has the hash noted for it: the trail was rewritten from there on`);
    }
    previous = { id: row.id, hash: row.hash };
  }

  const highest = options.highestIssuedId ?? null;
  const lastId = previous?.id ?? null;
  if (highest !== null && highest > (lastId ?? 0)) {
    const from = (lastId ?? 0) + 1;
    const missing = from === highest ? `event ${highest} is` : `events ${from} to ${highest} are`;
    return fail(from, "deleted", `${missing} missing at the end of the trail: rows were deleted`);
  }
  const beyond = [...anchors.keys()].filter((id) => id > (lastId ?? 0)).sort((a, b) => a - b)[0];
  if (beyond !== undefined) {
    return fail(beyond, "deleted", `event ${beyond}, noted earlier, is no longer in the trail: rows were deleted`);
  }
  return { ok: true, count, lastId, lastHash: previous?.hash ?? GENESIS_HASH };
}

/** One line for people: what was checked and, when broken, the first row at fault. */
export function describeVerification(result: ChainVerification): string {
  if (!result.ok) return `Audit trail broken at event ${result.problem.id} (${result.problem.kind}): ${result.problem.message}.`;
  if (result.lastId === null) return "Audit trail intact: no events yet.";
  return `Audit trail intact: ${result.count} events, ids 1 to ${result.lastId}; head ${result.lastId}:${result.lastHash}`;
}
