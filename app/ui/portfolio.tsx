import type { DecisionOutcomeValue, VendorTier } from "#db/schema";
import { reviewStateLabels, type ReviewState } from "~/portfolio/cadence";
import type { PortfolioFilters } from "~/portfolio/query";
import { decisionLabels } from "~/portfolio/summary";
import { statusLabels, tierLabels } from "./format";

export const sortLabels: Record<PortfolioFilters["sort"], string> = {
  "next-review": "Next review",
  name: "Vendor name",
  tier: "Tier",
  decision: "Decision",
  findings: "Open findings",
  risk: "Residual risk",
  status: "Current assessment",
};

export function TierTag({ tier }: { tier: VendorTier }) {
  return <span className={`tag tag--tier-${tier}`}>{tierLabels[tier]} tier</span>;
}

export function ReviewTag({ state }: { state: ReviewState }) {
  return <span className={`tag tag--review-${state}`}>{reviewStateLabels[state]}</span>;
}

/** A signed-off decision in words; a decision only the score recommends says so. */
export function DecisionText({ decision, source }: { decision: DecisionOutcomeValue | null; source: "sign-off" | "recommended" | null }) {
  if (!decision) return <span className="muted">Not scored yet</span>;
  return (
    <span className={`decision decision--${decision}`}>
      {source === "recommended" ? `Recommended: ${decisionLabels[decision].toLowerCase()}` : `${decisionLabels[decision]} (signed off)`}
    </span>
  );
}

/** The filters in words: "High tier, overdue, sorted by next review (earliest first)". */
export function describeFilters(query: PortfolioFilters & { dir: "asc" | "desc" }): string {
  const parts: string[] = [];
  if (query.q) parts.push(`names containing "${query.q}"`);
  if (query.tier) parts.push(`${tierLabels[query.tier].toLowerCase()} tier`);
  if (query.decision) parts.push(decisionLabels[query.decision].toLowerCase());
  if (query.review) parts.push(reviewStateLabels[query.review].toLowerCase());
  if (query.status) parts.push(`current assessment ${statusLabels[query.status].toLowerCase()}`);
  const filters = parts.length > 0 ? parts.join(", ") : "All vendors";
  return `${filters.charAt(0).toUpperCase()}${filters.slice(1)}, sorted by ${sortLabels[query.sort].toLowerCase()} (${query.dir === "asc" ? "ascending" : "descending"})`;
}
