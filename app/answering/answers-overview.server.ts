import type { DB } from "#db/database";
import type { AssessmentWorkspace } from "~/assessments/workspace.server";
import { answersLocked, listAnswerStates } from "~/models/answers.server";
import { listEvidence } from "~/models/evidence.server";
import { isAnswered, isRequired, isVisible, sectionProgress, text, type ProgressStatus } from "~/questionnaire";
import { displayAnswer, type DisplayAnswer } from "./display";

export interface AnswersOverview {
  locked: boolean;
  sections: {
    id: string;
    title: string;
    status: ProgressStatus;
    remaining: number;
    questions: {
      id: string;
      text: string;
      required: boolean;
      answered: boolean;
      answer: DisplayAnswer;
      /** Who last changed the answer, and when (ISO 8601); null for a question never answered. */
      changed: { by: string; at: string } | null;
    }[];
  }[];
}

/**
 * Every answer of the assessment that applies, section by section, printed
 * for a reader: choices by label, countries by name, row references by the
 * party's name. Answers to questions hidden by other answers are left out:
 * they count for nothing (docs/decisions/004-questionnaire-format.md).
 */
export function loadAnswersOverview(db: DB, workspace: AssessmentWorkspace, options: { vendorLabel?: string } = {}): AnswersOverview {
  const { assessment, questionnaire, answers } = workspace;
  const states = listAnswerStates(db, assessment.id);
  const progress = new Map(sectionProgress(questionnaire, answers).sections.map((s) => [s.sectionId, s]));
  const context = {
    answers,
    vendorLabel: options.vendorLabel ?? `${assessment.vendor.name} (the vendor)`,
    fileNames: Object.fromEntries(listEvidence(db, assessment.id).map((f) => [f.id, f.fileName])),
  };
  return {
    locked: answersLocked(assessment.status),
    sections: questionnaire.sections
      .filter((section) => isVisible(section, answers))
      .map((section) => ({
        id: section.id,
        title: text(section.title),
        status: progress.get(section.id)?.status ?? "not-started",
        remaining: progress.get(section.id)?.remaining ?? 0,
        questions: section.questions
          .filter((question) => isVisible(question, answers))
          .map((question) => {
            const state = states.get(question.id);
            return {
              id: question.id,
              text: text(question.text),
              required: isRequired(question, answers),
              answered: isAnswered(question, answers),
              answer: displayAnswer(question, answers[question.id], context),
              changed: state?.answeredBy && state.answeredAt ? { by: state.answeredBy, at: state.answeredAt.toISOString() } : null,
            };
          }),
      })),
  };
}
