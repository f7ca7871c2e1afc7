import { redirect } from "@remix-run/node";
import type { UserRole } from "#db/schema";
import { getDb } from "~/db.server";
import type { CurrentUser, Organisation } from "~/models/organisations.server";
import {
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  touchSession,
  type StoredSession,
} from "~/models/sessions.server";
import { getUserWithOrganisation, type UserWithOrganisation } from "~/models/users.server";
import { clearCookie, isSecureRequest, readCookie, serializeCookie } from "./cookies.server";
import { roleLabels } from "./roles";
import { hashToken, looksLikeSecretToken, newSecretToken } from "./tokens.server";

export const SESSION_COOKIE = "custodian_session";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A session ends a week after sign-in, or after 12 hours without a request, whichever comes first. */
export const SESSION_LIFETIME_MS = 7 * 24 * HOUR;
export const SESSION_IDLE_MS = 12 * HOUR;
/** Time allowed between the password and the TOTP code. */
export const SECOND_FACTOR_WINDOW_MS = 10 * MINUTE;
// Writing last-seen on every request would make every page view a write.
const TOUCH_INTERVAL_MS = MINUTE;

function sessionIdOf(request: Request): string | null {
  const token = readCookie(request, SESSION_COOKIE);
  return token && looksLikeSecretToken(token) ? hashToken(token) : null;
}

function isCurrent(session: StoredSession, now: Date): boolean {
  if (session.expiresAt.getTime() <= now.getTime()) return false;
  if (session.secondFactorPending) return true;
  return now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}

/**
 * Starts a session for a user whose credentials were just checked, always
 * under a new token (a token planted before sign-in is never promoted), and
 * returns the Set-Cookie header value.
 */
export function createSession(
  request: Request,
  userId: string,
  { secondFactorPending = false, now = new Date() }: { secondFactorPending?: boolean; now?: Date } = {},
): string {
  const db = getDb();
  const token = newSecretToken();
  const lifetime = secondFactorPending ? SECOND_FACTOR_WINDOW_MS : SESSION_LIFETIME_MS;
  db.transaction((tx) => {
    const previous = sessionIdOf(request);
    if (previous) deleteSession(tx, previous);
    deleteStaleSessions(tx, userId, { now, idleSince: new Date(now.getTime() - SESSION_IDLE_MS) });
    insertSession(
      tx,
      {
        id: hashToken(token),
        userId,
        secondFactorPending,
        expiresAt: new Date(now.getTime() + lifetime),
        userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
      },
      now,
    );
  });
  return serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: lifetime / 1000, secure: isSecureRequest(request) });
}

/** Deletes the request's session from the database and returns the Set-Cookie header value that clears the cookie. */
export function destroySession(request: Request): string {
  const id = sessionIdOf(request);
  if (id) deleteSession(getDb(), id);
  return clearCookie(SESSION_COOKIE, request);
}

/** The signed-in user with their organisation's name, or null. Pending second-factor sessions count as signed out. */
export function getSignedInUser(request: Request, now = new Date()): UserWithOrganisation | null {
  const id = sessionIdOf(request);
  if (!id) return null;
  const db = getDb();
  const session = findSession(db, id);
  if (!session || session.secondFactorPending || !isCurrent(session, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) touchSession(db, id, now);
  return getUserWithOrganisation(db, session.userId);
}

/** The signed-in user, or null. */
export function getUser(request: Request): CurrentUser | null {
  const user = getSignedInUser(request);
  if (!user) return null;
  const { organisationName: _name, ...current } = user;
  return current;
}

/** The user who passed the password step and still owes a TOTP code, or null. */
export function getSecondFactorPending(request: Request, now = new Date()): { userId: string } | null {
  const id = sessionIdOf(request);
  if (!id) return null;
  const session = findSession(getDb(), id);
  if (!session || !session.secondFactorPending || !isCurrent(session, now)) return null;
  return { userId: session.userId };
}

/** Where to send someone back after signing in: only a path on this site. */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}

export function loginPath(request: Request): string {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back }).toString()}`;
}

export interface RequireUserOptions {
  /** Roles allowed here; any signed-in user when absent. */
  roles?: readonly UserRole[];
}

function requireSignedIn(request: Request, options: RequireUserOptions): UserWithOrganisation {
  const user = getSignedInUser(request);
  if (!user) {
    const headers = new Headers();
    if (readCookie(request, SESSION_COOKIE)) headers.append("Set-Cookie", clearCookie(SESSION_COOKIE, request));
    throw redirect(loginPath(request), { headers });
  }
  if (options.roles && !options.roles.includes(user.role)) {
    const allowed = options.roles.map((role) => roleLabels[role].toLowerCase()).join(", ");
    throw new Response(`This page is for the roles: ${allowed}. You are signed in as ${roleLabels[user.role].toLowerCase()}.`, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return user;
}

/**
 * The signed-in user. Throws a redirect to /login?redirectTo=<this page> for
 * anyone signed out (clearing a dead session cookie), and a 403 Response when
 * the user's role is not among `roles`.
 */
export function requireUser(request: Request, options: RequireUserOptions = {}): CurrentUser {
  const { organisationName: _name, ...user } = requireSignedIn(request, options);
  return user;
}

/** The signed-in user's organisation: every query is scoped by its id. Throws like requireUser. */
export function requireUserOrganisation(request: Request, options: RequireUserOptions = {}): Organisation {
  const user = requireSignedIn(request, options);
  return { id: user.organisationId, name: user.organisationName };
}
