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
  it("section s1 scores 45 and s2 scores 5.7, line by line as printed", () => {
    expect(lines("s1")).toEqual([
      ["s1.pinning", 4, 50, 50, 25, 25],
      ["s1.secondary_copies", 4, 60, 50, 30, 20],
    ]);
    expect(section(result, "s1").score).toBe(45);
    expect(lines("s2")).toEqual([
      ["s2.access_model", 4, 90, 57.1, 51.4, 5.7],
      ["s2.tia_shared", 3, 100, 42.9, 42.9, 0],
    ]);
    expect(section(result, "s2").score).toBe(5.7);
  });

  it("the control score is 62.8 from sixteen sections of total weight 57", () => {
    expect(result.control.totalWeight).toBe(57);
    expect(result.control.breakdown.map((b) => b.points)).toEqual([1.4, 4, 0.5, 5.6, 2.6, 6.4, 4.9, 4.4, 3.5, 5.3, 3.5, 3.5, 4.2, 5.2, 5.8, 2]);
    expect(result.control.breakdown[1]).toMatchObject({ sectionId: "s1", worth: 8.8, sectionScore: 45, pointsLost: 4.8 });
    expect(result.control.score).toBe(62.8);
  });

  it("residency 70, inherent 30, residual 31.8, tier high by the training knockout, approve with conditions", () => {
    expect(result.residency.score).toBe(70);
    expect(result.inherent).toMatchObject({ score: 30, level: "medium" });
    expect(result.residual?.breakdown.map((p) => p.points)).toEqual([15, 9.3, 7.5]);
    expect(result.residual).toMatchObject({ score: 31.8, level: "medium" });
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
