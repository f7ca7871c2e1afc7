import type { DB } from "#db/database";
import { displayAnswer, type DisplayAnswer } from "~/answering/display";
import { describeEvents } from "~/audit/describe";
import { listAnswerHistory } from "~/models/audit-trail.server";
import { listEvidence } from "~/models/evidence.server";
import { isVisible, text, type Question } from "~/questionnaire";
import { invariantResponse } from "~/utils/invariant";
import type { AssessmentWorkspace } from "./workspace.server";

export interface QuestionDetail {
  id: string;
  text: string;
  help: string | null;
  type: Question["type"];
  section: { id: string; title: string };
  /** Whether the question applies, given the other answers. */
  applies: boolean;
  answer: DisplayAnswer;
  files: { id: string; name: string; size: number; purgedAt: string | null; uploadedBy: string; uploadedAt: string }[];
}

/** One question of the assessment's pinned questionnaire with its answer and files; a 404 for an id it does not have. */
export function loadQuestion(db: DB, workspace: AssessmentWorkspace, questionId: string): QuestionDetail {
  const { questionnaire, answers, assessment } = workspace;
  const section = questionnaire.sections.find((s) => s.questions.some((q) => q.id === questionId));
  const question = section?.questions.find((q) => q.id === questionId);
  invariantResponse(section && question, "Question not found", { status: 404 });
  const evidence = listEvidence(db, assessment.id);
  const fileNames = Object.fromEntries(evidence.map((f) => [f.id, f.fileName]));
  return {
    id: question.id,
    text: text(question.text),
    help: question.help ? text(question.help) : null,
    type: question.type,
    section: { id: section.id, title: text(section.title) },
    applies: isVisible(section, answers) && isVisible(question, answers),
    answer: displayAnswer(question, answers[question.id], { answers, vendorLabel: `${assessment.vendor.name} (the vendor)`, fileNames }),
    files: evidence
      .filter((f) => f.questionId === question.id)
      .map((f) => ({
        id: f.id,
        name: f.fileName,
        size: f.size,
        purgedAt: f.purgedAt?.toISOString() ?? null,
        uploadedBy: f.uploadedBy,
        uploadedAt: f.createdAt.toISOString(),
      })),
  };
}

/** Who changed the answer when, from what to what, oldest first. */
export function loadAnswerChanges(db: DB, organisationId: string, workspace: AssessmentWorkspace, questionId: string) {
  const rows = listAnswerHistory(db, organisationId, workspace.assessment.id, questionId);
  const fileNames = Object.fromEntries(listEvidence(db, workspace.assessment.id).map((f) => [f.id, f.fileName]));
  const words = describeEvents(rows, workspace.questionnaire, fileNames);
  return rows.map((row, i) => ({ actor: row.actor, at: new Date(row.createdAt).toISOString(), change: words[i]?.change ?? null }));
}
