import { and, desc, eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { riskAcceptances, signOffs, type SignOffDecision } from "#db/schema";
import { recordEvent } from "./events.server";
import { applyTransition, eventActor, type Actor } from "./workflow.server";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export interface SignOffInput {
  organisationId: string;
  assessmentId: string;
  decision: SignOffDecision;
  conditions: string | null;
  note: string | null;
  recommended: SignOffDecision | null;
  reviewer: Actor & { kind: "user" };
}

/**
 * The legal reviewer's sign-off: the step to "finalised" and the decision,
 * conditions and reviewer, in one transaction. `inTransaction` runs last,
 * inside it, for what must stand or fall with the sign-off (freezing the score).
 */
export function signOffAssessment(db: DB, input: SignOffInput, inTransaction: (tx: Tx) => void = () => {}, now = new Date()): string {
  const { organisationId, assessmentId, decision, conditions, note, recommended, reviewer } = input;
  return db.transaction((tx) => {
    const id = newId();
    applyTransition(
      tx,
      {
        organisationId,
        assessmentId,
        action: "finalise",
        actor: reviewer,
        payload: { signOffId: id, decision, conditions, note, recommended },
      },
      now,
    );
    tx.insert(signOffs)
      .values({
        id,
        organisationId,
        assessmentId,
        decision,
        conditions,
        note,
        recommendedDecision: recommended,
        reviewerUserId: reviewer.userId,
        reviewerName: reviewer.name,
        createdAt: now,
      })
      .run();
    inTransaction(tx);
    return id;
  });
}

export interface SignOffRow {
  decision: SignOffDecision;
  conditions: string | null;
  note: string | null;
  recommendedDecision: SignOffDecision | null;
  reviewerName: string;
  createdAt: Date;
}

/** The latest sign-off of an assessment of the organisation, or null. */
export function getLatestSignOff(db: DB, organisationId: string, assessmentId: string): SignOffRow | null {
  return (
    db
      .select({
        decision: signOffs.decision,
        conditions: signOffs.conditions,
        note: signOffs.note,
        recommendedDecision: signOffs.recommendedDecision,
        reviewerName: signOffs.reviewerName,
        createdAt: signOffs.createdAt,
      })
      .from(signOffs)
      .where(and(eq(signOffs.organisationId, organisationId), eq(signOffs.assessmentId, assessmentId)))
      .orderBy(desc(signOffs.createdAt))
      .get() ?? null
  );
}

export interface RiskAcceptanceInput {
  organisationId: string;
  assessmentId: string;
  finding: { id: string; title: string; severity: string };
  reason: string;
  acceptedUntil: string;
  actor: Actor & { kind: "user" };
}

/** Records that the buyer accepts one finding's risk, why, and until which day. */
export function acceptRisk(db: DB, input: RiskAcceptanceInput, now = new Date()): string {
  const { organisationId, assessmentId, finding, reason, acceptedUntil, actor } = input;
  const id = newId();
  db.transaction((tx) => {
    tx.insert(riskAcceptances)
      .values({
        id,
        organisationId,
        assessmentId,
        findingId: finding.id,
        findingTitle: finding.title,
        findingSeverity: finding.severity,
        reason,
        acceptedUntil,
        acceptedByUserId: actor.userId,
        acceptedBy: actor.name,
        createdAt: now,
      })
      .run();
    recordEvent(
      tx,
      {
        organisationId,
        assessmentId,
        ...eventActor(actor),
        type: "risk.accepted",
        payload: { acceptanceId: id, findingId: finding.id, findingTitle: finding.title, severity: finding.severity, reason, acceptedUntil },
      },
      now,
    );
  });
  return id;
}

export interface RiskAcceptanceRow {
  findingId: string;
  findingTitle: string;
  findingSeverity: string;
  reason: string;
  acceptedUntil: string;
  acceptedBy: string;
  createdAt: Date;
}

export function listRiskAcceptances(db: DB, organisationId: string, assessmentId: string): RiskAcceptanceRow[] {
  return db
    .select({
      findingId: riskAcceptances.findingId,
      findingTitle: riskAcceptances.findingTitle,
      findingSeverity: riskAcceptances.findingSeverity,
      reason: riskAcceptances.reason,
      acceptedUntil: riskAcceptances.acceptedUntil,
      acceptedBy: riskAcceptances.acceptedBy,
      createdAt: riskAcceptances.createdAt,
    })
    .from(riskAcceptances)
    .where(and(eq(riskAcceptances.organisationId, organisationId), eq(riskAcceptances.assessmentId, assessmentId)))
    .orderBy(desc(riskAcceptances.createdAt))
    .all();
}
