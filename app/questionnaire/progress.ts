import type { Answers } from "./answers";
import type { Questionnaire } from "./types";
import { isAnswered, isRequired, isVisible } from "./visibility";

export type ProgressStatus = "not-started" | "in-progress" | "completed";

export interface Progress {
  answered: number;
  required: number;
  requiredAnswered: number;
  remaining: number;
  status: ProgressStatus;
}
export interface SectionProgress extends Progress {
  sectionId: string;
}

/** Per visible section, counting visible questions only; hidden sections are left out. */
export function sectionProgress(
  questionnaire: Questionnaire,
  answers: Answers,
): { sections: SectionProgress[]; total: Progress } {
  const sections: SectionProgress[] = [];
  for (const section of questionnaire.sections) {
    if (!isVisible(section, answers)) continue;
    let answered = 0;
    let required = 0;
    let requiredAnswered = 0;
    for (const question of section.questions) {
      if (!isVisible(question, answers)) continue;
      const done = isAnswered(question, answers);
      if (done) answered++;
      if (isRequired(question, answers)) {
        required++;
        if (done) requiredAnswered++;
      }
    }
    sections.push({ sectionId: section.id, ...counts(answered, required, requiredAnswered) });
  }
  const sum = (key: "answered" | "required" | "requiredAnswered") => sections.reduce((n, s) => n + s[key], 0);
  return { sections, total: counts(sum("answered"), sum("required"), sum("requiredAnswered")) };
}

function counts(answered: number, required: number, requiredAnswered: number): Progress {
  const remaining = required - requiredAnswered;
  const status: ProgressStatus = answered === 0 ? "not-started" : remaining === 0 ? "completed" : "in-progress";
  return { answered, required, requiredAnswered, remaining, status };
}
