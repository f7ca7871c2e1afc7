import { describe, expect, it } from "vitest";
import type { AssessResult } from "~/residency";
import { demo, flow, score, section } from "./support";

// The worked example of docs/scoring.md, recomputed, so the page cannot drift from the method.
const residency: AssessResult = {
  rulesVersion: "example",
  flags: [],
  flows: [
    flow({ verdict: "permitted", party: "aws", region: "DE", use: "storage" }),
    flow({ verdict: "permitted-with-safeguard", party: "support-ph", region: "PH", use: "access" }),
    flow({ verdict: "non-compliant", party: "relaymail", region: "US", use: "processing", obligations: ["eu-scc or bcr", "tia"] }),
    flow({ verdict: "permitted", party: "aws", region: "IE", use: "backup" }),
  ],
};
const result = score(demo.bluebird.answers, demo.bluebird.scope, { residency });
const lines = (id: string) => section(result, id).contributions.map((c) => [c.questionId, c.weight, c.risk, c.worth, c.pointsLost, c.points]);

describe("the worked example in docs/scoring.md", () => {
  it("section s1 scores 56 and s2 scores 15.5, line by line as printed, yes/no answers included", () => {
    expect(lines("s1")).toEqual([
      ["s1.pinning", 4, 50, 40, 20, 20],
      ["s1.secondary_copies", 4, 60, 40, 24, 16],
      ["s1.change_objection", 2, 0, 20, 0, 20],
    ]);
    expect(section(result, "s1").score).toBe(56);
    expect(lines("s2")).toEqual([
      ["s2.access_model", 4, 90, 44.5, 40.1, 4.4],
      ["s2.support_restriction", 2, 50, 22.2, 11.1, 11.1],
      ["s2.tia_shared", 3, 100, 33.3, 33.3, 0],
    ]);
    expect(section(result, "s2").score).toBe(15.5);
  });

  it("in s15, the decision safeguards lose 70 for the two that are missing, and the line names them", () => {
    const safeguards = section(result, "s15").contributions.find((c) => c.questionId === "s15.decision_safeguards")!;
    expect(safeguards).toMatchObject({ weight: 2, risk: 70, worth: 13.3, pointsLost: 9.3, points: 4 });
    expect(safeguards.answer).toBe(
      "A person can review and change the outcome (human_review); missing: The outcome can be explained (explanation) 30 + The person can contest it (contest) 40 = 70",
    );
  });

  it("the control score is 72.5 from sixteen sections of total weight 57", () => {
    expect(result.control.totalWeight).toBe(57);
    expect(result.control.breakdown.map((b) => b.points)).toEqual([1.4, 4.9, 1.4, 6.3, 3.6, 6.3, 5, 5.5, 4.6, 5.1, 6.4, 4.5, 4.1, 5, 6, 2.4]);
    expect(result.control.breakdown[1]).toMatchObject({ sectionId: "s1", worth: 8.8, sectionScore: 56, pointsLost: 3.9 });
    expect(result.control.score).toBe(72.5);
  });

  it("residency 70, inherent 30, residual 29.4, tier high by the training knockout, approve with conditions", () => {
    expect(result.residency.score).toBe(70);
    expect(result.inherent).toMatchObject({ score: 30, level: "medium" });
    expect(result.residual?.breakdown.map((p) => p.points)).toEqual([15, 6.9, 7.5]);
    expect(result.residual).toMatchObject({ score: 29.4, level: "medium" });
    expect(result.tier).toMatchObject({ tier: "high", fromResidualRisk: "medium" });
    expect(result.decision?.outcome).toBe("approve-with-conditions");
    expect(result.decision?.conditions.map((c) => c.id)).toEqual([
      "condition:flag:s15.training#training",
      "obligation:relaymail:eu-scc or bcr",
      "obligation:relaymail:tia",
      "condition:flag:s0.parties#own-use",
      "condition:flag:s2.tia_shared#no-tia",
      "condition:flag:s10.notify_hours#slow-notice",
      "condition:accept-high-risk",
    ]);
  });
});
