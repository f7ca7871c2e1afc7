import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  clearQuestionnaireCache,
  getLatestQuestionnaire,
  getPinnedQuestionnaire,
  getQuestionnaire,
  listQuestionnaires,
  QuestionnaireLoadError,
} from "~/questionnaire/registry.server";
import { fixturesDir } from "./demo";

let dir: string;
const saved = process.env.QUESTIONNAIRES_DIR;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "questionnaires-"));
  cpSync(path.join(fixturesDir, "valid/demo-1.0.0.yaml"), path.join(dir, "demo-1.0.0.yaml"));
  process.env.QUESTIONNAIRES_DIR = dir;
  clearQuestionnaireCache();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.QUESTIONNAIRES_DIR;
  else process.env.QUESTIONNAIRES_DIR = saved;
  clearQuestionnaireCache();
});

describe("questionnaire registry", () => {
  it("keeps serving the pinned version with its own hash after a newer version ships", () => {
    const started = getLatestQuestionnaire("demo");
    expect(started?.version).toBe("1.0.0");
    const pin = { id: "demo", version: "1.0.0", hash: started!.hash };

    cpSync(path.join(fixturesDir, "valid/demo-1.1.0.yaml"), path.join(dir, "demo-1.1.0.yaml"));
    clearQuestionnaireCache();

    expect(getLatestQuestionnaire("demo")?.version).toBe("1.1.0");
    const old = getQuestionnaire("demo", "1.0.0");
    expect(old?.hash).toBe(pin.hash);
    expect(old?.sections.flatMap((s) => s.questions).some((q) => q.id === "history.next_audit")).toBe(false);
    expect(getQuestionnaire("demo", "1.1.0")?.hash).not.toBe(pin.hash);
    expect(getPinnedQuestionnaire(pin)).toMatchObject({ ok: true, questionnaire: { version: "1.0.0", hash: pin.hash } });
    expect(listQuestionnaires().map((q) => `${q.id}@${q.version}`)).toEqual(["demo@1.0.0", "demo@1.1.0"]);
  });

  it("detects a pinned version edited in place", () => {
    const pin = { id: "demo", version: "1.0.0", hash: getQuestionnaire("demo", "1.0.0")!.hash };
    const file = path.join(dir, "demo-1.0.0.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Can the data be pinned", "May the data be pinned"));
    clearQuestionnaireCache();
    expect(getPinnedQuestionnaire(pin)).toMatchObject({ ok: false, reason: "hash-mismatch" });
    expect(getPinnedQuestionnaire({ ...pin, version: "9.0.0" })).toMatchObject({ ok: false, reason: "missing" });
  });

  it("keeps the hash when only comments and layout change", () => {
    const before = getQuestionnaire("demo", "1.0.0")!.hash;
    const file = path.join(dir, "demo-1.0.0.yaml");
    writeFileSync(file, `# a new comment\n${readFileSync(file, "utf8").replace("schema: ddq/v1\n", "").replace("id: demo\n", "id: demo\nschema: ddq/v1\n")}`);
    clearQuestionnaireCache();
    expect(getQuestionnaire("demo", "1.0.0")!.hash).toBe(before);
  });

  it("caches what it read until the cache is cleared", () => {
    const first = listQuestionnaires();
    cpSync(path.join(fixturesDir, "valid/demo-1.1.0.yaml"), path.join(dir, "demo-1.1.0.yaml"));
    expect(listQuestionnaires()).toBe(first);
  });

  it("refuses to load a folder holding an invalid file, naming file and line", () => {
    cpSync(path.join(fixturesDir, "invalid/cycle-1.0.0.yaml"), path.join(dir, "cycle-1.0.0.yaml"));
    expect(() => listQuestionnaires()).toThrow(QuestionnaireLoadError);
    expect(() => listQuestionnaires()).toThrow(/cycle-1\.0\.0\.yaml:17: conditions form a cycle/);
  });

  it("returns null for an unknown questionnaire or version", () => {
    expect(getQuestionnaire("demo", "2.0.0")).toBeNull();
    expect(getLatestQuestionnaire("nope")).toBeNull();
  });
});
