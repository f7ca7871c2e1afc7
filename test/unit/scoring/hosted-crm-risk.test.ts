import { describe, expect, it } from "vitest";
import type { Answers } from "~/questionnaire/answers";
import { isScorable } from "~/scoring/answers";
import { demo, expectBreakdownsAddUp, hostedCrm, noFlows, random, score, section } from "./support";

const questions = hostedCrm.sections.flatMap((s) => s.questions);
const careful = demo.northwind.answers;
const line = (answers: Answers, sectionId: string, id: string) =>
  section(score(answers, undefined, { residency: noFlows }), sectionId).contributions.find((c) => c.questionId === id)!;

describe("risk points in hosted-crm 1.0.0", () => {
  it("78 of the 140 questions carry risk points, every weighted yes/no and multiple-choice question among them", () => {
    expect(questions).toHaveLength(140);
    expect(questions.filter(isScorable)).toHaveLength(78);
    const weightedWithout = questions.filter((q) => ["bool", "single", "multi"].includes(q.type) && q.weight > 0 && !isScorable(q));
    expect(weightedWithout.map((q) => q.id)).toEqual([]);
  });

  it("a No to the incident response plan costs s10 exactly that question's worth", () => {
    const withPlan = score(careful, undefined, { residency: noFlows });
    const without = score({ ...careful, "s10.ir_plan": { value: false } }, undefined, { residency: noFlows });
    const plan = section(without, "s10").contributions.find((c) => c.questionId === "s10.ir_plan")!;
    expect(plan).toMatchObject({ risk: 100, answer: "No", points: 0 });
    expect(plan.worth).toBeGreaterThan(0);
    expect(section(withPlan, "s10").score! - section(without, "s10").score!).toBeCloseTo(plan.worth, 5);
    expect(without.control.score!).toBeLessThan(withPlan.control.score!);
  });

  it("without phishing-resistant MFA for administrators, s8.strong_auth loses a quarter of its worth and says why", () => {
    const mfa = line({ ...careful, "s8.strong_auth": { value: ["staff_mfa", "customer_sso", "customer_mfa"] } }, "s8", "s8.strong_auth");
    expect(mfa).toMatchObject({ risk: 25, riskFrom: { missing: ["phishing_resistant"] } });
    expect(mfa.answer).toMatch(/; missing: Phishing-resistant MFA for administrators \(phishing_resistant\) 25$/);
  });

  it("ticking one more control never lowers a score, for every list of controls, in any order", () => {
    // The follow-up on automated decisions only shows once decisions are made.
    const base: Answers = { ...careful, "s15.automated_decisions": { value: "with_review" } };
    const lists = questions.filter((q) => q.type === "multi" && q.choices.some((c) => c.missing_risk !== undefined));
    expect(lists.length).toBe(19);
    const next = random(7);
    for (const question of lists) {
      if (question.type !== "multi") continue;
      const open = question.choices.filter((c) => !c.exclusive).map((c) => c.value);
      const shuffled = [...open].sort(() => next() - 0.5);
      for (const order of [open, [...open].reverse(), shuffled]) {
        let previous = score({ ...base, [question.id]: { value: [] } }, undefined, { residency: noFlows });
        for (let n = 1; n <= order.length; n++) {
          const current = score({ ...base, [question.id]: { value: order.slice(0, n) } }, undefined, { residency: noFlows });
          const where = `${question.id} after ${order.slice(0, n).join(", ")}`;
          expect(section(current, question.sectionId).score, where).toBeGreaterThanOrEqual(section(previous, question.sectionId).score!);
          expect(current.control.score, where).toBeGreaterThanOrEqual(previous.control.score!);
          expectBreakdownsAddUp(current);
          previous = current;
        }
      }
    }
  });
});
