import path from "node:path";
import { loadKey } from "~/auth/keys.server";
import { getEnv } from "~/env.server";

let cached: Buffer | undefined;

/**
 * The evidence encryption key: EVIDENCE_KEY, or the key file EVIDENCE_KEY_FILE
 * (generated on first use). A key file inside EVIDENCE_DIR is refused: whoever
 * copies the encrypted files would get the key with them.
 */
export function getEvidenceKey(): Buffer {
  if (cached) return cached;
  const env = getEnv();
  if (!env.EVIDENCE_KEY) {
    const keyFile = path.resolve(env.EVIDENCE_KEY_FILE);
    const relative = path.relative(path.resolve(env.EVIDENCE_DIR), keyFile);
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) {
      throw new Error("EVIDENCE_KEY_FILE must not be inside EVIDENCE_DIR: keep the key apart from the files it encrypts");
    }
  }
  cached = loadKey({ fromEnv: env.EVIDENCE_KEY, file: env.EVIDENCE_KEY_FILE, envName: "EVIDENCE_KEY" });
  return cached;
}
