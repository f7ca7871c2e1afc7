import { describe, expect, it } from "vitest";
import type { Answers } from "~/questionnaire/answers";
import { expectBreakdownsAddUp, noFlows, parseFixture, section, scoreFixture } from "./support";

const controlsYaml = (irPlanWeight: number) => `
schema: ddq/v1
id: controls-fixture
version: 1.0.0
status: draft
locales: [en]
title: { en: Yes/no and controls fixture }
sections:
  - id: k
    title: { en: Keys and access }
    questions:
      - id: k.ir_plan
        type: bool
        text: { en: Do you have an incident response plan? }
        required: true
        weight: ${irPlanWeight}
        risk: { yes: 0, no: 100 }
      - id: k.mfa
        type: multi
        text: { en: Which controls do you have? }
        required: true
        weight: 1
        choices:
          - { value: staff_mfa, label: { en: MFA for privileged staff }, missing_risk: 60 }
          - { value: phishing_resistant, label: { en: Phishing-resistant MFA for administrators }, missing_risk: 25 }
          - { value: access_review, label: { en: Access review }, missing_risk: 30 }
          - { value: sso, label: { en: SSO for our users } }
          - { value: none, label: { en: None of these }, exclusive: true, risk: 100 }
      - id: k.failover
        type: bool
        text: { en: Can a failover take our data outside the region? }
        required: true
        weight: 1
        risk: { yes: 60, no: 0 }
      - id: k.legacy
        type: bool
        text: { en: A yes/no question without risk points }
        required: true
        weight: 2
  - id: l
    title: { en: Logs }
    questions:
      - id: l.log_features
        type: multi
        text: { en: What do the access logs give us? }
        weight: 1
        choices:
          - { value: export, label: { en: Export }, missing_risk: 40 }
          - { value: tamper_evident, label: { en: Tamper evidence }, missing_risk: 35 }
          - { value: reason, label: { en: The reason for each access }, missing_risk: 25 }
`;
const controls = parseFixture(controlsYaml(3));
const safest: Answers = {
  "k.ir_plan": { value: true },
  "k.mfa": { value: ["staff_mfa", "phishing_resistant", "access_review", "sso"] },
  "k.failover": { value: false },
  "k.legacy": { value: false },
  "l.log_features": { value: ["export", "tamper_evident", "reason"] },
};
const scoreK = (answers: Answers, questionnaire = controls) => scoreFixture({ ...safest, ...answers }, { questionnaire, residency: noFlows });
const line = (answers: Answers, id: string) => section(scoreK(answers), "k").contributions.find((c) => c.questionId === id)!;

describe("yes/no questions with risk points", () => {
  it("lose the risk of the answer given: no incident response plan (100) loses all 60 points of a question of weight 3 out of 5", () => {
    const result = scoreK({ "k.ir_plan": { value: false } });
    expect(line({ "k.ir_plan": { value: false } }, "k.ir_plan")).toMatchObject({ status: "answered", risk: 100, answer: "No", riskFrom: { choice: "no" }, worth: 60, pointsLost: 60, points: 0 });
    expect(section(result, "k").score).toBe(40);
    expect(line({}, "k.failover")).toMatchObject({ risk: 0, answer: "No", riskFrom: { choice: "no" } });
    expect(line({ "k.failover": { value: true } }, "k.failover")).toMatchObject({ risk: 60, answer: "Yes", riskFrom: { choice: "yes" }, pointsLost: 12 });
    expectBreakdownsAddUp(result);
  });

  it("move their section by their weight: the same No costs 60 points at weight 3 and 33.4 at weight 1", () => {
    const light = parseFixture(controlsYaml(1));
    const drop = (questionnaire: typeof controls) =>
      section(scoreK({}, questionnaire), "k").score! - section(scoreK({ "k.ir_plan": { value: false } }, questionnaire), "k").score!;
    expect(drop(controls)).toBe(60);
    // A third of 100 is 33.3 three times; the spare tenth goes to the first line.
    expect(drop(light)).toBeCloseTo(33.4, 5);
  });

  it("without risk points still count only through their flags, whatever their weight", () => {
    const ids = section(scoreK({ "k.legacy": { value: true } }), "k").contributions.map((c) => c.questionId);
    expect(ids).toEqual(["k.ir_plan", "k.mfa", "k.failover"]);
  });
});

describe("lists of controls with missing_risk", () => {
  it("lose the points of every control not ticked, summed, and the breakdown names them", () => {
    const mfa = line({ "k.mfa": { value: ["staff_mfa", "sso"] } }, "k.mfa");
    expect(mfa).toMatchObject({ risk: 55, riskFrom: { missing: ["phishing_resistant", "access_review"] }, worth: 20, pointsLost: 11 });
    expect(mfa.answer).toBe(
      "MFA for privileged staff (staff_mfa); SSO for our users (sso); missing: Phishing-resistant MFA for administrators (phishing_resistant) 25 + Access review (access_review) 30 = 55",
    );
  });

  it("cap what is missing at 100", () => {
    const mfa = line({ "k.mfa": { value: ["sso"] } }, "k.mfa");
    expect(mfa).toMatchObject({ risk: 100, riskFrom: { missing: ["staff_mfa", "phishing_resistant", "access_review"] } });
    expect(mfa.answer).toMatch(/ = 115, capped at 100$/);
  });

  it("take the larger of the riskiest choice ticked and what is missing, naming the ticked choice on a tie", () => {
    const none = line({ "k.mfa": { value: ["none"] } }, "k.mfa");
    expect(none).toMatchObject({ risk: 100, riskFrom: { choice: "none" } });
    expect(none.answer).toMatch(/^None of these \(none\): risk 100, not less than what is missing \(.* = 115, capped at 100\)$/);
  });

  it("lose nothing when every control is ticked", () => {
    expect(line({}, "k.mfa")).toMatchObject({ risk: 0, pointsLost: 0, points: 20 });
    expect(line({}, "k.mfa").answer).not.toMatch(/missing|riskiest/);
  });

  it("count an optional list left blank as nothing ticked, since a plain form sends nothing for an unticked group", () => {
    const blank = section(scoreK({ "l.log_features": { value: [] } }), "l");
    expect(blank.contributions).toEqual([
      expect.objectContaining({
        questionId: "l.log_features",
        status: "unanswered",
        risk: 100,
        riskFrom: { missing: ["export", "tamper_evident", "reason"] },
        answer: "Nothing ticked; missing: Export (export) 40 + Tamper evidence (tamper_evident) 35 + The reason for each access (reason) 25 = 100",
      }),
    ]);
    expect(blank.excluded).toEqual([]);
    expect(section(scoreK({ "l.log_features": { value: ["export"] } }), "l").score).toBe(40);
  });

  it("never score lower when one more control is ticked, over every set of controls", () => {
    const open = ["staff_mfa", "phishing_resistant", "access_review", "sso"];
    const subsets = Array.from({ length: 1 << open.length }, (_, mask) => open.filter((_, i) => mask & (1 << i)));
    let compared = 0;
    for (const ticked of subsets) {
      const before = scoreK({ "k.mfa": { value: ticked } });
      for (const more of open.filter((v) => !ticked.includes(v))) {
        const after = scoreK({ "k.mfa": { value: [...ticked, more] } });
        expect(section(after, "k").score, `${ticked.join("+")} then ${more}`).toBeGreaterThanOrEqual(section(before, "k").score!);
        expectBreakdownsAddUp(after);
        compared++;
      }
    }
    expect(compared).toBe(32);
  });
});
