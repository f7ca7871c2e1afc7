import type { DB } from "#db/database";
import { recordLoginAttempt } from "~/models/login-attempts.server";
import { findUserCredentialsById, findUserCredentialsByEmail, normaliseEmail } from "~/models/users.server";
import { verifyPassword } from "./password.server";
import { checkLoginThrottle, forgetOldAttempts } from "./throttle.server";
import { verifySecondFactor } from "./two-factor.server";

export type LoginOutcome =
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "invalid" }
  | { kind: "second-factor-needed"; userId: string }
  | { kind: "signed-in"; userId: string };

/**
 * The password step. Throttled attempts are refused before the password is
 * looked at and are not counted, so an attacker cannot keep the owner locked
 * out for ever. A user with a second factor is not "signed in" yet: only the
 * code step records success, so a known password cannot reset the count of
 * wrong codes.
 */
export async function attemptPasswordLogin(
  db: DB,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginOutcome> {
  const email = normaliseEmail(input.email);
  const throttled = checkLoginThrottle(db, { email, ip: input.ip }, now);
  if (throttled) {
    recordLoginAttempt(db, { email, ip: input.ip, outcome: "throttled" }, now);
    return { kind: "throttled", retryAfterSeconds: throttled.retryAfterSeconds };
  }
  const user = findUserCredentialsByEmail(db, email);
  const matches = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !matches) {
    recordLoginAttempt(db, { email, ip: input.ip, outcome: "failed" }, now);
    return { kind: "invalid" };
  }
  if (user.totpEnabled) return { kind: "second-factor-needed", userId: user.id };
  recordLoginAttempt(db, { email, ip: input.ip, outcome: "succeeded" }, now);
  forgetOldAttempts(db, now);
  return { kind: "signed-in", userId: user.id };
}

/** The code step, throttled and counted like the password step, per the user's email. */
export function attemptSecondFactor(db: DB, input: { userId: string; code: string; ip: string }, now = new Date()): LoginOutcome {
  const user = findUserCredentialsById(db, input.userId);
  if (!user) return { kind: "invalid" };
  const email = normaliseEmail(user.email);
  const throttled = checkLoginThrottle(db, { email, ip: input.ip }, now);
  if (throttled) {
    recordLoginAttempt(db, { email, ip: input.ip, outcome: "throttled" }, now);
    return { kind: "throttled", retryAfterSeconds: throttled.retryAfterSeconds };
  }
  if (!verifySecondFactor(db, user.id, input.code, now)) {
    recordLoginAttempt(db, { email, ip: input.ip, outcome: "failed" }, now);
    return { kind: "invalid" };
  }
  recordLoginAttempt(db, { email, ip: input.ip, outcome: "succeeded" }, now);
  forgetOldAttempts(db, now);
  return { kind: "signed-in", userId: user.id };
}
