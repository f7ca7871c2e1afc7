import type { AppLoadContext } from "@remix-run/node";
import { clientAddress, consumeRateLimit, describeWait } from "~/auth/throttle.server";
import { looksLikeSecretToken } from "~/auth/tokens.server";
import { getDb } from "~/db.server";
import { recentHits, recordHit } from "~/models/rate-limits.server";
import { findInvitationByToken, invitationState, touchInvitation, type LinkRecord } from "~/models/vendor-invitations.server";
import type { Actor } from "~/models/workflow.server";
import { formatDate } from "~/ui/format";

// The vendor portal's guard: the link is the credential. Every request is
// counted per client address, and requests with a link that does not work are
// counted apart with a much lower limit, so guessing links is hopeless even
// before the 256 bits of the token are considered.

const MINUTE = 60_000;
export const PORTAL_LIMIT = { bucket: "vendor-link", windowMs: 5 * MINUTE, limit: 600 } as const;
export const PORTAL_MISS_LIMIT = { bucket: "vendor-link-miss", windowMs: 15 * MINUTE, limit: 10 } as const;

export interface VendorLink extends LinkRecord {
  /** How the contact is named in answers and the audit trail. */
  actor: Actor & { kind: "vendor" };
  /** The token as given, to build the portal's own URLs. */
  token: string;
}

function plain(message: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

function tooMany(retryAfterSeconds: number): Response {
  return plain(`Too many requests from your network. Wait ${describeWait(retryAfterSeconds)}, then try again.`, 429, {
    "Retry-After": String(retryAfterSeconds),
  });
}

/**
 * The live link a portal URL carries, or a thrown Response: 404 for a link
 * never issued, 410 for an expired or withdrawn one, 429 when the client
 * address sent too many requests.
 */
export function requireVendorLink(token: string | undefined, context: AppLoadContext | undefined, now = new Date()): VendorLink {
  const db = getDb();
  const ip = clientAddress(context);
  const misses = recentHits(db, PORTAL_MISS_LIMIT.bucket, ip, new Date(now.getTime() - PORTAL_MISS_LIMIT.windowMs));
  if (misses.count >= PORTAL_MISS_LIMIT.limit) {
    const oldest = misses.oldest?.getTime() ?? now.getTime();
    throw tooMany(Math.max(1, Math.ceil((oldest + PORTAL_MISS_LIMIT.windowMs - now.getTime()) / 1000)));
  }
  const throttled = consumeRateLimit(db, { ...PORTAL_LIMIT, key: ip }, now);
  if (throttled) throw tooMany(throttled.retryAfterSeconds);

  const link = token && looksLikeSecretToken(token) ? findInvitationByToken(db, token) : null;
  const state = link ? invitationState(link, now) : null;
  if (!link || state !== "active") recordHit(db, PORTAL_MISS_LIMIT.bucket, ip, now);
  if (!link) {
    throw plain(
      "This link does not work. Check that you copied the whole address from the email, or ask your contact at the buyer for a new link.",
      404,
    );
  }
  if (state === "revoked") throw plain("This link has been withdrawn. Ask your contact at the buyer for a new link.", 410);
  if (state === "expired") {
    throw plain(`This link expired on ${formatDate(link.expiresAt)}. Ask your contact at the buyer for a new link.`, 410);
  }
  touchInvitation(db, link, now);
  return {
    ...link,
    token: token!,
    actor: { kind: "vendor", invitationId: link.invitationId, name: `${link.contactName} (${link.vendorName})` },
  };
}

/** Headers for every portal page: the token is in the address, so it must not be cached or passed on. */
export const portalHeaders = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } as const;
