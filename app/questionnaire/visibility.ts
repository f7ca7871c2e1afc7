import { hasValue, isMarkedNotApplicable, type Answers } from "./answers";
import { holds } from "./conditions";
import type { Question, Section } from "./types";

/** Whether the question is shown, taking its section's visible_if into account. */
export function isVisible(question: Question | Section, answers: Answers): boolean {
  return holds(question.effective.visible, answers);
}

export function isRequired(question: Question, answers: Answers): boolean {
  return isVisible(question, answers) && holds(question.effective.required, answers);
}

export function naAllowed(question: Question, answers: Answers): boolean {
  return isVisible(question, answers) && holds(question.effective.naAllowed, answers);
}

/** Answered with a value, or marked not applicable with a reason where N/A is allowed. */
export function isAnswered(question: Question, answers: Answers): boolean {
  const answer = answers[question.id];
  if (!answer) return false;
  if (hasValue(answer.value)) return true;
  return isMarkedNotApplicable(answer) && naAllowed(question, answers);
}
