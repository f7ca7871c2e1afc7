import { describe, expect, it } from "vitest";
import { demo, fixtureAnswers, hostedCrm, parseFixture, questionOf, score, scoreFixture, section } from "./support";

describe("section scores", () => {
  it("give 100 when every scored answer is at its safest, and list what each question was worth", () => {
    const result = scoreFixture(fixtureAnswers());
    const a = section(result, "a");
    expect(a.score).toBe(100);
    expect(a.contributions.map((c) => [c.questionId, c.weight, c.risk, c.points])).toEqual([
      ["a.heavy", 4, 0, 57.1],
      ["a.light", 1, 0, 14.3],
      ["a.copies", 2, 0, 28.6],
    ]);
  });

  it("take each answer's risk share of its worth: fair (50) on a question worth 57.1 loses 28.6", () => {
    const a = section(scoreFixture(fixtureAnswers({ "a.heavy": { value: "fair" } })), "a");
    const heavy = a.contributions.find((c) => c.questionId === "a.heavy")!;
    expect(heavy).toMatchObject({ status: "answered", risk: 50, riskFrom: { choice: "fair" }, worth: 57.1, pointsLost: 28.6, points: 28.5 });
    expect(heavy.answer).toBe("Fair (fair)");
    expect(a.score).toBe(71.4);
  });

  it("count an unanswered required question as full risk, and say so", () => {
    const answers = fixtureAnswers();
    delete answers["a.heavy"];
    const a = section(scoreFixture(answers), "a");
    const heavy = a.contributions.find((c) => c.questionId === "a.heavy")!;
    expect(heavy).toMatchObject({ status: "unanswered", risk: 100, riskFrom: null, pointsLost: 57.1, points: 0 });
    expect(heavy.answer).toMatch(/counted as full risk/);
    expect(a.score).toBe(42.9);
  });

  it("leave out a question marked not applicable, so the others share its weight", () => {
    const result = scoreFixture(fixtureAnswers({ "a.light": { value: null, naReason: "We have no such data." }, "a.heavy": { value: "fair" } }));
    const a = section(result, "a");
    expect(a.contributions.map((c) => c.questionId)).toEqual(["a.heavy", "a.copies"]);
    expect(a.excluded).toEqual([{ questionId: "a.light", weight: 1, reason: "not-applicable" }]);
    expect(a.totalWeight).toBe(6);
    // Worth 66.7 at risk 50 loses 33.35, and half a tenth rounds against the vendor.
    expect(a.contributions[0]).toMatchObject({ worth: 66.7, pointsLost: 33.4 });
    expect(a.score).toBe(66.6);
  });

  it("treat N/A on a question that does not allow it as no answer, so a required one counts as full risk", () => {
    const a = section(scoreFixture(fixtureAnswers({ "a.heavy": { value: null, naReason: "Does not apply." } })), "a");
    expect(a.contributions.find((c) => c.questionId === "a.heavy")).toMatchObject({ status: "unanswered", risk: 100 });
  });
  it("leave out an optional question left unanswered", () => {
    const answers = fixtureAnswers();
    delete answers["b.optional"];
    const b = section(scoreFixture(answers), "b");
    expect(b.excluded).toEqual([{ questionId: "b.optional", weight: 2, reason: "optional-unanswered" }]);
    expect(b.contributions.map((c) => c.questionId)).toEqual(["b.parties"]);
  });

  it("ignore a stale answer to a hidden follow-up, and count the follow-up once it shows", () => {
    const hidden = section(scoreFixture(fixtureAnswers({ "a.followup": { value: "bad" } })), "a");
    expect(hidden.contributions.map((c) => c.questionId)).not.toContain("a.followup");
    expect(hidden.score).toBe(100);

    const shown = section(scoreFixture(fixtureAnswers({ "a.heavy": { value: "bad" } })), "a");
    expect(shown.contributions.find((c) => c.questionId === "a.followup")).toMatchObject({ status: "unanswered", risk: 100 });
  });

  it("score a multiple choice by the riskiest choice ticked, a choice without risk points counting as 0", () => {
    const result = scoreFixture(fixtureAnswers({ "a.copies": { value: ["cdn", "logs", "other"] } }));
    const copies = section(result, "a").contributions.find((c) => c.questionId === "a.copies")!;
    expect(copies).toMatchObject({ risk: 40, riskFrom: { choice: "logs" } });
    const other = section(scoreFixture(fixtureAnswers({ "a.copies": { value: ["other"] } })), "a").contributions.find((c) => c.questionId === "a.copies")!;
    expect(other).toMatchObject({ risk: 0, riskFrom: { choice: "other" } });
  });

  it("score a table by its riskiest row and name the row", () => {
    const rows = [
      { key: "Mailer", access: "remote" },
      { key: "Cloud", access: "hosts" },
      { key: "Analytics", access: "none" },
    ];
    const b = section(scoreFixture(fixtureAnswers({ "b.parties": { value: rows } })), "b");
    expect(b.contributions.find((c) => c.questionId === "b.parties")).toMatchObject({
      risk: 60,
      riskFrom: { choice: "hosts", row: 1, rowKey: "Cloud", column: "access" },
      answer: "row 2 (Cloud), Access: Hosts it (hosts)",
    });
  });

  it("give null, with the reason, for a section whose questions carry no risk points", () => {
    const c = section(scoreFixture(fixtureAnswers()), "c");
    expect(c).toMatchObject({ score: null, contributions: [], notScoredReason: "No visible question in this section carries risk points." });
  });

  it("give null, never 0, for a section where every scorable question is N/A or optional and unanswered", () => {
    const answers = fixtureAnswers({ "b.parties": { value: null, naReason: "We use no partners." } });
    delete answers["b.optional"];
    const result = scoreFixture(answers);
    expect(section(result, "b")).toMatchObject({ score: null, contributions: [] });
    expect(section(result, "b").notScoredReason).toMatch(/not applicable/);
    expect(result.control.breakdown.map((b) => b.sectionId)).toEqual(["a"]);
  });

  it("leave out hidden sections and, in the real questionnaire, the questions that carry no risk points or weigh 0", () => {
    const result = score(demo.northwind.answers);
    const scored = result.sections.flatMap((s) => s.contributions.map((c) => c.questionId));
    for (const id of ["s0.legal_name", "s0.vendor_safeguards", "s1.storage_countries", "s3.last_restore_test", "s10.notify_hours", "s15.ai_in_use"]) {
      expect(scored, id).not.toContain(id);
    }
    for (const id of ["s0.parties", "s1.pinning", "s1.secondary_copies", "s11.mitigations", "s4.cross_tenant_incidents", "s7.at_rest"]) {
      expect(scored, id).toContain(id);
    }
    expect(questionOf("s15.ai_in_use")).toMatchObject({ type: "bool", weight: 0 });
    expect(result.sections).toHaveLength(hostedCrm.sections.length);
  });
});

