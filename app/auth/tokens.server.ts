import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: session cookies, reset links, vendor links. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database keeps of a token: its sha256. A token has 256 bits of
 * entropy, so a fast hash is enough; a slow one would only slow down sign-in.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens this app issues: anything else is refused before touching the database. */
export function looksLikeSecretToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
