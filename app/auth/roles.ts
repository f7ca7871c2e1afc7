import type { UserRole } from "#db/schema";

export const roleLabels: Record<UserRole, string> = {
  admin: "Administrator",
  assessor: "Assessor",
  "legal-reviewer": "Legal reviewer",
  viewer: "Viewer",
};
