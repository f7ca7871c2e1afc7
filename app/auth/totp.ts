import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Time-based one-time passwords, RFC 6238 over HOTP (RFC 4226), as every
// authenticator app implements them: SHA-1, 6 digits, 30-second steps.

export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  periodSeconds?: number;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding, the form authenticator apps accept. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces, hyphens and padding; null for any other character. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]+/g, "").replace(/=+$/, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new shared secret: 160 bits, the HMAC-SHA-1 block-size recommendation of RFC 4226 §4. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** HOTP (RFC 4226 §5.3): HMAC of the counter, dynamically truncated. */
export function hotp(secret: Uint8Array, counter: number, { algorithm = "sha1", digits = 6 }: TotpOptions = {}): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, "0");
}

export function totpStep(timeMs: number, periodSeconds = 30): number {
  return Math.floor(timeMs / 1000 / periodSeconds);
}

/** The code for the time step containing timeMs (RFC 6238 §4.2). */
export function totpCode(secret: Uint8Array, timeMs: number, options: TotpOptions = {}): string {
  return hotp(secret, totpStep(timeMs, options.periodSeconds), options);
}

export interface TotpCheck extends TotpOptions {
  now: number;
  /** Steps accepted either side of now, for clock drift (RFC 6238 §5.2 recommends at most one). */
  window?: number;
  /** The step of the last code accepted: it and earlier steps are refused, so a code works once. */
  afterStep?: number | null;
}

/** The time step the code belongs to, or null when it is not a current, unused code. */
export function verifyTotp(secret: Uint8Array, code: string, check: TotpCheck): number | null {
  const digits = check.digits ?? 6;
  const given = code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${digits}}$`).test(given)) return null;
  const current = totpStep(check.now, check.periodSeconds);
  const window = check.window ?? 1;
  let matched: number | null = null;
  // Every candidate is compared, so the time taken says nothing about which matched.
  for (let step = current - window; step <= current + window; step += 1) {
    const expected = hotp(secret, step, check);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(given)) && matched === null) matched = step;
  }
  if (matched === null) return null;
  if (check.afterStep !== undefined && check.afterStep !== null && matched <= check.afterStep) return null;
  return matched;
}

/** The otpauth:// URI apps import (Key URI Format), for those who paste rather than type. */
export function totpUri(secretBase32: string, account: string, issuer = "Custodian"): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({ secret: secretBase32, issuer, algorithm: "SHA1", digits: "6", period: "30" });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatSecretForTyping(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? secretBase32;
}
