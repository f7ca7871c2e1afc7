import type { DB } from "#db/database";
import { getEnv } from "~/env.server";
import { sendMail } from "~/mail/send-mail.server";
import { recordEvent } from "~/models/events.server";
import {
  claimPasswordResetToken,
  findPasswordResetToken,
  insertPasswordResetToken,
  spendUserResetTokens,
} from "~/models/password-reset-tokens.server";
import { deleteUserSessions } from "~/models/sessions.server";
import { findUserCredentialsByEmail, findUserCredentialsById, setPasswordHash } from "~/models/users.server";
import { hashPassword } from "./password.server";
import { hashToken, looksLikeSecretToken, newSecretToken } from "./tokens.server";

export const RESET_LINK_LIFETIME_MS = 60 * 60_000;

/** The public address links in mail point to: APP_URL, else the address the request came to. */
export function publicOrigin(request: Request): string {
  return getEnv().APP_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin;
}

/**
 * Mails a reset link when the email belongs to a user; does nothing visible
 * otherwise, so the page cannot be used to learn who has an account.
 */
export async function requestPasswordReset(db: DB, email: string, origin: string, now = new Date()): Promise<void> {
  const user = findUserCredentialsByEmail(db, email);
  if (!user) return;
  const token = newSecretToken();
  insertPasswordResetToken(
    db,
    { id: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_LINK_LIFETIME_MS) },
    now,
  );
  const link = `${origin}/reset-password/${token}`;
  await sendMail(db, {
    organisationId: user.organisationId,
    to: user.email,
    subject: "Reset your Custodian password",
    confidential: true,
    text: [
      `Hello ${user.name},`,
      "",
      "Someone asked to reset the password of your Custodian account. If it was you, open this link within an hour and choose a new password:",
      "",
      link,
      "",
      "The link works once. If you did not ask for it, ignore this message: your password stays as it is.",
    ].join("\n"),
  });
}

/** The user a reset link belongs to, while it is unused and unexpired; null otherwise. */
export function findUsableResetToken(db: DB, token: string, now = new Date()): { userId: string; email: string } | null {
  if (!looksLikeSecretToken(token)) return null;
  const stored = findPasswordResetToken(db, hashToken(token));
  if (!stored || stored.usedAt || stored.expiresAt.getTime() <= now.getTime()) return null;
  const user = findUserCredentialsById(db, stored.userId);
  return user ? { userId: user.id, email: user.email } : null;
}

/**
 * Sets a new password through a reset link: the link is spent, every other
 * link of the user too, and every session of the user ends.
 */
export async function resetPassword(db: DB, token: string, newPassword: string, now = new Date()): Promise<boolean> {
  const holder = findUsableResetToken(db, token, now);
  if (!holder) return false;
  const user = findUserCredentialsById(db, holder.userId);
  if (!user) return false;
  const passwordHash = await hashPassword(newPassword);
  return db.transaction((tx) => {
    if (!claimPasswordResetToken(tx, hashToken(token), now)) return false;
    setPasswordHash(tx, user.id, passwordHash);
    spendUserResetTokens(tx, user.id, now);
    deleteUserSessions(tx, user.id);
    recordEvent(tx, {
      organisationId: user.organisationId,
      actorUserId: user.id,
      actor: user.name,
      type: "user.password-reset",
      payload: { userId: user.id },
    }, now);
    return true;
  });
}
