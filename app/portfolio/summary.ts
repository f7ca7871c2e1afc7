import type { DecisionOutcome, ScoreResult, Tier } from "~/scoring";

// What the portfolio keeps of a score: the few figures a list can filter and
// sort on. The ScoreResult stays the source of truth (docs/decisions/013).

export interface ScoreSummary {
  tier: Tier | null;
  recommended: DecisionOutcome | null;
  /** Findings less those whose risk is accepted on `today`; info notes are not findings to act on. */
  openFindings: number;
  knockouts: number;
  residualRisk: number | null;
  /** The earliest day an acceptance counted here lapses, after which the count goes up. */
  acceptanceLapsesOn: string | null;
}

export interface AcceptedRisk {
  findingId: string;
  /** YYYY-MM-DD: the last day the acceptance holds. */
  acceptedUntil: string;
}

export function summariseScore(score: ScoreResult | null, accepted: readonly AcceptedRisk[], today: string): ScoreSummary {
  if (!score || score.status !== "scored") {
    return { tier: null, recommended: null, openFindings: 0, knockouts: 0, residualRisk: null, acceptanceLapsesOn: null };
  }
  const holding = new Map<string, string>();
  for (const a of accepted) {
    if (a.acceptedUntil < today) continue;
    const known = holding.get(a.findingId);
    if (!known || a.acceptedUntil > known) holding.set(a.findingId, a.acceptedUntil);
  }
  const actionable = score.findings.filter((f) => f.severity !== "info");
  const open = actionable.filter((f) => !holding.has(f.id));
  const lapses = actionable.flatMap((f) => (holding.has(f.id) ? [holding.get(f.id)!] : [])).sort();
  return {
    tier: score.tier?.tier ?? null,
    recommended: score.decision?.outcome ?? null,
    openFindings: open.length,
    knockouts: score.findings.filter((f) => f.source === "knockout").length,
    residualRisk: score.residual?.score ?? null,
    acceptanceLapsesOn: lapses[0] ?? null,
  };
}

export const decisionLabels: Record<DecisionOutcome, string> = {
  approve: "Approve",
  "approve-with-conditions": "Approve with conditions",
  reject: "Reject",
};
