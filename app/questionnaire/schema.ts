import * as z from "zod";
import type { LocalizedText } from "./localized";

// DDQ-YAML v1: the file format of a questionnaire version, validated once when
// a file loads. Keys are snake_case as authors write them; the parsed types keep
// them, so a reader can go from a YAML key to a TypeScript field without a map.
// Semantic checks that need the whole file (ids, conditions, translations) live
// in parse.ts.

const idPattern = /^[a-z][a-z0-9_]*$/;
export const SectionIdSchema = z.string().regex(idPattern, "must be lower case: letters, digits and _");
export const QuestionIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'must be "<section id>.<name>" in lower case');
const ValueIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lower case: letters, digits, _ and -");
export const LocaleSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale such as "de" or "fr-CA"');

export const LocalizedTextSchema = z
  .strictObject({ en: z.string().min(1, "must not be empty") })
  .catchall(z.string().min(1, "must not be empty")) as unknown as z.ZodType<LocalizedText>;

export const severities = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

export const questionTypes = [
  "single",
  "multi",
  "bool",
  "country",
  "countries",
  "number",
  "date",
  "url",
  "text",
  "longtext",
  "file",
  "table",
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const columnTypes = [
  "single",
  "multi",
  "bool",
  "country",
  "countries",
  "number",
  "date",
  "url",
  "text",
  "rowref",
] as const;
export type ColumnType = (typeof columnTypes)[number];

export const comparisonOps = ["eq", "neq", "gt", "gte", "lt", "lte"] as const;
export const listOps = ["in", "nin", "includes_any", "includes_all"] as const;
export const presenceOps = ["answered", "not_answered"] as const;

type Scalar = string | number | boolean;
export type LeafCondition =
  | { q: string; column?: string; op: (typeof comparisonOps)[number]; value: Scalar }
  | { q: string; column?: string; op: "includes"; value: Scalar }
  | { q: string; column?: string; op: (typeof listOps)[number]; value: Scalar[] }
  | { q: string; column?: string; op: (typeof presenceOps)[number] };
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const LeafSchema = z.discriminatedUnion("op", [
  z.strictObject({ q: QuestionIdSchema, column: z.string().optional(), op: z.enum(comparisonOps), value: ScalarSchema }),
  z.strictObject({ q: QuestionIdSchema, column: z.string().optional(), op: z.literal("includes"), value: ScalarSchema }),
  z.strictObject({
    q: QuestionIdSchema,
    column: z.string().optional(),
    op: z.enum(listOps),
    value: z.array(ScalarSchema).min(1, "must list at least one value"),
  }),
  z.strictObject({ q: QuestionIdSchema, column: z.string().optional(), op: z.enum(presenceOps) }),
]);

// A plain z.union reports "Invalid input" for every branch; choosing the branch
// by its key gives the author the one message that applies.
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.unknown().transform((input, ctx) => {
    const schema =
      input && typeof input === "object" && !Array.isArray(input)
        ? "all" in input
          ? z.strictObject({ all: z.array(ConditionSchema).min(1, "must list at least one condition") })
          : "any" in input
            ? z.strictObject({ any: z.array(ConditionSchema).min(1, "must list at least one condition") })
            : "not" in input
              ? z.strictObject({ not: ConditionSchema })
              : LeafSchema
        : null;
    if (!schema) {
      ctx.addIssue({ code: "custom", message: "must be a condition: {all}, {any}, {not} or {q, op, value}" });
      return z.NEVER;
    }
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path as PropertyKey[] });
      }
      return z.NEVER;
    }
    return result.data as Condition;
  }),
);

const RiskPointsSchema = z.number().min(0, "must be 0 to 100").max(100, "must be 0 to 100");

