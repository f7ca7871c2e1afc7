import { parseQuestionnaire } from "./parse";
import type { Questionnaire, QuestionnaireError } from "./types";

export interface SourceFile {
  /** As it should appear in messages, e.g. "questionnaires/hosted-crm-1.0.0.yaml". */
  fileName: string;
  text: string;
}

export interface SetCheckResult {
  questionnaires: Questionnaire[];
  errors: QuestionnaireError[];
}

/** Negative, zero or positive as `a` is older, equal to or newer than `b` (semver, x.y.z). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Parses every file and adds the checks that need them all: a file is named
 * "<id>-<version>.yaml", an id and version appear once, and within one major
 * version a question keeps its type (stable ids mean stored answers stay valid).
 */
export function checkQuestionnaireSet(files: SourceFile[]): SetCheckResult {
  const questionnaires: Questionnaire[] = [];
  const errors: QuestionnaireError[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    texts.set(file.fileName, file.text);
    const result = parseQuestionnaire(file.text, file.fileName);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const q = result.questionnaire;
    const baseName = file.fileName.split(/[\\/]/).pop() ?? file.fileName;
    const expected = `${q.id}-${q.version}`;
    if (baseName !== `${expected}.yaml` && baseName !== `${expected}.yml`) {
      errors.push({ file: file.fileName, path: "id", line: lineMatching(file.text, /^id:/), message: `the file must be named ${expected}.yaml after its id and version`, code: "file-name" });
    }
    const twin = questionnaires.find((other) => other.id === q.id && other.version === q.version);
    if (twin) {
      errors.push({ file: file.fileName, path: "version", line: lineMatching(file.text, /^version:/), message: `${q.id} ${q.version} is also defined in ${twin.fileName}`, code: "duplicate-version" });
      continue;
    }
    questionnaires.push(q);
  }

  const byId = groupBy(questionnaires, (q) => q.id);
  for (const versions of byId.values()) {
    versions.sort((a, b) => compareVersions(a.version, b.version));
    versions.forEach((newer, i) => {
      const older = versions[i - 1];
      if (!older || older.version.split(".")[0] !== newer.version.split(".")[0]) return;
      const oldTypes = new Map(older.sections.flatMap((s) => s.questions.map((q) => [q.id, q.type] as const)));
      for (const question of newer.sections.flatMap((s) => s.questions)) {
        const oldType = oldTypes.get(question.id);
        if (oldType !== undefined && oldType !== question.type) {
          const escaped = question.id.replace(/\./g, "\\.");
          errors.push({
            file: newer.fileName,
            path: question.id,
            line: lineMatching(texts.get(newer.fileName) ?? "", new RegExp(`\\bid:\\s*["']?${escaped}["']?\\s*$`)),
            message: `"${question.id}" was ${oldType} in ${older.version} and is ${question.type} here; changing a question's type needs a new major version or a new id`,
            code: "changed-type",
          });
        }
      }
    });
  }
  return { questionnaires, errors };
}

// Map.groupBy is ES2024; the project targets ES2023 (Node 20).
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function lineMatching(text: string, pattern: RegExp): number {
  const index = text.split("\n").findIndex((line) => pattern.test(line.trim()));
  return index === -1 ? 1 : index + 1;
}

/** The text `npm run questionnaires:check` prints. */
export function formatCheckReport(result: SetCheckResult): { stdout: string; stderr: string; exitCode: number } {
  const out: string[] = [];
  for (const q of result.questionnaires) {
    out.push(`ok ${q.fileName}: ${q.id} ${q.version} (${q.status}), ${q.sections.length} sections, ${q.sections.reduce((n, s) => n + s.questions.length, 0)} questions, sha256 ${q.hash}`);
    for (const [locale, missing] of groupBy(q.missingTranslations, (m) => m.locale)) {
      const partial = q.partial_locales.includes(locale) ? "partial locale" : "draft";
      out.push(`  missing translations (${locale}, ${partial}): ${missing.length}`);
      for (const m of missing) out.push(`    ${q.fileName}:${m.line}: ${m.key}`);
    }
  }
  const err = result.errors.map((e) => `${e.file}:${e.line}: ${e.path ? `${e.path}: ` : ""}${e.message} [${e.code}]`);
  const files = new Set(result.errors.map((e) => e.file)).size;
  if (result.errors.length > 0) err.push(`${result.errors.length} ${result.errors.length === 1 ? "error" : "errors"} in ${files} ${files === 1 ? "file" : "files"}`);
  return {
    stdout: out.length > 0 ? `${out.join("\n")}\n` : "",
    stderr: err.length > 0 ? `${err.join("\n")}\n` : "",
    exitCode: result.errors.length > 0 ? 1 : 0,
  };
}
