import { describe, expect, it } from "vitest";
import { summariseScore } from "~/portfolio/summary";
import type { Finding, ScoreResult } from "~/scoring";

function finding(id: string, severity: Finding["severity"], source: Finding["source"] = "answer"): Finding {
  return { id, severity, source, title: id, detail: "", remediation: "", references: { controls: [], citations: [], questions: [], flows: [], policyRules: [] } };
}

function score(findings: Finding[]): ScoreResult {
  return {
    status: "scored",
    findings,
    tier: { tier: "high", fromResidualRisk: "medium", reasons: [] },
    decision: { outcome: "reject", reasons: [], conditions: [] },
    residual: { score: 41.5, level: "high", breakdown: [] },
  } as unknown as ScoreResult;
}

describe("what the portfolio keeps of a score", () => {
  it("counts findings to act on, not information notes, and knockouts apart", () => {
    const s = score([finding("a", "critical", "knockout"), finding("b", "high"), finding("c", "info", "flow")]);
    expect(summariseScore(s, [], "2026-11-23")).toEqual({
      tier: "high",
      recommended: "reject",
      openFindings: 2,
      knockouts: 1,
      residualRisk: 41.5,
      acceptanceLapsesOn: null,
    });
  });

  it("leaves out findings whose risk is accepted until today or later, and remembers when the first acceptance lapses", () => {
    const s = score([finding("a", "high"), finding("b", "medium"), finding("c", "low")]);
    const accepted = [
      { findingId: "a", acceptedUntil: "2027-01-31" },
      { findingId: "b", acceptedUntil: "2026-12-01" },
      { findingId: "c", acceptedUntil: "2026-11-22" },
    ];
    expect(summariseScore(s, accepted, "2026-11-23")).toMatchObject({ openFindings: 1, acceptanceLapsesOn: "2026-12-01" });
  });

  it("has nothing to say of an assessment that could not be scored", () => {
    const notScored = { status: "not-scored", findings: [finding("x", "medium")] } as unknown as ScoreResult;
    expect(summariseScore(notScored, [], "2026-11-23")).toMatchObject({ tier: null, recommended: null, openFindings: 0 });
  });
});
