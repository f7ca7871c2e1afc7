import type { AssessmentStatus, Sector, VendorTier } from "#db/schema";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "22 Nov 2026": day, month name, year, never ambiguous. */
export function formatDate(value: Date | string | number): string {
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}

export const statusLabels: Record<AssessmentStatus, string> = {
  draft: "Draft",
  sent: "Sent to vendor",
  "in-progress": "In progress",
  submitted: "Submitted",
  "in-review": "In review",
  returned: "Returned to vendor",
  finalised: "Finalised",
};

export const sectorLabels: Record<Sector, string> = {
  general: "General commercial",
  health: "Health",
  finance: "Financial services",
  public: "Public sector",
};

export const tierLabels: Record<VendorTier, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const categoryLabels: Record<string, string> = {
  contact: "Contact details",
  commercial: "Commercial (orders, interactions)",
  financial: "Financial",
  payment: "Payment card data",
  health: "Health",
  "my-health-record": "My Health Record (AU)",
  "government-id": "Government identifiers",
  children: "Children's data",
  biometric: "Biometric",
  genetic: "Genetic",
  "precise-location": "Precise location",
  "criminal-justice": "Criminal justice",
  "credit-information": "Credit information",
};

export function formatNumber(value: number): string {
  return new Intl.NumberFormat("en-GB").format(value);
}
