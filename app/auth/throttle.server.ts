import { data } from "@remix-run/node";
import type { DB } from "#db/database";
import { purgeLoginAttempts, recentLoginFailures } from "~/models/login-attempts.server";
import { purgeHits, recentHits, recordHit } from "~/models/rate-limits.server";

// Limits live in the database (STYLE.md): they survive a restart and hold
// across every process serving the same file.

const MINUTE = 60_000;
export const LOGIN_WINDOW_MS = 15 * MINUTE;
export const LOGIN_MAX_FAILURES_PER_EMAIL = 5;
// Higher than per email: a whole office may sign in from one address.
export const LOGIN_MAX_FAILURES_PER_IP = 20;
const KEEP_ATTEMPTS_MS = 30 * 24 * 60 * MINUTE;

export interface Throttled {
  retryAfterSeconds: number;
}

function retryAfter(oldest: Date | null, windowMs: number, now: Date): number {
  const until = (oldest?.getTime() ?? now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Null when this email and this address may try to sign in; otherwise how long to wait. */
export function checkLoginThrottle(db: DB, { email, ip }: { email: string; ip: string }, now = new Date()): Throttled | null {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byEmail = recentLoginFailures(db, { email }, since);
  const byIp = recentLoginFailures(db, { ip }, since);
  const waits: number[] = [];
  if (byEmail.count >= LOGIN_MAX_FAILURES_PER_EMAIL) waits.push(retryAfter(byEmail.oldest, LOGIN_WINDOW_MS, now));
  if (byIp.count >= LOGIN_MAX_FAILURES_PER_IP) waits.push(retryAfter(byIp.oldest, LOGIN_WINDOW_MS, now));
  return waits.length > 0 ? { retryAfterSeconds: Math.max(...waits) } : null;
}

/** Drops attempts and hits older than a month; called after a successful sign-in. */
export function forgetOldAttempts(db: DB, now = new Date()) {
  const before = new Date(now.getTime() - KEEP_ATTEMPTS_MS);
  purgeLoginAttempts(db, before);
  purgeHits(db, before);
}

export interface RateLimit {
  /** What is limited, e.g. "password-reset:email". */
  bucket: string;
  key: string;
  limit: number;
  windowMs: number;
}

/** Counts one use of a limited action; null when allowed, otherwise how long to wait (and the use is not counted). */
export function consumeRateLimit(db: DB, limit: RateLimit, now = new Date()): Throttled | null {
  const recent = recentHits(db, limit.bucket, limit.key, new Date(now.getTime() - limit.windowMs));
  if (recent.count >= limit.limit) return { retryAfterSeconds: retryAfter(recent.oldest, limit.windowMs, now) };
  recordHit(db, limit.bucket, limit.key, now);
  return null;
}

/** A 429 reply with Retry-After, carrying data for the page to explain the wait. */
export function tooManyRequests<T extends Record<string, unknown>>(throttled: Throttled, body: T) {
  return data({ ...body, retryAfterSeconds: throttled.retryAfterSeconds }, {
    status: 429,
    headers: { "Retry-After": String(throttled.retryAfterSeconds) },
  });
}

/** "about 12 minutes" for a wait in seconds. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `about ${Math.ceil(seconds / 60)} minutes`;
}

/** The client's address as the HTTP server saw it (behind TRUST_PROXY proxies); "unknown" outside a server. */
export function clientAddress(context: { clientIp?: string } | undefined): string {
  return context?.clientIp || "unknown";
}