describe("weights", () => {
  it("a higher-weight question moves its section more than a lower-weight one given the same risk", () => {
    const base = section(scoreFixture(fixtureAnswers()), "a").score!;
    const heavy = section(scoreFixture(fixtureAnswers({ "a.heavy": { value: "bad" }, "a.followup": { value: "good" } })), "a");
    const light = section(scoreFixture(fixtureAnswers({ "a.light": { value: "bad" } })), "a");
    expect(base - light.score!).toBeGreaterThan(0);
    // The follow-up that a bad heavy answer reveals is answered at its safest, so it only adds weight.
    expect(base - heavy.score!).toBeGreaterThan(base - light.score!);
  });

  it("in the real questionnaire, isolation (weight 4) costs more than tenant keys (weight 2) at the same risk of 70", () => {
    const answers = { ...demo.northwind.answers, "s4.isolation_model": { value: "physical" }, "s4.tenant_keys": { value: "customer_managed" } };
    const before = score(answers);
    const isolation = score({ ...answers, "s4.isolation_model": { value: "row" } });
    const keys = score({ ...answers, "s4.tenant_keys": { value: "shared" } });
    const drop = (r: typeof before) => section(before, "s4").score! - section(r, "s4").score!;
    expect(drop(isolation)).toBeCloseTo(2 * drop(keys), 0);
    expect(before.control.score! - isolation.control.score!).toBeGreaterThan(before.control.score! - keys.control.score!);
  });

  it("a higher-weight section moves the control score more than a lower-weight one", () => {
    const base = scoreFixture(fixtureAnswers());
    const inA = scoreFixture(fixtureAnswers({ "a.light": { value: "bad" } }));
    const inB = scoreFixture(fixtureAnswers({ "b.optional": { value: "bad" } }));
    // Both answers cost their section a similar share; section a weighs 3, section b 1.
    expect(section(base, "a").score! - section(inA, "a").score!).toBeLessThan(section(base, "b").score! - section(inB, "b").score!);
    expect(base.control.score! - inA.control.score!).toBeGreaterThan(0);
    const perSectionPoint = (r: typeof base, id: string) => (base.control.score! - r.control.score!) / (section(base, id).score! - section(r, id).score!);
    expect(perSectionPoint(inA, "a")).toBeCloseTo(3 * perSectionPoint(inB, "b"), 1);
  });

  it("a question of weight 0 never moves a score, whatever its answer", () => {
    const zero = parseFixture(fixtureYamlWithZeroWeight);
    const at = (value: string) => scoreFixture({ "z.scored": { value: "fair" }, "z.ignored": { value } }, { questionnaire: zero });
    expect(at("bad").control.score).toBe(at("good").control.score);
    expect(section(at("bad"), "z").contributions.map((c) => c.questionId)).toEqual(["z.scored"]);
  });
});

