import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadKey } from "~/auth/keys.server";
import { deleteEvidence, EvidenceIntegrityError, readEvidence, sha256Hex, storeEvidence, type EvidenceStore } from "~/evidence/store.server";
import * as files from "./fixtures";

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "custodian-evidence-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
  vi.resetModules();
});

function newStore(): EvidenceStore {
  return { dir: path.join(scratch(), "evidence"), key: randomBytes(32), maxBytes: 1024 * 1024 };
}

function stored(store: EvidenceStore, bytes = files.pdf(), fileName = "soc2.pdf") {
  const result = storeEvidence(store, { bytes, fileName, declaredType: "application/pdf" });
  if (!result.ok) throw new Error(result.message);
  return result.stored;
}

const fileOf = (store: EvidenceStore, key: string) => path.join(store.dir, key.slice(0, 2), key);

describe("the evidence store", () => {
  it("writes an encrypted copy, with the plaintext's checksum, and reads back the same bytes", () => {
    const store = newStore();
    const bytes = files.pdf();
    const evidence = stored(store, bytes);
    expect(evidence).toMatchObject({ sha256: sha256Hex(bytes), size: bytes.length, kind: "pdf", mediaType: "application/pdf" });
    const onDisk = readFileSync(fileOf(store, evidence.storageKey));
    expect(onDisk.includes(Buffer.from("%PDF"))).toBe(false);
    expect(onDisk.includes(Buffer.from("Catalog"))).toBe(false);
    expect(readEvidence(store, evidence.storageKey, evidence.sha256)).toEqual(bytes);
  });

  it("keeps each file readable by the server's user only", () => {
    const store = newStore();
    const evidence = stored(store);
    expect(statSync(fileOf(store, evidence.storageKey)).mode & 0o777).toBe(0o600);
  });

  it("detects a single changed byte of ciphertext", () => {
    const store = newStore();
    const evidence = stored(store);
    const file = fileOf(store, evidence.storageKey);
    const sealed = readFileSync(file);
    sealed[sealed.length - 3]! ^= 0x01;
    writeFileSync(file, sealed);
    expect(() => readEvidence(store, evidence.storageKey, evidence.sha256)).toThrow(EvidenceIntegrityError);
    expect(() => readEvidence(store, evidence.storageKey, evidence.sha256)).toThrow(/altered/);
  });

  it("refuses a file moved onto another file's place", () => {
    const store = newStore();
    const first = stored(store, files.pdf(), "a.pdf");
    const second = stored(store, Buffer.from("%PDF-1.4\nother\n"), "b.pdf");
    renameSync(fileOf(store, first.storageKey), fileOf(store, second.storageKey));
    expect(() => readEvidence(store, second.storageKey, second.sha256)).toThrow(EvidenceIntegrityError);
  });

  it("refuses to decrypt with another key, and a checksum that does not match", () => {
    const store = newStore();
    const evidence = stored(store);
    expect(() => readEvidence({ ...store, key: randomBytes(32) }, evidence.storageKey, evidence.sha256)).toThrow(EvidenceIntegrityError);
    expect(() => readEvidence(store, evidence.storageKey, "0".repeat(64))).toThrow(/checksum mismatch/);
  });

  it("writes nothing for a refused file", () => {
    const store = newStore();
    const result = storeEvidence(store, { bytes: files.png(), fileName: "report.pdf", declaredType: "application/pdf" });
    expect(result).toMatchObject({ ok: false, reason: "mismatch" });
    expect(existsSync(store.dir)).toBe(false);
  });

  it("never builds a path from something that is not a storage key", () => {
    const store = newStore();
    expect(() => readEvidence(store, "../../etc/passwd", "x")).toThrow(/Not an evidence storage key/);
    expect(() => deleteEvidence(store, "..%2f..%2fkeys")).toThrow(/Not an evidence storage key/);
  });

  it("deletes a stored file, and deleting it again is harmless", () => {
    const store = newStore();
    const evidence = stored(store);
    deleteEvidence(store, evidence.storageKey);
    deleteEvidence(store, evidence.storageKey);
    expect(existsSync(fileOf(store, evidence.storageKey))).toBe(false);
  });
});

describe("encryption keys", () => {
  it("generates a 32-byte key file readable only by its owner, in a private folder, and reuses it", () => {
    const file = path.join(scratch(), "keys", "evidence.key");
    const key = loadKey({ fromEnv: undefined, file, envName: "EVIDENCE_KEY" });
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadKey({ fromEnv: undefined, file, envName: "EVIDENCE_KEY" })).toEqual(key);
    expect(readdirSync(path.dirname(file))).toEqual(["evidence.key"]);
  });

  it("takes the key from the environment when given, and writes no file", () => {
    const file = path.join(scratch(), "keys", "evidence.key");
    const key = randomBytes(32);
    expect(loadKey({ fromEnv: key.toString("base64"), file, envName: "EVIDENCE_KEY" })).toEqual(key);
    expect(existsSync(file)).toBe(false);
  });

  it("refuses a key file that does not hold 32 bytes, naming it", () => {
    const file = path.join(scratch(), "short.key");
    writeFileSync(file, randomBytes(16).toString("base64"));
    expect(() => loadKey({ fromEnv: undefined, file, envName: "EVIDENCE_KEY" })).toThrow(/short\.key \(EVIDENCE_KEY_FILE\) must hold 32 bytes/);
  });

  it("refuses an evidence key file kept inside the evidence folder", async () => {
    const dir = scratch();
    vi.stubEnv("EVIDENCE_KEY", "");
    vi.stubEnv("EVIDENCE_DIR", path.join(dir, "evidence"));
    vi.stubEnv("EVIDENCE_KEY_FILE", path.join(dir, "evidence", "key"));
    vi.resetModules();
    const { getEvidenceKey } = await import("~/evidence/key.server");
    expect(() => getEvidenceKey()).toThrow("EVIDENCE_KEY_FILE must not be inside EVIDENCE_DIR");
  });
});
