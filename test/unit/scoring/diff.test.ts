import { describe, expect, it } from "vitest";
import type { AssessResult } from "~/residency";
import { diffScores } from "~/scoring";
import { demo, europeanScope, flow, score } from "./support";

const careful = demo.northwind.answers;
const rules = (version: string, flows: AssessResult["flows"]): AssessResult => ({ rulesVersion: version, flows, flags: [] });

describe("diffScores", () => {
  it("finds nothing between two scorings of the same input", () => {
    const diff = diffScores(score(careful), score(careful));
    expect(diff.changed).toBe(false);
    expect(diff).toMatchObject({ decision: null, tier: null, sections: [], findingsAdded: [], findingsRemoved: [], conditionsAdded: [] });
  });

  it("shows what re-scoring under newer rules changed: the rules version, the residency score, a new finding and condition, the decision", () => {
    const before = score(careful, europeanScope, { residency: rules("2026-11-22", [flow({ verdict: "permitted", party: "mailer", region: "US" }), flow({ verdict: "permitted" })]) });
    const after = score(careful, europeanScope, {
      residency: rules("2027-03-01", [flow({ verdict: "non-compliant", party: "mailer", region: "US", obligations: ["eu-scc or bcr"] }), flow({ verdict: "permitted" })]),
    });
    const diff = diffScores(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.rulesVersion).toEqual({ from: "2026-11-22", to: "2027-03-01" });
    expect(diff.scores.residency).toEqual({ from: 100, to: 50, delta: -50 });
    expect(diff.scores.control).toBeNull();
    expect(diff.scores.residual?.delta).toBeGreaterThan(0);
    expect(diff.decision).toEqual({ from: "approve", to: "approve-with-conditions" });
    expect(diff.findingsAdded).toEqual([{ id: "flow:non-compliant:mailer:US:storage", severity: "high", source: "flow", title: "Non-compliant: storage by mailer in United States (US)" }]);
    expect(diff.conditionsAdded.map((c) => c.id)).toEqual(["obligation:mailer:eu-scc or bcr"]);
    expect(diff.findingsRemoved).toEqual([]);
  });

  it("shows a section that moved and a finding that went away when the vendor improves an answer", () => {
    const before = score({ ...careful, "s1.pinning": { value: "none" } });
    const after = score(careful);
    const diff = diffScores(before, after);
    const s1 = diff.sections.find((s) => s.sectionId === "s1")!;
    expect(s1.delta).toBeCloseTo(s1.to! - s1.from!, 5);
    expect(s1.delta).toBeGreaterThan(0);
    expect(diff.sections.map((s) => s.sectionId)).toEqual(["s1"]);
    expect(diff.findingsRemoved.map((f) => f.id)).toEqual(["flag:s1.pinning#no-pinning"]);
    expect(diff.conditionsRemoved.map((c) => c.id)).toEqual(["condition:flag:s1.pinning#no-pinning"]);
    expect(diff.decision).toEqual({ from: "approve-with-conditions", to: "approve" });
  });

  it("shows a change of severity of a finding that stays", () => {
    const before = score(careful, europeanScope, { residency: { ...rules("r1", [flow({ verdict: "permitted" })]), flags: [{ severity: "medium", text: "Verify: a fact.", citations: [] }] } });
    const after = score(careful, europeanScope, { residency: { ...rules("r2", [flow({ verdict: "permitted" })]), flags: [{ severity: "high", text: "Verify: a fact.", citations: [] }] } });
    expect(diffScores(before, after).findingsChanged).toEqual([expect.objectContaining({ severity: "high", severityBefore: "medium", title: "Verify: a fact." })]);
  });

  it("goes from not scored to scored, with no delta where one side had no score", () => {
    const diff = diffScores(score({}), score(careful));
    expect(diff.status).toEqual({ from: "not-scored", to: "scored" });
    expect(diff.scores.control).toMatchObject({ from: null, delta: null });
    expect(diff.decision).toEqual({ from: null, to: "approve" });
    expect(diff.sections.length).toBeGreaterThan(0);
    expect(diff.sections.every((s) => s.from === null && s.delta === null)).toBe(true);
  });
});