export const ChoiceSchema = z.strictObject({
  value: ValueIdSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  risk: RiskPointsSchema.optional(),
  // Points when a multi question's choice is NOT ticked: a list of controls the
  // vendor has is risky for what it lacks. parse.ts checks where it may appear.
  missing_risk: RiskPointsSchema.optional(),
  exclusive: z.boolean().optional(),
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const FlagSchema = z.strictObject({
  id: ValueIdSchema.optional(),
  when: ConditionSchema,
  severity: z.enum(severities),
  knockout: z.boolean().default(false),
  text: LocalizedTextSchema,
});
export type FlagDefinition = z.infer<typeof FlagSchema>;

const columnBase = {
  id: z.string().regex(idPattern, "must be lower case: letters, digits and _"),
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean().default(false),
};
const choices = z.array(ChoiceSchema).min(2, "must offer at least two choices");
const numberFields = {
  unit: z.string().min(1),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
};

export const ColumnSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...columnBase, type: z.enum(["single", "multi"]), choices }),
  z.strictObject({ ...columnBase, type: z.enum(["country", "countries"]), subdivisions: z.boolean().default(false) }),
  z.strictObject({ ...columnBase, type: z.literal("number"), ...numberFields }),
  z.strictObject({ ...columnBase, type: z.enum(["bool", "date", "url"]) }),
  z.strictObject({ ...columnBase, type: z.literal("text"), max_length: z.number().int().positive().default(500) }),
  // A reference to a row of a table question (its key_column), e.g. the party
  // that operates a storage facility. Blank means "the vendor itself".
  z.strictObject({ ...columnBase, type: z.literal("rowref"), table: QuestionIdSchema }),
]);
export type Column = z.infer<typeof ColumnSchema>;

const questionBase = {
  id: QuestionIdSchema,
  text: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean().default(false),
  required_if: ConditionSchema.optional(),
  visible_if: ConditionSchema.optional(),
  na_allowed: z.boolean().default(false),
  na_allowed_if: ConditionSchema.optional(),
  weight: z.number().min(0).default(1),
  refs: z.array(z.string()).default([]),
  flags: z.array(FlagSchema).default([]),
  // The answer feeds the DataMap (app/datamap/derive.ts) and so the residency verdicts.
  residency: z.boolean().default(false),
  deprecated: z.boolean().optional(),
};

export const QuestionFileSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...questionBase, type: z.enum(["single", "multi"]), choices }),
  z.strictObject({
    ...questionBase,
    type: z.literal("bool"),
    risk: z.strictObject({ yes: RiskPointsSchema, no: RiskPointsSchema }).optional(),
  }),
  z.strictObject({ ...questionBase, type: z.enum(["country", "countries"]), subdivisions: z.boolean().default(false) }),
  z.strictObject({ ...questionBase, type: z.literal("number"), ...numberFields }),
  z.strictObject({ ...questionBase, type: z.enum(["date", "url"]) }),
  z.strictObject({ ...questionBase, type: z.literal("text"), max_length: z.number().int().positive().default(500) }),
  z.strictObject({ ...questionBase, type: z.literal("longtext"), max_length: z.number().int().positive().default(10000) }),
  z.strictObject({
    ...questionBase,
    type: z.literal("file"),
    accept: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
    max_files: z.number().int().positive().default(5),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal("table"),
    columns: z.array(ColumnSchema).min(1, "must have at least one column"),
    key_column: z.string().optional(),
    min_rows: z.number().int().min(0).default(0),
    max_rows: z.number().int().positive().optional(),
  }),
]);
export type QuestionFile = z.infer<typeof QuestionFileSchema>;

export const SectionFileSchema = z.strictObject({
  id: SectionIdSchema,
  title: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  weight: z.number().min(0).default(1),
  visible_if: ConditionSchema.optional(),
  questions: z.array(QuestionFileSchema).min(1, "must have at least one question"),
});

export const QuestionnaireFileSchema = z.strictObject({
  schema: z.literal("ddq/v1"),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower case: letters, digits and -"),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as "1.2.0"'),
  status: z.enum(["draft", "published", "retired"]),
  locales: z.array(LocaleSchema).min(1),
  // Locales still being translated: their missing keys are listed, never an error.
  partial_locales: z.array(LocaleSchema).default([]),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  sections: z.array(SectionFileSchema).min(1, "must have at least one section"),
});
export type QuestionnaireFile = z.infer<typeof QuestionnaireFileSchema>;
