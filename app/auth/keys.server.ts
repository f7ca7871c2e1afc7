import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/env.server";

export const KEY_BYTES = 32;

export interface KeySource {
  /** Base64 key from the environment, already validated by app/env.server.ts. */
  fromEnv: string | undefined;
  /** Where to keep a generated key when the environment gives none. */
  file: string;
  /** Names for messages: the variables that configure this key. */
  envName: string;
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) throw new Error(`${where} must hold ${KEY_BYTES} bytes in base64 (it holds ${key.length})`);
  return key;
}

/**
 * The key from the environment, else from its key file, else a new random key
 * written to that file (mode 0600, folder 0700). Creation is atomic: the key
 * is written under a temporary name and hard-linked into place, so two
 * processes starting together agree on one key and never read half a file.
 */
export function loadKey(source: KeySource): Buffer {
  if (source.fromEnv) return decodeKey(source.fromEnv, source.envName);
  const file = path.resolve(source.file);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  return decodeKey(readFileSync(file, "utf8"), `The key file ${file} (${source.envName}_FILE)`);
}

let appKey: Buffer | undefined;

/** The app key: APP_KEY, or the generated file APP_KEY_FILE (default data/keys/app.key). */
export function getAppKey(): Buffer {
  const env = getEnv();
  appKey ??= loadKey({ fromEnv: env.APP_KEY, file: env.APP_KEY_FILE, envName: "APP_KEY" });
  return appKey;
}

export type KeyPurpose = "csrf" | "totp-secret" | "outbox-body";

/** A separate key per purpose, derived from the app key (HKDF-SHA256), so no key does two jobs. */
export function deriveKey(purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", getAppKey(), Buffer.alloc(0), `custodian:${purpose}`, KEY_BYTES));
}
