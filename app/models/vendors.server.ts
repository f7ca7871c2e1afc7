import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DB } from "#db/database";
import { assessments, vendors, type AssessmentStatus, type VendorTier } from "#db/schema";

export interface VendorSummary {
  id: string;
  name: string;
  service: string;
  country: string | null;
  tier: VendorTier | null;
  latestAssessment: { id: string; status: AssessmentStatus; updatedAt: Date } | null;
  lastUpdate: Date;
}

/** Every vendor of the organisation with its most recent assessment, newest activity first. */
export function listVendorSummaries(db: DB, organisationId: string): VendorSummary[] {
  const latest = db
    .select({
      vendorId: assessments.vendorId,
      id: assessments.id,
      status: assessments.status,
      updatedAt: assessments.updatedAt,
      rank: sql<number>`row_number() over (partition by ${assessments.vendorId} order by ${assessments.createdAt} desc, ${assessments.id} desc)`.as(
        "rank",
      ),
    })
    .from(assessments)
    .where(eq(assessments.organisationId, organisationId))
    .as("latest");

  const rows = db
    .select({
      id: vendors.id,
      name: vendors.name,
      service: vendors.service,
      country: vendors.country,
      tier: vendors.tier,
      vendorUpdatedAt: vendors.updatedAt,
      assessmentId: latest.id,
      assessmentStatus: latest.status,
      assessmentUpdatedAt: latest.updatedAt,
    })
    .from(vendors)
    .leftJoin(latest, and(eq(latest.vendorId, vendors.id), eq(latest.rank, 1)))
    .where(eq(vendors.organisationId, organisationId))
    .orderBy(asc(vendors.name))
    .all();

  return rows
    .map((row) => {
      const latestAssessment =
        row.assessmentId && row.assessmentStatus && row.assessmentUpdatedAt
          ? { id: row.assessmentId, status: row.assessmentStatus, updatedAt: row.assessmentUpdatedAt }
          : null;
      const lastUpdate =
        latestAssessment && latestAssessment.updatedAt > row.vendorUpdatedAt
          ? latestAssessment.updatedAt
          : row.vendorUpdatedAt;
      return {
        id: row.id,
        name: row.name,
        service: row.service,
        country: row.country,
        tier: row.tier,
        latestAssessment,
        lastUpdate,
      };
    })
    .sort((a, b) => b.lastUpdate.getTime() - a.lastUpdate.getTime() || a.name.localeCompare(b.name));
}

export interface VendorDetail {
  id: string;
  name: string;
  service: string;
  website: string | null;
  country: string | null;
  tier: VendorTier | null;
  assessments: {
    id: string;
    status: AssessmentStatus;
    questionnaireId: string;
    questionnaireVersion: string;
    dueDate: string | null;
    createdAt: Date;
    updatedAt: Date;
  }[];
}

export function getVendor(db: DB, organisationId: string, vendorId: string): VendorDetail | null {
  const vendor = db
    .select({
      id: vendors.id,
      name: vendors.name,
      service: vendors.service,
      website: vendors.website,
      country: vendors.country,
      tier: vendors.tier,
    })
    .from(vendors)
    .where(and(eq(vendors.id, vendorId), eq(vendors.organisationId, organisationId)))
    .get();
  if (!vendor) return null;
  const vendorAssessments = db
    .select({
      id: assessments.id,
      status: assessments.status,
      questionnaireId: assessments.questionnaireId,
      questionnaireVersion: assessments.questionnaireVersion,
      dueDate: assessments.dueDate,
      createdAt: assessments.createdAt,
      updatedAt: assessments.updatedAt,
    })
    .from(assessments)
    .where(and(eq(assessments.vendorId, vendorId), eq(assessments.organisationId, organisationId)))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .all();
  return { ...vendor, assessments: vendorAssessments };
}
