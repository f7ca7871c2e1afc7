import { desc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { outbox } from "#db/schema";
import { openSealedText, sealText } from "~/auth/seal.server";

// Mail kept for an install without SMTP. Bodies carry vendor links, so they
// are sealed at rest (AES-256-GCM, app key) and opened only for /outbox.

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
  db.insert(outbox)
    .values({ id, ...message, body: sealText(message.body, id, "outbox-body"), createdAt: at })
    .run();
  return id;
}

const UNREADABLE = "(This message was kept under another app key and cannot be read with this one.)";

function openBody(id: string, stored: string): string {
  // Messages kept before bodies were sealed are plain text.
  if (!stored.startsWith("v1.")) return stored;
  return openSealedText(stored, id, "outbox-body") ?? UNREADABLE;
}

/** The organisation's kept mail, newest first, bodies opened. */
export function listOutbox(db: DB, organisationId: string, limit = 100): OutboxMessage[] {
  return db
    .select({ id: outbox.id, recipient: outbox.recipient, subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.organisationId, organisationId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
    .all()
    .map((m) => ({ ...m, body: openBody(m.id, m.body) }));
}
