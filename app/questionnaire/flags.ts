import type { Answers } from "./answers";
import { evaluate } from "./conditions";
import type { LocalizedText } from "./localized";
import type { Severity } from "./schema";
import type { Questionnaire } from "./types";

export interface RaisedFlag {
  /** "<question id>#<flag id>", stable across versions while the flag keeps its id. */
  id: string;
  questionId: string;
  severity: Severity;
  knockout: boolean;
  text: LocalizedText;
}

/** The flags whose conditions hold, in questionnaire order. Flags of hidden questions never hold. */
export function evaluateFlags(questionnaire: Questionnaire, answers: Answers): RaisedFlag[] {
  return questionnaire.sections.flatMap((section) =>
    section.questions.flatMap((question) =>
      question.flags
        .filter((flag) => evaluate(flag.effectiveWhen, answers))
        .map(({ id, questionId, severity, knockout, text }) => ({ id, questionId, severity, knockout, text })),
    ),
  );
}
