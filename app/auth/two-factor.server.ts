import type { DB } from "#db/database";
import { recordEvent } from "~/models/events.server";
import type { CurrentUser } from "~/models/organisations.server";
import { claimTotpStep, disableTotp, enableTotp, getTotpState, setPendingTotpSecret } from "~/models/users.server";
import { openSealedText, sealText } from "./seal.server";
import { base32Decode, generateTotpSecret, verifyTotp } from "./totp";

export interface TwoFactorStatus {
  enabled: boolean;
  /** The base32 secret of an enrolment not yet confirmed with a code, to show again. */
  pendingSecret: string | null;
}

function secretOf(db: DB, userId: string) {
  const state = getTotpState(db, userId);
  if (!state?.sealedSecret) return null;
  const base32 = openSealedText(state.sealedSecret, userId);
  const bytes = base32 ? base32Decode(base32) : null;
  return base32 && bytes ? { state, base32, bytes } : null;
}

export function getTwoFactorStatus(db: DB, userId: string): TwoFactorStatus {
  const secret = secretOf(db, userId);
  if (!secret) return { enabled: false, pendingSecret: null };
  return { enabled: secret.state.enabled, pendingSecret: secret.state.enabled ? null : secret.base32 };
}

/** A new secret, sealed on the user's row; the second factor is on only once a code from it is confirmed. */
export function startTotpEnrolment(db: DB, userId: string): string {
  const secret = generateTotpSecret();
  setPendingTotpSecret(db, userId, sealText(secret, userId));
  return secret;
}

/** Turns the second factor on when the code matches the pending secret. */
export function confirmTotpEnrolment(db: DB, user: CurrentUser, code: string, now = new Date()): boolean {
  const secret = secretOf(db, user.id);
  if (!secret || secret.state.enabled) return false;
  const step = verifyTotp(secret.bytes, code, { now: now.getTime() });
  if (step === null) return false;
  db.transaction((tx) => {
    enableTotp(tx, user.id, step);
    recordEvent(tx, {
      organisationId: user.organisationId,
      actorUserId: user.id,
      actor: user.name,
      type: "user.totp-enabled",
      payload: { userId: user.id },
    }, now);
  });
  return true;
}

/** Accepts a current code from the user's enabled secret, once (a replayed code is refused). */
export function verifySecondFactor(db: DB, userId: string, code: string, now = new Date()): boolean {
  const secret = secretOf(db, userId);
  if (!secret || !secret.state.enabled) return false;
  const step = verifyTotp(secret.bytes, code, { now: now.getTime(), afterStep: secret.state.lastStep });
  return step !== null && claimTotpStep(db, userId, step);
}

/** Turns the second factor off, proven by a current code. */
export function disableTwoFactor(db: DB, user: CurrentUser, code: string, now = new Date()): boolean {
  if (!verifySecondFactor(db, user.id, code, now)) return false;
  db.transaction((tx) => {
    disableTotp(tx, user.id);
    recordEvent(tx, {
      organisationId: user.organisationId,
      actorUserId: user.id,
      actor: user.name,
      type: "user.totp-disabled",
      payload: { userId: user.id },
    }, now);
  });
  return true;
}

/** Abandons an enrolment that was never confirmed. */
export function cancelTotpEnrolment(db: DB, userId: string) {
  const state = getTotpState(db, userId);
  if (state && !state.enabled) disableTotp(db, userId);
}
