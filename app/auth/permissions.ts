import type { UserRole } from "#db/schema";

// Who may do what among the buyer's staff (docs/decisions/012). Routes pass one
// of these to requireUser / requireUserOrganisation; vendors reach only the
// portal, through their link, and never hold a role.

/** Everyone signed in: viewers read and download, nothing more. */
export const readers: readonly UserRole[] = ["admin", "assessor", "legal-reviewer", "viewer"];

/** Vendors, assessments, scope, invitations, answers on the vendor's behalf, returns, starting a review. */
export const assessors: readonly UserRole[] = ["admin", "assessor"];

/** Sign-off, risk acceptance and the residency policy. */
export const legalReviewers: readonly UserRole[] = ["admin", "legal-reviewer"];

/** Comments on questions: anyone who works on assessments. */
export const commenters: readonly UserRole[] = ["admin", "assessor", "legal-reviewer"];

/** Users, the outbox and organisation settings such as evidence retention. */
export const administrators: readonly UserRole[] = ["admin"];

export function hasRole(role: UserRole, allowed: readonly UserRole[]): boolean {
  return allowed.includes(role);
}
