import { describe, expect, it } from "vitest";
import { scoreAssessment } from "~/scoring";
import { asOf, assess, demo, expectBreakdownsAddUp, hostedCrm, score, scoreFixture, fixtureAnswers, section, varyAnswers, europeanScope } from "./support";

describe("every score is the exact sum of its breakdown", () => {
  it.each(Object.entries(demo))("for the demo answers of %s, with the demo scope", (_name, { answers, scope }) => {
    expectBreakdownsAddUp(score(answers, scope));
  });

  it("for 60 variations of the Northwind and Bluebird answers, with choices changed, answers dropped and N/A marked", () => {
    let scored = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const base = seed % 2 === 0 ? demo.northwind : demo.bluebird;
      const result = score(varyAnswers(base.answers, seed), seed % 3 === 0 ? europeanScope : base.scope);
      expectBreakdownsAddUp(result);
      if (result.status === "scored") scored++;
    }
    expect(scored).toBe(60);
  });

  it("when weights 4, 1 and 2 split 100 points into sevenths, the leftover tenths go to the largest remainders", () => {
    // Worth 57.14, 14.29 and 28.57: floors 57.1 + 14.2 + 28.5 leave 0.2, given to .29 and .57.
    const result = scoreFixture(fixtureAnswers({ "a.heavy": { value: "good" }, "a.light": { value: "bad" }, "a.copies": { value: ["logs"] } }));
    const a = section(result, "a");
    expect(a.contributions.map((c) => c.worth)).toEqual([57.1, 14.3, 28.6]);
    expect(a.contributions.map((c) => c.pointsLost)).toEqual([0, 14.3, 11.4]);
    expect(a.score).toBe(74.3);
    expectBreakdownsAddUp(result);
  });
});

describe("scoring is deterministic", () => {
  it("the same input gives the same result, which survives a JSON round trip unchanged", () => {
    const { answers, scope } = demo.bluebird;
    const residency = assess(answers, scope);
    const first = scoreAssessment({ questionnaire: hostedCrm, answers, scope, residency, asOf });
    const second = scoreAssessment({ questionnaire: hostedCrm, answers, scope, residency, asOf });
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it("the order in which answers and policy findings arrive does not change the result", () => {
    const { answers, scope } = demo.bluebird;
    const residency = assess(answers, scope);
    const reversed = Object.fromEntries(Object.entries(answers).reverse());
    const policy = [
      { ruleId: "eea-only", ruleText: "EU data stays in the EEA", severity: "high" as const, subject: "DE", party: "aws", region: "US-VA", use: "storage" as const, text: "AWS stores EU data in Virginia." },
      { ruleId: "no-ph", ruleText: "No support from the Philippines", severity: "medium" as const, subject: "DE", party: "support-ph", region: "PH", use: "access" as const, text: "Support is reached from Manila." },
    ];
    const one = scoreAssessment({ questionnaire: hostedCrm, answers, scope, residency, asOf, policyFindings: policy });
    const other = scoreAssessment({ questionnaire: hostedCrm, answers: reversed, scope, residency, asOf, policyFindings: [...policy].reverse() });
    expect(other).toEqual(one);
  });

  it("records the method version, the questionnaire pin, the rules version and the assessment date", () => {
    const result = score(demo.northwind.answers);
    expect(result.methodVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.questionnaire).toEqual({ id: "hosted-crm", version: hostedCrm.version, hash: hostedCrm.hash });
    expect(result.rulesVersion).toBe(assess(demo.northwind.answers, europeanScope).rulesVersion);
    expect(result.asOf).toBe(asOf);
  });
});
