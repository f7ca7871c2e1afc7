// The questionnaire format and its pure operations. File IO lives in registry.server.ts.
export * from "./answers";
export { evaluate, holds, referencedQuestions } from "./conditions";
export { controlCatalogue, controlFamilies, getControlReference, type ControlReference } from "./controls";
export { evaluateFlags, type RaisedFlag } from "./flags";
export { canonicalJson, sha256Hex } from "./hash";
export { parseAnswerInput, readSectionForm, type AnswerInputResult, type FormFieldError, type RawAnswer, type SectionFormResult } from "./input";
export { text } from "./localized";
export { parseQuestionnaire, type ParseResult } from "./parse";
export { sectionProgress, type Progress, type ProgressStatus, type SectionProgress } from "./progress";
export { checkRegion } from "./regions";
export { QuestionnaireFileSchema, ConditionSchema } from "./schema";
export type * from "./types";
export { isAnswered, isRequired, isVisible, naAllowed } from "./visibility";
export { checkQuestionnaireSet, compareVersions, formatCheckReport } from "./check";
