import { and, eq, lt, ne, or } from "drizzle-orm";
import type { DB } from "#db/database";
import { sessions } from "#db/schema";

export interface NewSession {
  /** sha256 of the cookie token, never the token. */
  id: string;
  userId: string;
  secondFactorPending: boolean;
  expiresAt: Date;
  userAgent: string | null;
}

export function insertSession(db: Pick<DB, "insert">, session: NewSession, now: Date) {
  db.insert(sessions)
    .values({ ...session, createdAt: now, lastSeenAt: now })
    .run();
}

export interface StoredSession {
  id: string;
  userId: string;
  secondFactorPending: boolean;
  expiresAt: Date;
  lastSeenAt: Date;
}

export function findSession(db: DB, id: string): StoredSession | null {
  return (
    db
      .select({
        id: sessions.id,
        userId: sessions.userId,
        secondFactorPending: sessions.secondFactorPending,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .where(eq(sessions.id, id))
      .get() ?? null
  );
}

export function touchSession(db: DB, id: string, now: Date) {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
}

export function deleteSession(db: Pick<DB, "delete">, id: string) {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

/** Signs a user out everywhere, except optionally the session making the change. */
export function deleteUserSessions(db: Pick<DB, "delete">, userId: string, { except }: { except?: string } = {}) {
  db.delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId))
    .run();
}

/** Drops a user's sessions that can no longer be used. */
export function deleteStaleSessions(db: Pick<DB, "delete">, userId: string, { now, idleSince }: { now: Date; idleSince: Date }) {
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince))))
    .run();
}
