import type { DB } from "#db/database";
import { requireAssessmentWorkspace, type AssessmentWorkspace } from "~/assessments/workspace.server";
import type { VendorLink } from "./link.server";

/** The assessment a vendor link opens, with its questionnaire and answers. */
export function requirePortalWorkspace(db: DB, link: VendorLink): AssessmentWorkspace {
  return requireAssessmentWorkspace(db, link.organisationId, link.assessmentId);
}
