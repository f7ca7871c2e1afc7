import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey, type KeyPurpose } from "./keys.server";

// Secrets at rest (TOTP secrets, mail kept in the outbox): AES-256-GCM under a
// key derived from the app key for each purpose. The additional data binds a
// sealed value to its row, so a value copied onto another row does not open.

export type SealPurpose = Exclude<KeyPurpose, "csrf">;

const VERSION = "v1";

export function sealText(plaintext: string, boundTo: string, purpose: SealPurpose = "totp-secret"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(purpose), iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

/** The plaintext, or null when the value was not sealed by this key for this row. */
export function openSealedText(sealed: string, boundTo: string, purpose: SealPurpose = "totp-secret"): string | null {
  const [version, body] = sealed.split(".");
  if (version !== VERSION || !body) return null;
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length < 28) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(purpose), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
