import { and, desc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { scoreVersions, type ScoreVersionReason } from "#db/schema";
import { parseScoreSnapshot, type ScoreSnapshot } from "~/assessments/score-snapshot";
import type { DecisionOutcome, ScoreDiff, Tier } from "~/scoring";

// Frozen scores of an assessment (docs/decisions/011-report.md). Rows are only
// ever added: triggers refuse UPDATE and DELETE. The snapshot is parsed with
// its schema on the way out.

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
type Reader = Pick<DB, "select"> | Pick<Tx, "select">;

export interface ScoreVersionSummary {
  id: string;
  version: number;
  reason: ScoreVersionReason;
  createdBy: string;
  createdAt: Date;
  questionnaire: { id: string; version: string; hash: string };
  rulesVersion: string;
  methodVersion: string;
  asOf: string;
  decision: DecisionOutcome | null;
  tier: Tier | null;
}

export interface ScoreVersion extends ScoreVersionSummary {
  snapshot: ScoreSnapshot;
}

const summaryColumns = {
  id: scoreVersions.id,
  version: scoreVersions.version,
  reason: scoreVersions.reason,
  createdBy: scoreVersions.createdBy,
  createdAt: scoreVersions.createdAt,
  questionnaireId: scoreVersions.questionnaireId,
  questionnaireVersion: scoreVersions.questionnaireVersion,
  questionnaireHash: scoreVersions.questionnaireHash,
  rulesVersion: scoreVersions.rulesVersion,
  methodVersion: scoreVersions.methodVersion,
  asOf: scoreVersions.asOf,
  decision: scoreVersions.decision,
  tier: scoreVersions.tier,
};

type SummaryRow = Pick<typeof scoreVersions.$inferSelect, keyof typeof summaryColumns>;

function toSummary({ questionnaireId, questionnaireVersion, questionnaireHash, ...row }: SummaryRow): ScoreVersionSummary {
  return { ...row, questionnaire: { id: questionnaireId, version: questionnaireVersion, hash: questionnaireHash } };
}

/** An assessment's score versions, newest first, without their snapshots. */
export function listScoreVersions(db: Reader, organisationId: string, assessmentId: string): ScoreVersionSummary[] {
  return db
    .select(summaryColumns)
    .from(scoreVersions)
    .where(and(eq(scoreVersions.organisationId, organisationId), eq(scoreVersions.assessmentId, assessmentId)))
    .orderBy(desc(scoreVersions.version))
    .all()
    .map(toSummary);
}

/** The newest frozen score of an assessment with its snapshot, or null when it was never frozen. */
export function getNewestScoreVersion(db: Reader, organisationId: string, assessmentId: string): ScoreVersion | null {
  const row = db
    .select({ ...summaryColumns, snapshot: scoreVersions.snapshot })
    .from(scoreVersions)
    .where(and(eq(scoreVersions.organisationId, organisationId), eq(scoreVersions.assessmentId, assessmentId)))
    .orderBy(desc(scoreVersions.version))
    .limit(1)
    .get();
  if (!row) return null;
  const { snapshot, ...summary } = row;
  return { ...toSummary(summary), snapshot: parseScoreSnapshot(snapshot, `Score version ${row.version} of assessment ${assessmentId}`) };
}

/** One score version's snapshot by the version's id, or null when the organisation has no such version. */
export function getScoreVersionSnapshot(db: Reader, organisationId: string, versionId: string): ScoreSnapshot | null {
  const row = db
    .select({ version: scoreVersions.version, snapshot: scoreVersions.snapshot })
    .from(scoreVersions)
    .where(and(eq(scoreVersions.organisationId, organisationId), eq(scoreVersions.id, versionId)))
    .get();
  return row ? parseScoreSnapshot(row.snapshot, `Score version ${row.version} (${versionId})`) : null;
}

/** What changed from the version before, as recorded when `version` was made; null for the first. */
export function getScoreVersionChanges(db: Reader, organisationId: string, assessmentId: string, version: number): ScoreDiff | null {
  const row = db
    .select({ changes: scoreVersions.changes })
    .from(scoreVersions)
    .where(
      and(eq(scoreVersions.organisationId, organisationId), eq(scoreVersions.assessmentId, assessmentId), eq(scoreVersions.version, version)),
    )
    .get();
  // Written by this module from diffScores; read back as it was written.
  return (row?.changes as ScoreDiff | null | undefined) ?? null;
}

export interface NewScoreVersion {
  id: string;
  organisationId: string;
  assessmentId: string;
  version: number;
  reason: ScoreVersionReason;
  createdByUserId: string | null;
  createdBy: string;
  createdAt: Date;
  snapshot: ScoreSnapshot;
  changes: ScoreDiff | null;
}

export function insertScoreVersion(db: Pick<DB, "insert"> | Pick<Tx, "insert">, row: NewScoreVersion) {
  const { snapshot } = row;
  db.insert(scoreVersions)
    .values({
      ...row,
      questionnaireId: snapshot.questionnaire.id,
      questionnaireVersion: snapshot.questionnaire.version,
      questionnaireHash: snapshot.questionnaire.hash,
      rulesVersion: snapshot.score.rulesVersion,
      methodVersion: snapshot.score.methodVersion,
      asOf: snapshot.score.asOf,
      decision: snapshot.score.decision?.outcome ?? null,
      tier: snapshot.score.tier?.tier ?? null,
    })
    .run();
}
