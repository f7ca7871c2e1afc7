import * as z from "zod";
import { categories, locationUses, RegionSchema, type Category, type LocationUse, type Region } from "~/datamap/schema";
import type { PolicySeverity } from "./types";

// The buyer's residency policy: typed rules over the DataMap, stored as JSON and
// parsed here at every boundary (the /policy form, the database, the seed).

export const policySeverities = ["low", "medium", "high", "critical"] as const satisfies readonly PolicySeverity[];

/** Region sets a rule can name; "subject-country" is the country of each data subject region. */
export const namedRegionSets = ["eea", "eu", "subject-country"] as const;
export type NamedRegionSet = (typeof namedRegionSets)[number];

/** A union of named sets and single regions, e.g. the EEA plus "GB". */
export interface RegionSetSpec {
  sets: NamedRegionSet[];
  regions: Region[];
}

export const policyRuleKinds = ["uses-within", "access-within", "category-in-country", "parties-established-in"] as const;
export type PolicyRuleKind = (typeof policyRuleKinds)[number];

export type PolicyRuleDefinition =
  /** Data of these subjects is used (stored, backed up, accessed, processed) only inside `allowed`. */
  | { kind: "uses-within"; subjects: RegionSetSpec | null; uses: LocationUse[]; allowed: RegionSetSpec }
  /** Remote access (support, operations, key administration) only from inside `allowed`. */
  | { kind: "access-within"; subjects: RegionSetSpec | null; allowed: RegionSetSpec }
  /** When the scope holds `category`, every use stays in the subject's own country. */
  | { kind: "category-in-country"; subjects: RegionSetSpec | null; category: Category }
  /** Every party that handles the data is established inside `allowed`. */
  | { kind: "parties-established-in"; subjects: RegionSetSpec | null; allowed: RegionSetSpec };

export interface PolicyRule {
  id: string;
  /** The rule as the buyer wrote it: "EU customers' data stays in the EEA". */
  name: string;
  severity: PolicySeverity;
  enabled: boolean;
  definition: PolicyRuleDefinition;
}

const RegionSetSpecSchema = z
  .object({
    sets: z.array(z.enum(namedRegionSets)),
    regions: z.array(RegionSchema),
  })
  .refine((spec) => spec.sets.length + spec.regions.length > 0, { message: "must name at least one region set or region" });

// The subject's own country is no filter: every subject is in it.
const SubjectsSchema = RegionSetSpecSchema.refine((spec) => !spec.sets.includes("subject-country"), {
  message: "cannot be the subject's own country",
}).nullable();

export const PolicyRuleDefinitionSchema: z.ZodType<PolicyRuleDefinition> = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("uses-within"),
    subjects: SubjectsSchema,
    uses: z.array(z.enum(locationUses)).min(1, "must name at least one use"),
    allowed: RegionSetSpecSchema,
  }),
  z.object({ kind: z.literal("access-within"), subjects: SubjectsSchema, allowed: RegionSetSpecSchema }),
  z.object({ kind: z.literal("category-in-country"), subjects: SubjectsSchema, category: z.enum(categories) }),
  z.object({ kind: z.literal("parties-established-in"), subjects: SubjectsSchema, allowed: RegionSetSpecSchema }),
]);

export const PolicyRuleSchema: z.ZodType<PolicyRule> = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
  severity: z.enum(policySeverities),
  enabled: z.boolean(),
  definition: PolicyRuleDefinitionSchema,
});
