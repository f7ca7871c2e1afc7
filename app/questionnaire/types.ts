import type { LocalizedText } from "./localized";
import type { Column, Condition, FlagDefinition, QuestionFile, QuestionnaireFile, SectionFileSchema } from "./schema";
import type * as z from "zod";

export type { Condition, LeafCondition, Column, Choice, Severity, QuestionType, ColumnType } from "./schema";
export type { LocalizedText } from "./localized";

/** Either always (true), never (false), or when the condition holds. */
export type Rule = boolean | Condition;

/**
 * The rules as they apply at run time: the section's visibility is folded in,
 * and every reference to another question holds only while that question is
 * itself visible, so a stale answer to a hidden question never counts.
 */
export interface EffectiveRules {
  visible: Rule;
  required: Rule;
  naAllowed: Rule;
}

export type Flag = FlagDefinition & {
  id: string;
  questionId: string;
  effectiveWhen: Condition;
};

/** A row reference knows the key column of the table it points at. */
export type RuntimeColumn =
  | Exclude<Column, { type: "rowref" }>
  | (Extract<Column, { type: "rowref" }> & { table_key: string });

type WithRuntime<Q> = Q extends { type: "table" }
  ? Omit<Q, "flags" | "columns"> & { sectionId: string; flags: Flag[]; effective: EffectiveRules; columns: RuntimeColumn[] }
  : Q extends unknown
    ? Omit<Q, "flags"> & { sectionId: string; flags: Flag[]; effective: EffectiveRules }
    : never;

/** One question, discriminated on `type`. */
export type Question = WithRuntime<QuestionFile>;
export type TableQuestion = Extract<Question, { type: "table" }>;

export type Section = Omit<z.infer<typeof SectionFileSchema>, "questions"> & {
  questions: Question[];
  effective: { visible: Rule };
};

export interface MissingTranslation {
  locale: string;
  /** A stable key built from ids, e.g. "s1.pinning.choice.none". */
  key: string;
  line: number;
}

export type Questionnaire = Omit<QuestionnaireFile, "sections"> & {
  sections: Section[];
  /** sha256 (hex) of the canonical JSON of the file's content. */
  hash: string;
  fileName: string;
  /** Keys without text in a declared locale; an error unless the locale is partial or the file a draft. */
  missingTranslations: MissingTranslation[];
};

export interface QuestionnaireError {
  file: string;
  /** Path inside the file, e.g. "sections[0].questions[2].visible_if.q". */
  path: string;
  line: number;
  message: string;
  code: QuestionnaireErrorCode;
}

export type QuestionnaireErrorCode =
  | "syntax"
  | "schema"
  | "duplicate-id"
  | "missing-english"
  | "unknown-locale"
  | "missing-translation"
  | "unknown-question"
  | "type-mismatch"
  | "forward-reference"
  | "cycle"
  | "unknown-reference"
  | "file-name"
  | "duplicate-version"
  | "changed-type";

