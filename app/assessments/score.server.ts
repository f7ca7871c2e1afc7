import { and, asc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { assessments, evidenceFiles, organisations, type ScoreVersionReason } from "#db/schema";
import type { Category, Scope } from "~/datamap/schema";
import { recordEvent } from "~/models/events.server";
import { listAnswers } from "~/models/assessments.server";
import type { Organisation } from "~/models/organisations.server";
import { listPolicyRules } from "~/models/policy-rules.server";
import { getNewestScoreVersion, insertScoreVersion, listScoreVersions, getScoreVersionChanges, type ScoreVersionSummary } from "~/models/score-versions.server";
import { evaluatePolicy } from "~/policy";
import { hasValue } from "~/questionnaire";
import { catalogueInfoFor } from "~/report/catalogue";
import { assessDataMap, rulesVersion as currentRulesVersion } from "~/residency";
import { diffScores, METHOD_VERSION, scoreAssessment, type ScoreDiff } from "~/scoring";
import { verifyNotesByFlow } from "./flow-verify";
import { deriveAssessmentDataMap } from "./residency.server";
import { SNAPSHOT_FORMAT, type ScoreSnapshot } from "./score-snapshot";
import { requireAssessmentWorkspace, type AssessmentWorkspace } from "./workspace.server";

// Scoring an assessment in the app, and freezing a score (docs/decisions/011):
// a snapshot holds every input of the report, so a finalised assessment's
// report is rebuilt from it byte for byte whatever the catalogue, the policy or
// the answers do later. Re-scoring under newer rules is an explicit new version.

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export interface ScoreActor {
  userId: string | null;
  name: string;
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

function workspaceScope(workspace: AssessmentWorkspace): Scope {
  const { scope } = workspace.assessment;
  return {
    subjects: scope.subjects,
    categories: scope.categories as Category[],
    sector: scope.sector,
    ...(scope.subjectsCount != null ? { subjectsCount: scope.subjectsCount } : {}),
  };
}

/**
 * The live inputs of a score: the DataMap derived from the answers and the
 * scope, its flows and the organisation's policy findings, as they stand now.
 * The report, the sign-off's recommendation and the portfolio all start here.
 */
export function judgeWorkspace(db: DB, organisation: Organisation, workspace: AssessmentWorkspace) {
  const scope = workspaceScope(workspace);
  const answered = Object.values(workspace.answers).some((a) => hasValue(a.value) || (a.naReason ?? "") !== "");
  const derived = scope.subjects.length > 0 && answered ? deriveAssessmentDataMap(workspace) : null;
  const residency = derived ? assessDataMap(derived.dataMap) : { rulesVersion: currentRulesVersion, flows: [], flags: [] };
  const policyFindings = derived ? evaluatePolicy(listPolicyRules(db, organisation.id), derived.dataMap) : [];
  const partyNames = Object.fromEntries((derived?.dataMap.parties ?? []).map((party) => [party.id, party.name]));
  return { scope, derived, residency, policyFindings, partyNames };
}

/** The score the answers give today, before anything is frozen. */
export function scoreLive(db: DB, organisation: Organisation, workspace: AssessmentWorkspace, at = new Date()) {
  const judged = judgeWorkspace(db, organisation, workspace);
  const { questionnaire, answers } = workspace;
  const { scope, residency, policyFindings, partyNames } = judged;
  return { judged, score: scoreAssessment({ questionnaire, answers, scope, residency, policyFindings, partyNames, asOf: isoDay(at) }) };
}

/**
 * Everything the report needs, computed from the answers, the scope, the
 * catalogue and the organisation's policy as they stand at `at`.
 */
export function liveScoreSnapshot(db: DB, organisation: Organisation, workspace: AssessmentWorkspace, at = new Date()): ScoreSnapshot {
  const { assessment, questionnaire } = workspace;
  const { judged, score } = scoreLive(db, organisation, workspace, at);
  const { scope, residency, policyFindings } = judged;
  const dataMap = judged.derived;
  const stored = listAnswers(db, assessment.id);
  const files = db
    .select({
      questionId: evidenceFiles.questionId,
      fileName: evidenceFiles.fileName,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      uploadedBy: evidenceFiles.uploadedBy,
      createdAt: evidenceFiles.createdAt,
      purgedAt: evidenceFiles.purgedAt,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organisationId, organisation.id), eq(evidenceFiles.assessmentId, assessment.id)))
    .orderBy(asc(evidenceFiles.createdAt), asc(evidenceFiles.id))
    .all();
  return {
    format: SNAPSHOT_FORMAT,
    issuedAt: at.toISOString(),
    buyer: { name: organisation.name },
    vendor: { name: assessment.vendor.name, service: assessment.vendor.service, country: assessment.vendor.country },
    assessment: {
      id: assessment.id,
      createdAt: assessment.createdAt.toISOString(),
      submittedAt: assessment.submittedAt?.toISOString() ?? null,
    },
    questionnaire: { id: questionnaire.id, version: questionnaire.version, hash: questionnaire.hash },
    scope,
    answers: Object.fromEntries(
      stored.map((a) => [a.questionId, { value: a.value, naReason: a.naReason, answeredBy: a.answeredBy, answeredAt: a.answeredAt.toISOString() }]),
    ),
    evidenceFiles: files.map((f) => ({
      questionId: f.questionId,
      fileName: f.fileName,
      size: f.size,
      sha256: f.sha256,
      uploadedBy: f.uploadedBy,
      uploadedAt: f.createdAt.toISOString(),
      purged: f.purgedAt !== null,
    })),
    dataMap: dataMap?.dataMap ?? null,
    derivationNotes: dataMap?.notes ?? [],
    residency,
    verifyNotes: dataMap ? verifyNotesByFlow(dataMap.dataMap, residency.flows) : [],
    policyFindings,
    score,
    catalogue: catalogueInfoFor(scope.subjects),
  };
}

export interface FrozenScore {
  version: number;
  /** What changed from the version before; null for the first. */
  changes: ScoreDiff | null;
}

/** Writes one score version and its event inside the caller's transaction. */
function writeScoreVersion(
  tx: Tx,
  input: { organisationId: string; assessmentId: string; snapshot: ScoreSnapshot; reason: ScoreVersionReason; actor: ScoreActor; at: Date },
): FrozenScore {
  const { organisationId, assessmentId, snapshot, reason, actor, at } = input;
  const previous = getNewestScoreVersion(tx, organisationId, assessmentId);
  const version = (previous?.version ?? 0) + 1;
  const changes = previous ? diffScores(previous.snapshot.score, snapshot.score) : null;
  insertScoreVersion(tx, {
    id: newId(),
    organisationId,
    assessmentId,
    version,
    reason,
    createdByUserId: actor.userId,
    createdBy: actor.name,
    createdAt: at,
    snapshot,
    changes,
  });
  recordEvent(
    tx,
    {
      organisationId,
      assessmentId,
      actorUserId: actor.userId,
      actor: actor.name,
      type: "assessment.score-frozen",
      payload: {
        version,
        reason,
        decision: snapshot.score.decision?.outcome ?? null,
        tier: snapshot.score.tier?.tier ?? null,
        rulesVersion: snapshot.score.rulesVersion,
        methodVersion: snapshot.score.methodVersion,
        questionnaire: `${snapshot.questionnaire.id}@${snapshot.questionnaire.version}`,
        changed: changes?.changed ?? null,
      },
    },
    at,
  );
  return { version, changes };
}

/**
 * Freezes the assessment's score as it stands now, as its next score version,
 * with an "assessment.score-frozen" event. The legal reviewer's sign-off calls it;
 * called inside the caller's transaction on the same connection it becomes a
 * savepoint of it. Who may finalise or re-score is the caller's to check.
 */
export function freezeAssessmentScore(
  db: DB,
  assessmentId: string,
  options: { reason: ScoreVersionReason; actor: ScoreActor; at?: Date },
): FrozenScore {
  const at = options.at ?? new Date();
  const owner = db
    .select({ id: organisations.id, name: organisations.name })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
    .where(eq(assessments.id, assessmentId))
    .get();
  if (!owner) throw new Error(`No assessment ${assessmentId} to freeze the score of.`);
  const snapshot = liveScoreSnapshot(db, owner, requireAssessmentWorkspace(db, owner.id, assessmentId), at);
  return db.transaction((tx) =>
    writeScoreVersion(tx, { organisationId: owner.id, assessmentId, snapshot, reason: options.reason, actor: options.actor, at }),
  );
}

const finalisable = ["submitted", "in-review"] as const;

function refuse(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Scores a finalised assessment again under the rules, method and policy of today, as a new version. */
export function rescoreAssessment(db: DB, organisation: Organisation, assessmentId: string, actor: ScoreActor, at = new Date()): FrozenScore {
  const workspace = requireAssessmentWorkspace(db, organisation.id, assessmentId);
  if (workspace.assessment.status !== "finalised") throw refuse("Only a finalised assessment is re-scored; until then its score is live.", 409);
  const snapshot = liveScoreSnapshot(db, organisation, workspace, at);
  return db.transaction((tx) => writeScoreVersion(tx, { organisationId: organisation.id, assessmentId, snapshot, reason: "re-scored", actor, at }));
}

export interface AssessmentScoring {
  versions: ScoreVersionSummary[];
  /** The newest version's changes from the one before. */
  latestChanges: { from: number; to: number; diff: ScoreDiff } | null;
  canFinalise: boolean;
  canRescore: boolean;
  /** The rules and method a re-score would use today. */
  current: { rulesVersion: string; methodVersion: string };
}

/** The score versions of an assessment, for its page. */
export function getAssessmentScoring(db: DB, organisationId: string, workspace: AssessmentWorkspace): AssessmentScoring {
  const { assessment } = workspace;
  const versions = listScoreVersions(db, organisationId, assessment.id);
  const newest = versions[0];
  const diff = newest && newest.version > 1 ? getScoreVersionChanges(db, organisationId, assessment.id, newest.version) : null;
  return {
    versions,
    latestChanges: newest && diff ? { from: newest.version - 1, to: newest.version, diff } : null,
    canFinalise: (finalisable as readonly string[]).includes(assessment.status),
    canRescore: assessment.status === "finalised",
    current: { rulesVersion: currentRulesVersion, methodVersion: METHOD_VERSION },
  };
}
