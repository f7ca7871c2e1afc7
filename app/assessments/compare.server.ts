import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/database";
import { assessments, vendors } from "#db/schema";
import type { Organisation } from "~/models/organisations.server";
import { getPortfolioEntries } from "~/models/portfolio.server";
import { getNewestScoreVersion } from "~/models/score-versions.server";
import { buildComparison, type ComparedVendor, type ComparisonModel } from "~/portfolio/compare";
import { invariantResponse } from "~/utils/invariant";
import { liveScoreSnapshot } from "./score.server";
import { requireAssessmentWorkspace } from "./workspace.server";

export interface Comparison {
  model: ComparisonModel;
  /** The newest date among what is compared: the PDF's date, so the same data gives the same bytes. */
  issuedAt: string;
}

/**
 * Each vendor by the assessment its portfolio row is judged by (the last
 * finalised one with its frozen score, else the last submitted one), or its
 * latest assessment when none is; a live score is taken as of the
 * assessment's last change, never of the clock.
 */
export function loadComparison(db: DB, organisation: Organisation, vendorIds: string[]): Comparison {
  const found = db
    .select({ id: vendors.id, name: vendors.name, service: vendors.service, country: vendors.country })
    .from(vendors)
    .where(and(eq(vendors.organisationId, organisation.id), inArray(vendors.id, vendorIds)))
    .all();
  const byId = new Map(found.map((v) => [v.id, v]));
  for (const id of vendorIds) invariantResponse(byId.has(id), `Parameter "vendor": ${id} is not one of your vendors`, { status: 404 });
  const entries = getPortfolioEntries(db, organisation.id, vendorIds);
  let issuedAt = 0;
  const compared: ComparedVendor[] = vendorIds.map((id) => {
    const vendor = byId.get(id)!;
    const entry = entries.get(id);
    const assessmentId = entry?.basisAssessmentId ?? entry?.latestAssessmentId;
    invariantResponse(assessmentId, `Parameter "vendor": ${vendor.name} has no assessment to compare yet`, { status: 422 });
    const assessment = db
      .select({ id: assessments.id, status: assessments.status, createdAt: assessments.createdAt, updatedAt: assessments.updatedAt, finalisedAt: assessments.finalisedAt })
      .from(assessments)
      .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisation.id)))
      .get()!;
    const frozen = assessment.status === "finalised" ? getNewestScoreVersion(db, organisation.id, assessment.id) : null;
    const at = frozen?.createdAt ?? assessment.updatedAt;
    const snapshot = frozen?.snapshot ?? liveScoreSnapshot(db, organisation, requireAssessmentWorkspace(db, organisation.id, assessment.id), at);
    issuedAt = Math.max(issuedAt, at.getTime());
    const isBasis = entry?.basisAssessmentId === assessment.id;
    const decision: ComparedVendor["decision"] =
      isBasis && entry?.decisionSource === "sign-off"
        ? { outcome: entry.decision, source: "sign-off" }
        : { outcome: snapshot.score.decision?.outcome ?? null, source: "recommended" };
    return {
      vendorId: id,
      name: vendor.name,
      service: vendor.service,
      country: vendor.country,
      assessment: {
        id: assessment.id,
        status: assessment.status,
        createdAt: assessment.createdAt.toISOString(),
        finalisedAt: assessment.finalisedAt?.toISOString() ?? null,
        basis: frozen ? "frozen" : "live",
      },
      decision,
      nextReviewOn: entry?.nextReviewOn ?? null,
      score: snapshot.score,
      residency: snapshot.residency,
    };
  });
  return { model: buildComparison(compared), issuedAt: new Date(issuedAt).toISOString() };
}
