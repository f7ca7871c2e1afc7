import { readFileSync } from "node:fs";
import path from "node:path";
import { parseQuestionnaire } from "~/questionnaire/parse";
import type { Question, Questionnaire } from "~/questionnaire/types";

export const fixturesDir = path.resolve(import.meta.dirname, "../../fixtures/questionnaires");

export function loadFixture(relative: string): Questionnaire {
  const file = path.join(fixturesDir, relative);
  const result = parseQuestionnaire(readFileSync(file, "utf8"), relative);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return result.questionnaire;
}

export const demo = loadFixture("valid/demo-1.0.0.yaml");

export function question(id: string, questionnaire: Questionnaire = demo): Question {
  const found = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

export function section(id: string, questionnaire: Questionnaire = demo) {
  const found = questionnaire.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}
