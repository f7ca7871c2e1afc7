import { desc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { outbox } from "#db/schema";

export interface OutboxMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
}

export function insertOutboxMessage(
  db: DB,
  message: { organisationId: string; recipient: string; subject: string; body: string },
  at: Date,
): string {
  const id = newId();
  db.insert(outbox).values({ id, ...message, createdAt: at }).run();
  return id;
}

/** The organisation's kept mail, newest first. */
export function listOutbox(db: DB, organisationId: string, limit = 100): OutboxMessage[] {
  return db
    .select({ id: outbox.id, recipient: outbox.recipient, subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.organisationId, organisationId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
    .all();
}
