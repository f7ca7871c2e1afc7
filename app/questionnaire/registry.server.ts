import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkQuestionnaireSet, compareVersions } from "./check";
import type { Questionnaire } from "./types";

export function questionnairesDir(): string {
  return path.resolve(process.env.QUESTIONNAIRES_DIR ?? path.join(process.cwd(), "questionnaires"));
}

export class QuestionnaireLoadError extends Error {
  constructor(readonly messages: string[]) {
    super(`Invalid questionnaire files:\n${messages.join("\n")}`);
    this.name = "QuestionnaireLoadError";
  }
}

const cache = new Map<string, Questionnaire[]>();

/** Reads every *.yaml file of the folder once; an invalid file stops the app rather than half-loading. */
function load(): Questionnaire[] {
  const dir = questionnairesDir();
  const cached = cache.get(dir);
  if (cached) return cached;
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ fileName: path.join(dir, name), text: readFileSync(path.join(dir, name), "utf8") }));
  const { questionnaires, errors } = checkQuestionnaireSet(files);
  if (errors.length > 0) throw new QuestionnaireLoadError(errors.map((e) => `${e.file}:${e.line}: ${e.message}`));
  questionnaires.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
  cache.set(dir, questionnaires);
  return questionnaires;
}

/** Every version of every questionnaire, by id then version. */
export function listQuestionnaires(): Questionnaire[] {
  return load();
}

export function getQuestionnaire(id: string, version: string): Questionnaire | null {
  return load().find((q) => q.id === id && q.version === version) ?? null;
}

/** The newest published version: what a new assessment starts with. */
export function getLatestQuestionnaire(id: string): Questionnaire | null {
  return load().filter((q) => q.id === id && q.status === "published").at(-1) ?? null;
}

export type PinnedResult =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; reason: "missing" | "hash-mismatch"; message: string };

/**
 * The questionnaire an assessment was started with. A hash that no longer
 * matches means the file was edited in place after assessments pinned it.
 */
export function getPinnedQuestionnaire(pin: { id: string; version: string; hash: string }): PinnedResult {
  const questionnaire = getQuestionnaire(pin.id, pin.version);
  if (!questionnaire) return { ok: false, reason: "missing", message: `questionnaire ${pin.id} ${pin.version} is not installed` };
  if (questionnaire.hash !== pin.hash) {
    return { ok: false, reason: "hash-mismatch", message: `questionnaire ${pin.id} ${pin.version} changed after it was pinned (sha256 ${questionnaire.hash}, pinned ${pin.hash})` };
  }
  return { ok: true, questionnaire };
}

export function clearQuestionnaireCache(): void {
  cache.clear();
}
