import { expect } from "vitest";
import { demoVendors, type DemoAnswers } from "#db/seed-demo-data";
import { deriveDataMap } from "~/datamap/derive";
import type { Scope } from "~/datamap/schema";
import type { Answers } from "~/questionnaire/answers";
import { parseQuestionnaire } from "~/questionnaire/parse";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import type { Question, Questionnaire } from "~/questionnaire/types";
import { assessDataMap, type AssessResult, type Flow } from "~/residency";
import { scoreAssessment, type ScoreInput, type ScoreResult } from "~/scoring";

export const hostedCrm: Questionnaire = getLatestQuestionnaire("hosted-crm")!;
export const asOf = "2026-11-22";

export function questionOf(id: string, questionnaire: Questionnaire = hostedCrm): Question {
  const found = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

/** The seed's shorthand ({ na: reason } for N/A) as stored answers. */
export function toAnswers(demo: DemoAnswers): Answers {
  return Object.fromEntries(
    Object.entries(demo).map(([id, given]) =>
      typeof given === "object" && !Array.isArray(given) ? [id, { value: null, naReason: given.na }] : [id, { value: given, naReason: null }],
    ),
  );
}

export const demo = Object.fromEntries(
  demoVendors.map((v) => [v.name.split(" ")[0]!.toLowerCase(), { answers: toAnswers(v.assessment.answers), scope: v.assessment.scope as Scope }]),
) as Record<"northwind" | "bluebird" | "maple" | "kairos", { answers: Answers; scope: Scope }>;

/** Scope with subjects only in the EEA and the UK, which the catalogue covers today. */
export const europeanScope: Scope = { subjects: ["DE", "FR"], categories: ["contact", "commercial"], sector: "general", subjectsCount: 850_000 };

export function assess(answers: Answers, scope: Scope, questionnaire: Questionnaire = hostedCrm): AssessResult {
  return assessDataMap(deriveDataMap(questionnaire, answers, scope).dataMap);
}

/** Scores answers to the real questionnaire, with flows from the real residency engine unless given. */
export function score(answers: Answers, scope: Scope = europeanScope, extra: Partial<ScoreInput> = {}): ScoreResult {
  return scoreAssessment({ questionnaire: hostedCrm, answers, scope, residency: extra.residency ?? assess(answers, scope), asOf, ...extra });
}

export const noFlows: AssessResult = { rulesVersion: "test-rules", flows: [], flags: [] };

export function flow(input: Partial<Flow> & Pick<Flow, "verdict">): Flow {
  return {
    subject: "DE",
    party: "vendor",
    region: "DE",
    use: "storage",
    basis: `a ${input.verdict} test flow`,
    citations: ["GDPR Art. 44"],
    obligations: [],
    ...input,
  };
}

export function parseFixture(yaml: string): Questionnaire {
  const parsed = parseQuestionnaire(yaml, "scoring-fixture-1.0.0.yaml");
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}: ${e.message}`).join("\n"));
  return parsed.questionnaire;
}

const threeChoices = `
        choices:
          - { value: good, label: { en: Good }, risk: 0 }
          - { value: fair, label: { en: Fair }, risk: 50 }
          - { value: bad, label: { en: Bad }, risk: 100 }`;

/** A small questionnaire whose arithmetic a test can follow by hand. */
export const fixture = parseFixture(`
schema: ddq/v1
id: scoring-fixture
version: 1.0.0
status: draft
locales: [en]
title: { en: Scoring fixture }
sections:
  - id: a
    title: { en: Section A }
    weight: 3
    questions:
      - id: a.heavy
        type: single
        text: { en: Heavy question }
        required: true
        weight: 4${threeChoices}
        flags:
          - id: bad
            when: { q: a.heavy, op: eq, value: bad }
            severity: high
            text: { en: The heavy answer is bad. }
      - id: a.light
        type: single
        text: { en: Light question }
        required: true
        na_allowed: true
        weight: 1${threeChoices}
      - id: a.copies
        type: multi
        text: { en: Which copies leave the region? }
        weight: 2
        choices:
          - { value: none, label: { en: None }, exclusive: true, risk: 0 }
          - { value: cdn, label: { en: Edge caches }, risk: 30 }
          - { value: logs, label: { en: Logs }, risk: 40 }
          - { value: other, label: { en: Something else } }
      - id: a.note
        type: text
        text: { en: Anything else? }
        required: true
        weight: 2
      - id: a.followup
        type: single
        text: { en: Follow-up to a bad heavy answer }
        visible_if: { q: a.heavy, op: eq, value: bad }
        required_if: { q: a.heavy, op: eq, value: bad }
        weight: 3${threeChoices}
  - id: b
    title: { en: Section B }
    weight: 1
    questions:
      - id: b.parties
        type: table
        text: { en: Who handles our data? }
        required: true
        na_allowed: true
        weight: 2
        key_column: key
        columns:
          - { id: key, type: text, label: { en: Short name }, required: true }
          - id: access
            type: single
            label: { en: Access }
            required: true
            choices:
              - { value: hosts, label: { en: Hosts it }, risk: 60 }
              - { value: remote, label: { en: Reaches it remotely }, risk: 50 }
              - { value: none, label: { en: No access }, risk: 0 }
          - { id: own_use, type: bool, label: { en: Uses it for itself } }
        flags:
          - id: own-use
            when: { q: b.parties, column: own_use, op: eq, value: true }
            severity: critical
            knockout: true
            text: { en: A party uses our data for itself. }
      - id: b.notice_hours
        type: number
        unit: hours
        text: { en: Breach notice in hours }
        required: true
        weight: 1
        flags:
          - id: slow
            when: { q: b.notice_hours, op: gt, value: 72 }
            severity: medium
            text: { en: Breach notice may come after 72 hours. }
      - id: b.optional
        type: single
        text: { en: An optional question }
        weight: 2${threeChoices}
  - id: c
    title: { en: Section C }
    weight: 2
    questions:
      - id: c.yes_no
        type: bool
        text: { en: A yes or no question }
        required: true
        weight: 3
`);

/** A complete set of answers to the fixture, every one at its safest. */
export function fixtureAnswers(overrides: Answers = {}): Answers {
  return {
    "a.heavy": { value: "good" },
    "a.light": { value: "good" },
    "a.copies": { value: ["none"] },
    "a.note": { value: "Nothing." },
    "b.parties": { value: [{ key: "Host", access: "none", own_use: false }] },
    "b.notice_hours": { value: 24 },
    "b.optional": { value: "good" },
    "c.yes_no": { value: true },
    ...overrides,
  };
}

export function scoreFixture(answers: Answers, extra: Partial<ScoreInput> = {}): ScoreResult {
  return scoreAssessment({ questionnaire: fixture, answers, scope: europeanScope, residency: noFlows, asOf, ...extra });
}

export const tenths = (points: number): number => Math.round(points * 10);
export const sumTenths = (values: readonly number[]): number => values.reduce((sum, v) => sum + tenths(v), 0);

export function section(result: ScoreResult, id: string) {
  const found = result.sections.find((s) => s.sectionId === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

/** Checks, with messages naming the place, that every score is the exact sum of its lines. */
export function expectBreakdownsAddUp(result: ScoreResult): void {
  for (const s of result.sections) {
    if (s.score === null) {
      expect(s.contributions, s.sectionId).toEqual([]);
      continue;
    }
    expect(sumTenths(s.contributions.map((c) => c.worth)), `${s.sectionId} worth`).toBe(1000);
    expect(sumTenths(s.contributions.map((c) => c.points)), `${s.sectionId} points`).toBe(tenths(s.score));
    expect(1000 - sumTenths(s.contributions.map((c) => c.pointsLost)), `${s.sectionId} losses`).toBe(tenths(s.score));
    for (const c of s.contributions) {
      expect(tenths(c.points), c.questionId).toBe(tenths(c.worth) - tenths(c.pointsLost));
      const exact = (tenths(c.worth) * c.risk) / 100;
      expect([Math.floor(exact), Math.ceil(exact)], `${c.questionId} loses its risk share of its worth`).toContain(tenths(c.pointsLost));
      const exactWorth = (1000 * c.weight) / s.totalWeight;
      expect([Math.floor(exactWorth), Math.ceil(exactWorth)], `${c.questionId} worth`).toContain(tenths(c.worth));
    }
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(100);
  }

  const { control } = result;
  if (control.score === null) expect(control.breakdown).toEqual([]);
  else {
    expect(sumTenths(control.breakdown.map((b) => b.worth)), "section worths").toBe(1000);
    expect(sumTenths(control.breakdown.map((b) => b.points)), "control points").toBe(tenths(control.score));
    for (const b of control.breakdown) {
      expect(b.sectionScore, b.sectionId).toBe(section(result, b.sectionId).score);
      expect(tenths(b.points), b.sectionId).toBe(tenths(b.worth) - tenths(b.pointsLost));
      const exact = (tenths(b.worth) * (1000 - tenths(b.sectionScore))) / 1000;
      expect([Math.floor(exact), Math.ceil(exact)], b.sectionId).toContain(tenths(b.pointsLost));
    }
  }

  const { residency } = result;
  if (residency.score === null) expect(residency.flowCount).toBe(0);
  else {
    expect(1000 - sumTenths(residency.contributions.map((c) => c.pointsLost)), "residency").toBe(tenths(residency.score));
    expect(residency.contributions).toHaveLength(residency.flowCount - residency.byVerdict.permitted);
    for (const c of residency.contributions) {
      const exact = (tenths(c.worth) * c.penalty) / 100;
      expect([Math.floor(exact), Math.ceil(exact)], c.flowKey).toContain(tenths(c.pointsLost));
    }
  }

  const { inherent } = result;
  expect(inherent.factors.reduce((sum, f) => sum + f.points, 0), "inherent").toBe(inherent.score);
  expect(inherent.factors.reduce((sum, f) => sum + f.maxPoints, 0), "inherent maximum").toBe(100);
  for (const f of inherent.factors) expect(f.points, f.factor).toBeLessThanOrEqual(f.maxPoints);

  if (result.residual) {
    expect(sumTenths(result.residual.breakdown.map((p) => p.points)), "residual").toBe(tenths(result.residual.score));
    expect(result.residual.breakdown.reduce((sum, p) => sum + p.share, 0)).toBe(100);
    for (const p of result.residual.breakdown) {
      const exact = (tenths(p.input) * p.share) / 100;
      expect([Math.floor(exact), Math.ceil(exact)], p.part).toContain(tenths(p.points));
    }
  }
}

/** A small deterministic generator (mulberry32), so "random" answer sets are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A variation of a demo vendor's answers: some choices and yes/no answers
 * changed at random, some answers dropped, some marked N/A where allowed.
 */
export function varyAnswers(base: Answers, seed: number): Answers {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const answers: Answers = structuredClone(base);
  for (const question of hostedCrm.sections.flatMap((s) => s.questions)) {
    const roll = next();
    if (roll < 0.1) delete answers[question.id];
    else if (roll < 0.15 && question.na_allowed) answers[question.id] = { value: null, naReason: "Not used by this service." };
    else if (roll < 0.6 && question.type === "single") answers[question.id] = { value: pick(question.choices).value };
    else if (roll < 0.6 && question.type === "bool") answers[question.id] = { value: next() < 0.5 };
    else if (roll < 0.6 && question.type === "multi") {
      const open = question.choices.filter((c) => !c.exclusive);
      const exclusive = question.choices.filter((c) => c.exclusive);
      const values = exclusive.length > 0 && next() < 0.3 ? [pick(exclusive).value] : open.filter(() => next() < 0.4).map((c) => c.value);
      answers[question.id] = { value: values.length > 0 ? values : [pick(question.choices).value] };
    }
  }
  return answers;
}
