import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/env.server";
import { getEvidenceKey } from "./key.server";
import { checkEvidenceUpload, type EvidenceKind, type UploadClaim } from "./sniff.server";

// Evidence files live outside the database, one encrypted file each:
// MAGIC | 12-byte IV | 16-byte GCM tag | ciphertext, with the storage key as
// additional data, so a file renamed onto another's key does not decrypt.

const MAGIC = Buffer.from("CUSTEVD1", "ascii");
const HEADER_BYTES = MAGIC.length + 12 + 16;

export interface EvidenceStore {
  dir: string;
  key: Buffer;
  maxBytes: number;
}

export function evidenceStoreFromEnv(): EvidenceStore {
  const env = getEnv();
  return { dir: path.resolve(env.EVIDENCE_DIR), key: getEvidenceKey(), maxBytes: env.EVIDENCE_MAX_BYTES };
}

export interface StoredEvidence {
  /** Where the file is in the store; goes in the database row. */
  storageKey: string;
  /** sha256 (hex) of the plaintext, checked again on every read. */
  sha256: string;
  size: number;
  kind: EvidenceKind;
  mediaType: string;
  extension: string;
}

export class EvidenceIntegrityError extends Error {
  constructor(storageKey: string, why: string) {
    super(`Evidence ${storageKey} failed its integrity check: ${why}`);
    this.name = "EvidenceIntegrityError";
  }
}

const STORAGE_KEY = /^[A-Za-z0-9_-]{22}$/;

function pathOf(store: EvidenceStore, storageKey: string): string {
  // The key comes from our own rows, but a path is built from it: never let it climb out.
  if (!STORAGE_KEY.test(storageKey)) throw new Error(`Not an evidence storage key: ${JSON.stringify(storageKey)}`);
  return path.join(store.dir, storageKey.slice(0, 2), storageKey);
}

const additionalData = (storageKey: string) => Buffer.from(`custodian-evidence:v1:${storageKey}`, "utf8");

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Checks an upload (size, kind from its bytes, name and declared type) and,
 * when it passes, writes it encrypted. Nothing is written for a refused file.
 */
export function storeEvidence(
  store: EvidenceStore,
  upload: UploadClaim,
): { ok: true; stored: StoredEvidence } | { ok: false; reason: string; message: string } {
  const check = checkEvidenceUpload(upload, store.maxBytes);
  if (!check.ok) return check;
  const storageKey = randomBytes(16).toString("base64url");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", store.key, iv);
  cipher.setAAD(additionalData(storageKey));
  const ciphertext = Buffer.concat([cipher.update(upload.bytes), cipher.final()]);
  const file = pathOf(store, storageKey);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ciphertext]), { mode: 0o600, flag: "wx" });
  renameSync(temporary, file);
  return {
    ok: true,
    stored: {
      storageKey,
      sha256: sha256Hex(upload.bytes),
      size: upload.bytes.length,
      kind: check.kind,
      mediaType: check.mediaType,
      extension: check.extension,
    },
  };
}

/**
 * The plaintext of a stored file. Throws EvidenceIntegrityError when the file
 * was altered (GCM tag), swapped (additional data) or does not match the
 * checksum recorded at upload.
 */
export function readEvidence(store: EvidenceStore, storageKey: string, expectedSha256: string): Buffer {
  const sealed = readFileSync(pathOf(store, storageKey));
  if (sealed.length < HEADER_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new EvidenceIntegrityError(storageKey, "not an encrypted evidence file");
  }
  const decipher = createDecipheriv("aes-256-gcm", store.key, sealed.subarray(MAGIC.length, MAGIC.length + 12));
  decipher.setAAD(additionalData(storageKey));
  decipher.setAuthTag(sealed.subarray(MAGIC.length + 12, HEADER_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new EvidenceIntegrityError(storageKey, "the encrypted file was altered or belongs to another key");
  }
  if (sha256Hex(plaintext) !== expectedSha256) throw new EvidenceIntegrityError(storageKey, "checksum mismatch");
  return plaintext;
}

/** Removes a stored file (retention, deleted evidence); missing files are not an error. */
export function deleteEvidence(store: EvidenceStore, storageKey: string) {
  rmSync(pathOf(store, storageKey), { force: true });
}
