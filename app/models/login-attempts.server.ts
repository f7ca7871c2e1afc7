import { and, count, desc, eq, gt, lt, min } from "drizzle-orm";
import type { DB } from "#db/database";
import { loginAttempts, type LoginOutcome } from "#db/schema";

export function recordLoginAttempt(
  db: DB,
  attempt: { email: string; ip: string; outcome: LoginOutcome },
  at: Date,
) {
  db.insert(loginAttempts).values({ ...attempt, createdAt: at }).run();
}

export interface RecentFailures {
  count: number;
  oldest: Date | null;
}

/**
 * Failed attempts since `since` for one email or one IP. For an email,
 * failures before its last successful sign-in no longer count.
 */
export function recentLoginFailures(db: DB, by: { email: string } | { ip: string }, since: Date): RecentFailures {
  let from = since;
  if ("email" in by) {
    const lastSuccess = db
      .select({ at: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, by.email), eq(loginAttempts.outcome, "succeeded"), gt(loginAttempts.createdAt, since)))
      .orderBy(desc(loginAttempts.createdAt))
      .limit(1)
      .get();
    if (lastSuccess) from = lastSuccess.at;
  }
  const row = db
    .select({ count: count(), oldest: min(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(
      and(
        "email" in by ? eq(loginAttempts.email, by.email) : eq(loginAttempts.ip, by.ip),
        eq(loginAttempts.outcome, "failed"),
        gt(loginAttempts.createdAt, from),
      ),
    )
    .get();
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
}

/** Forgets attempts older than the given date: they are personal data (an IP) kept only for throttling. */
export function purgeLoginAttempts(db: DB, before: Date) {
  db.delete(loginAttempts).where(lt(loginAttempts.createdAt, before)).run();
}
