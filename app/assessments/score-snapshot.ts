import * as z from "zod";
import { DataMapSchema, ScopeSchema } from "~/datamap/schema";
import type { PolicyFinding } from "~/policy/types";
import type { AssessmentReportInput } from "~/report";
import type { AssessResult } from "~/residency/types";
import type { ScoreResult } from "~/scoring";

// What a score version freezes: every input its report is built from, except
// the questionnaire, which its pin (id, version, content hash) identifies
// exactly. Read back through one schema (the boundary of the stored JSON).

export const SNAPSHOT_FORMAT = 1;

export type ScoreSnapshot = Omit<AssessmentReportInput, "questionnaire" | "version"> & {
  format: typeof SNAPSHOT_FORMAT;
  questionnaire: { id: string; version: string; hash: string };
};

const verdict = z.enum(["permitted", "permitted-with-safeguard", "non-compliant", "prohibited"]);
const use = z.enum(["storage", "backup", "access", "processing"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "must be an ISO 8601 date");

const FlowSchema = z.object({
  subject: z.string(),
  party: z.string(),
  region: z.string(),
  use,
  verdict,
  basis: z.string(),
  citations: z.array(z.string()),
  obligations: z.array(z.string()),
});

const AssessResultSchema = z.object({
  rulesVersion: z.string(),
  flows: z.array(FlowSchema),
  flags: z.array(z.object({ severity: z.enum(["info", "low", "medium", "high"]), text: z.string(), citations: z.array(z.string()) })),
});

const PolicyFindingSchema = z.object({
  ruleId: z.string(),
  ruleText: z.string(),
  severity: z.enum(["low", "medium", "high", "critical"]),
  subject: z.string(),
  party: z.string(),
  region: z.string(),
  use,
  text: z.string(),
});

// ScoreResult is scoring's own plain JSON, rendered as it is: the schema checks
// the parts a report and a diff rely on and keeps the rest untouched.
const ScoreResultSchema = z.looseObject({
  methodVersion: z.string(),
  status: z.enum(["scored", "not-scored"]),
  asOf: isoDate,
  questionnaire: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  rulesVersion: z.string(),
  findings: z.array(z.looseObject({ id: z.string(), severity: z.string(), source: z.string(), title: z.string() })),
  sections: z.array(z.looseObject({ sectionId: z.string(), title: z.string(), score: z.number().nullable() })),
  control: z.looseObject({ score: z.number().nullable() }),
  residency: z.looseObject({ score: z.number().nullable(), flowCount: z.number() }),
  inherent: z.looseObject({ score: z.number() }),
});

export const ScoreSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  issuedAt: isoDate,
  buyer: z.object({ name: z.string() }),
  vendor: z.object({ name: z.string(), service: z.string(), country: z.string().nullable() }),
  assessment: z.object({ id: z.string(), createdAt: isoDate, submittedAt: isoDate.nullable() }),
  questionnaire: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  scope: ScopeSchema.extend({ subjects: z.array(z.string()) }),
  answers: z.record(
    z.string(),
    z.object({ value: z.unknown(), naReason: z.string().nullable(), answeredBy: z.string().optional(), answeredAt: isoDate.optional() }),
  ),
  evidenceFiles: z.array(
    z.object({
      questionId: z.string(),
      fileName: z.string(),
      size: z.number(),
      sha256: z.string(),
      uploadedBy: z.string(),
      uploadedAt: isoDate,
      purged: z.boolean(),
    }),
  ),
  dataMap: DataMapSchema.nullable(),
  derivationNotes: z.array(z.string()),
  residency: AssessResultSchema,
  verifyNotes: z.array(z.array(z.string())),
  policyFindings: z.array(PolicyFindingSchema),
  score: ScoreResultSchema,
  catalogue: z.object({
    rulesVersion: z.string(),
    jurisdictions: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        reviewed: z.string(),
        regulator: z.object({ name: z.string(), url: z.string() }),
        sources: z.array(z.object({ url: z.string(), date: z.string(), secondary: z.literal(true).optional(), note: z.string().optional() })),
      }),
    ),
  }),
});

/** A stored snapshot, checked; throws naming the version when it does not parse. */
export function parseScoreSnapshot(value: unknown, what: string): ScoreSnapshot {
  const parsed = ScoreSnapshotSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${what} has an unreadable snapshot: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const data = parsed.data;
  return {
    ...data,
    residency: data.residency as AssessResult,
    policyFindings: data.policyFindings as PolicyFinding[],
    score: data.score as unknown as ScoreResult,
  } as ScoreSnapshot;
}
