import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { DB } from "#db/database";
import { rateLimitHits } from "#db/schema";

export function recentHits(db: DB, bucket: string, key: string, since: Date): { count: number; oldest: Date | null } {
  const row = db
    .select({ count: count(), oldest: min(rateLimitHits.createdAt) })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.key, key), gt(rateLimitHits.createdAt, since)))
    .get();
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
}

export function recordHit(db: DB, bucket: string, key: string, at: Date) {
  db.insert(rateLimitHits).values({ bucket, key, createdAt: at }).run();
}

export function purgeHits(db: DB, before: Date) {
  db.delete(rateLimitHits).where(lt(rateLimitHits.createdAt, before)).run();
}
