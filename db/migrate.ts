import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eventHash, parseStoredPayload } from "~/audit/chain";
import type { DB } from "./database";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies every pending migration in db/migrations. Idempotent. */
export function migrateDatabase(db: DB) {
  // Migration 0004 chains events recorded before the audit hash chain existed.
  db.$client.function(
    "custodian_event_hash",
    { deterministic: true },
    (prevHash, id, organisationId, assessmentId, actorUserId, actor, type, payload, createdAt) =>
      eventHash(String(prevHash), {
        id: Number(id),
        organisationId: String(organisationId),
        assessmentId: assessmentId === null ? null : String(assessmentId),
        actorUserId: actorUserId === null ? null : String(actorUserId),
        actor: String(actor),
        type: String(type),
        payload: parseStoredPayload(String(payload)),
        createdAt: Number(createdAt),
      }),
  );
  migrate(db, { migrationsFolder });
}
