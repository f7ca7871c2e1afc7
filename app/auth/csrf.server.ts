import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { isSecureRequest, readCookie, serializeCookie } from "./cookies.server";
import { deriveKey } from "./keys.server";
import { SESSION_COOKIE } from "./session.server";
import { newSecretToken } from "./tokens.server";

// CSRF defence, in two layers (docs/decisions/010-accounts-and-sessions.md):
// the browser's Sec-Fetch-Site header must say the form came from this origin,
// and the form must carry a token the server signed for this browser's CSRF
// cookie and current session cookie.

export const CSRF_COOKIE = "custodian_csrf";
export const CSRF_FIELD = "csrf";
const CSRF_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function sign(csrfCookie: string, sessionCookie: string | null): string {
  const session = sessionCookie ? createHash("sha256").update(sessionCookie).digest("hex") : "signed-out";
  return createHmac("sha256", deriveKey("csrf")).update(`${csrfCookie}|${session}`).digest("base64url");
}

/**
 * The token for this request's forms, and the Set-Cookie header value when the
 * browser has no CSRF cookie yet. The root loader calls this on every page.
 */
export function prepareCsrf(request: Request): { token: string; setCookie: string | null } {
  const existing = readCookie(request, CSRF_COOKIE);
  const cookie = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newSecretToken();
  return {
    token: sign(cookie, readCookie(request, SESSION_COOKIE)),
    setCookie:
      cookie === existing
        ? null
        : serializeCookie(CSRF_COOKIE, cookie, { maxAgeSeconds: CSRF_COOKIE_MAX_AGE_SECONDS, secure: isSecureRequest(request) }),
  };
}

/** The token a form must carry for this request, or null when the browser has no CSRF cookie. */
export function expectedCsrfToken(request: Request): string | null {
  const cookie = readCookie(request, CSRF_COOKIE);
  return cookie ? sign(cookie, readCookie(request, SESSION_COOKIE)) : null;
}

function refuse(message: string): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Every action that changes anything calls this first, with the form it read.
 * Throws a 403 Response when the request came from another site or the form's
 * token does not match this browser's.
 */
export function requireValidCsrf(request: Request, formData: FormData): void {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    refuse("This form was sent from another site, so it was refused.");
  }
  const expected = expectedCsrfToken(request);
  const given = formData.get(CSRF_FIELD);
  if (
    expected === null ||
    typeof given !== "string" ||
    given.length !== expected.length ||
    !timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  ) {
    refuse("This form has expired or did not come from this page. Go back, reload the page and try again.");
  }
}
