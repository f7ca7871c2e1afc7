import type { Tier } from "~/scoring";

// Reassessment cadence per tier (shared/reference/what-users-ask.md §3.5, §3.6):
// a vendor is reviewed again some months after its last finalised assessment,
// sooner the riskier it is. Dates are calendar days, YYYY-MM-DD, in UTC.

export type Cadence = Record<Tier, number>;

export const defaultCadence: Readonly<Cadence> = { high: 12, medium: 24, low: 36 };

/** A review is "due" this many days before its date, time enough to run a cycle. */
export const REVIEW_DUE_WINDOW_DAYS = 60;

export const MIN_CADENCE_MONTHS = 1;
export const MAX_CADENCE_MONTHS = 60;

export type ReviewState = "not-reviewed" | "current" | "due" | "overdue";

export const reviewStateLabels: Record<ReviewState, string> = {
  "not-reviewed": "Not reviewed yet",
  current: "Current",
  due: "Review due",
  overdue: "Overdue",
};

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** The same day of the month `months` later; the 31st becomes the month's last day when it has fewer. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDay(target);
}

export function nextReviewOn(lastReviewedOn: string | null, tier: Tier | null, cadence: Cadence): string | null {
  if (!lastReviewedOn) return null;
  return addMonths(lastReviewedOn, cadence[tier ?? "high"]);
}

export function reviewState(nextReview: string | null, today: string): ReviewState {
  if (!nextReview) return "not-reviewed";
  if (nextReview < today) return "overdue";
  if (nextReview <= addDays(today, REVIEW_DUE_WINDOW_DAYS)) return "due";
  return "current";
}
