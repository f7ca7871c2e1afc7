import type { DB } from "#db/database";
import { requireAssessmentWorkspace, type AssessmentWorkspace } from "~/assessments/workspace.server";
import type { VendorLink } from "./link.server";

/** The assessment a vendor link opens, with its questionnaire and answers. */
export function requirePortalWorkspace(db: DB, link: VendorLink): AssessmentWorkspace {
  return requireAssessmentWorkspace(db, link.organisationId, link.assessmentId);
}

export const VENDOR_LABEL = "Your company";

export function portalPath(link: Pick<VendorLink, "token">, path = ""): string {
  return `/portal/${link.token}${path}`;
}
