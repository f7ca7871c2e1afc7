import type { AssessmentStatus, Sector, VendorTier } from "#db/schema";

// A fixed table, not Intl: ICU's short month names differ between Node builds
// ("Sep" or "Sept"), and reports must read, and hash, the same everywhere.
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "22 Nov 2026": day, month name, year, in UTC, never ambiguous. */
export function formatDate(value: Date | string | number): string {
  const date = new Date(value);
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
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

/** "850,000": thousands grouped with commas, as in the reports. */
export function formatNumber(value: number): string {
  const [whole = "", fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}
