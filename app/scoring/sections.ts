import { hasValue, isMarkedNotApplicable, type Answers } from "~/questionnaire/answers";
import { text } from "~/questionnaire/localized";
import type { Questionnaire } from "~/questionnaire/types";
import { isAnswered, isRequired, isVisible, naAllowed } from "~/questionnaire/visibility";
import { isScorable, rateAnswer, rateNothingTicked } from "./answers";
import { allocate, toPoints, worths } from "./points";
import type { Completeness, ControlScore, ExcludedQuestion, QuestionContribution, SectionScore } from "./types";

type Line = Omit<QuestionContribution, "worth" | "pointsLost" | "points">;
interface Draft {
  sectionId: string;
  title: string;
  weight: number;
  lines: Line[];
  excluded: ExcludedQuestion[];
}

export interface SectionsOutcome {
  sections: SectionScore[];
  control: ControlScore;
  completeness: Completeness;
}

const FULL_RISK = 100;

function collect(questionnaire: Questionnaire, answers: Answers): { drafts: Draft[]; completeness: Completeness } {
  const completeness: Completeness = { required: 0, requiredAnswered: 0, unansweredRequired: [], scorable: 0, scorableAnswered: 0 };
  const drafts: Draft[] = [];
  for (const section of questionnaire.sections) {
    if (!isVisible(section, answers)) continue;
    const draft: Draft = { sectionId: section.id, title: text(section.title), weight: section.weight, lines: [], excluded: [] };
    drafts.push(draft);
    for (const question of section.questions) {
      if (!isVisible(question, answers)) continue;
      const required = isRequired(question, answers);
      if (required) {
        completeness.required++;
        if (isAnswered(question, answers)) completeness.requiredAnswered++;
        else completeness.unansweredRequired.push(question.id);
      }
      if (!isScorable(question)) continue;
      completeness.scorable++;
      const answer = answers[question.id];
      const base = { questionId: question.id, text: text(question.text), weight: question.weight };
      if (isMarkedNotApplicable(answer) && naAllowed(question, answers)) {
        completeness.scorableAnswered++;
        draft.excluded.push({ questionId: question.id, weight: question.weight, reason: "not-applicable" });
        continue;
      }
      const given = answer !== undefined && hasValue(answer.value);
      const rated = given ? rateAnswer(question, answer.value!) : null;
      const blankControls = given ? null : rateNothingTicked(question);
      if (rated) {
        completeness.scorableAnswered++;
        draft.lines.push({ ...base, status: "answered", ...rated });
      } else if (required) {
        const why = given ? "The answer names no choice of this question" : "Unanswered required question";
        draft.lines.push({ ...base, status: "unanswered", risk: FULL_RISK, answer: `${why}: counted as full risk`, riskFrom: null });
      } else if (blankControls) {
        draft.lines.push({ ...base, status: "unanswered", ...blankControls });
      } else {
        draft.excluded.push({ questionId: question.id, weight: question.weight, reason: "optional-unanswered" });
      }
    }
  }
  return { drafts, completeness };
}

function scoreDraft(draft: Draft): { section: SectionScore; tenths: number | null } {
  const { lines, ...rest } = draft;
  const totalWeight = lines.reduce((sum, l) => sum + l.weight, 0);
  if (lines.length === 0 || totalWeight <= 0) {
    const reason =
      draft.excluded.length > 0
        ? "Every scorable question in this section is marked not applicable or is optional and unanswered."
        : "No visible question in this section carries risk points.";
    return { section: { ...rest, score: null, notScoredReason: reason, totalWeight, contributions: [] }, tenths: null };
  }
  const worth = worths(lines.map((l) => l.weight));
  const lost = allocate(lines.map((l, i) => ((worth[i] ?? 0) * l.risk) / 100));
  const tenths = 1000 - lost.reduce((sum, l) => sum + l, 0);
  const contributions = lines.map((line, i) => ({
    ...line,
    worth: toPoints(worth[i] ?? 0),
    pointsLost: toPoints(lost[i] ?? 0),
    points: toPoints((worth[i] ?? 0) - (lost[i] ?? 0)),
  }));
  return { section: { ...rest, score: toPoints(tenths), notScoredReason: null, totalWeight, contributions }, tenths };
}

export function scoreSections(questionnaire: Questionnaire, answers: Answers): SectionsOutcome {
  const { drafts, completeness } = collect(questionnaire, answers);
  if (completeness.scorableAnswered === 0) {
    const sections = drafts.map(({ lines: _lines, ...rest }) => ({
      ...rest,
      score: null,
      notScoredReason: "No scorable question has been answered yet.",
      totalWeight: 0,
      contributions: [],
    }));
    return { sections, control: { score: null, totalWeight: 0, breakdown: [] }, completeness };
  }

  const scored = drafts.map(scoreDraft);
  const counted = scored.filter((s): s is { section: SectionScore; tenths: number } => s.tenths !== null && s.section.weight > 0);
  const totalWeight = counted.reduce((sum, s) => sum + s.section.weight, 0);
  if (counted.length === 0) {
    return { sections: scored.map((s) => s.section), control: { score: null, totalWeight: 0, breakdown: [] }, completeness };
  }
  const worth = worths(counted.map((s) => s.section.weight));
  const lost = allocate(counted.map((s, i) => ((worth[i] ?? 0) * (1000 - s.tenths)) / 1000));
  const breakdown = counted.map(({ section, tenths }, i) => ({
    sectionId: section.sectionId,
    title: section.title,
    weight: section.weight,
    sectionScore: toPoints(tenths),
    worth: toPoints(worth[i] ?? 0),
    pointsLost: toPoints(lost[i] ?? 0),
    points: toPoints((worth[i] ?? 0) - (lost[i] ?? 0)),
  }));
  const score = toPoints(1000 - lost.reduce((sum, l) => sum + l, 0));
  return { sections: scored.map((s) => s.section), control: { score, totalWeight, breakdown }, completeness };
}