describe("nothing scorable", () => {
  it("an assessment with no answers is not scored, never 0, and has no decision", () => {
    const result = score({});
    expect(result.status).toBe("not-scored");
    expect(result.notScoredReason).toMatch(/has been answered/);
    expect(result.control.score).toBeNull();
    expect(result.sections.every((s) => s.score === null)).toBe(true);
    expect(result).toMatchObject({ residual: null, tier: null, decision: null });
  });

  it("the demo vendor that has not started is not scored, though its inherent risk is known", () => {
    const result = score(demo.kairos.answers, demo.kairos.scope);
    expect(result.status).toBe("not-scored");
    expect(result.inherent.score).toBeGreaterThan(0);
  });

  it("an assessment where every scorable answer is N/A is not scored", () => {
    const onlyNa = parseFixture(fixtureYamlWithZeroWeight.replace("na_allowed: false", "na_allowed: true"));
    const result = scoreFixture({ "z.scored": { value: null, naReason: "Not used." } }, { questionnaire: onlyNa });
    expect(result.status).toBe("not-scored");
    expect(result.notScoredReason).toMatch(/not applicable/);
    expect(result.control.score).toBeNull();
  });

  it("one answered question is enough to score, and the unanswered required ones then count as full risk", () => {
    const result = score({ "s1.pinning": { value: "contract" } });
    expect(result.status).toBe("scored");
    expect(section(result, "s1").contributions.find((c) => c.questionId === "s1.pinning")).toMatchObject({ risk: 0, status: "answered" });
    expect(section(result, "s4").score).toBe(0);
    expect(result.completeness.requiredAnswered).toBe(1);
  });
});

const fixtureYamlWithZeroWeight = `
schema: ddq/v1
id: zero-weight
version: 1.0.0
status: draft
locales: [en]
title: { en: Zero weight }
sections:
  - id: z
    title: { en: Only section }
    questions:
      - id: z.scored
        type: single
        text: { en: Scored }
        required: true
        na_allowed: false
        choices:
          - { value: good, label: { en: Good }, risk: 0 }
          - { value: fair, label: { en: Fair }, risk: 50 }
      - id: z.ignored
        type: single
        text: { en: Ignored }
        weight: 0
        choices:
          - { value: good, label: { en: Good }, risk: 0 }
          - { value: bad, label: { en: Bad }, risk: 100 }
`;
