import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "#db/database";
import { passwordResetTokens } from "#db/schema";

export function insertPasswordResetToken(db: DB, token: { id: string; userId: string; expiresAt: Date }, now: Date) {
  db.insert(passwordResetTokens).values({ ...token, createdAt: now }).run();
}

export interface StoredResetToken {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export function findPasswordResetToken(db: DB, id: string): StoredResetToken | null {
  return (
    db
      .select({
        id: passwordResetTokens.id,
        userId: passwordResetTokens.userId,
        expiresAt: passwordResetTokens.expiresAt,
        usedAt: passwordResetTokens.usedAt,
      })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.id, id))
      .get() ?? null
  );
}

/** Marks this token used, only if it was not: false when another request used it first. */
export function claimPasswordResetToken(db: Pick<DB, "update">, id: string, at: Date): boolean {
  const result = db
    .update(passwordResetTokens)
    .set({ usedAt: at })
    .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.usedAt)))
    .run();
  return result.changes === 1;
}

/** A new password makes every other outstanding link for the user useless. */
export function spendUserResetTokens(db: Pick<DB, "update">, userId: string, at: Date) {
  db.update(passwordResetTokens)
    .set({ usedAt: at })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
    .run();
}
