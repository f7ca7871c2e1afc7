import { sha256Hex } from "~/questionnaire/hash";
import { decide, tierOf } from "./decision";
import { datedFindings, flagFindings, policyFindings, unansweredFinding } from "./findings";
import { METHOD_VERSION, severityRank } from "./method";
import { flowFindings, partyNamer, residencyFlagFindings, scoreResidency } from "./residency";
import { inherentRisk, residualRisk } from "./risk";
import { scoreSections } from "./sections";
import type { Finding, FindingSource, ScoreInput, ScoreResult } from "./types";

const sourceRank: Readonly<Record<FindingSource, number>> = { knockout: 0, flow: 1, policy: 2, answer: 3 };

/** "s3" before "s12": digit runs compare as numbers, the rest by code point (no locale, so no ICU differences). */
export function compareIds(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) return Number(p) - Number(q) || (p < q ? -1 : 1);
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

function compareFindings(a: Finding, b: Finding): number {
  return severityRank[a.severity] - severityRank[b.severity] || sourceRank[a.source] - sourceRank[b.source] || compareIds(a.id, b.id);
}

function uniqueById(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()];
}

export function scoreAssessment(input: ScoreInput): ScoreResult {
  const { questionnaire, answers, scope, residency: assessed, asOf } = input;
  const { sections, control, completeness } = scoreSections(questionnaire, answers);
  const residency = scoreResidency(assessed);
  const inherent = inherentRisk(scope);
  const nameOf = partyNamer(input.partyNames);

  const findings = uniqueById([
    ...flagFindings(questionnaire, answers),
    ...datedFindings(questionnaire, answers, asOf),
    ...unansweredFinding(completeness.unansweredRequired),
    ...flowFindings(assessed, nameOf),
    ...residencyFlagFindings(assessed, (text) => sha256Hex(text).slice(0, 12)),
    ...policyFindings(input.policyFindings ?? []),
  ]).sort(compareFindings);

  const base = {
    methodVersion: METHOD_VERSION,
    asOf,
    questionnaire: { id: questionnaire.id, version: questionnaire.version, hash: questionnaire.hash },
    rulesVersion: assessed.rulesVersion,
    completeness,
    findings,
    sections,
    control,
    residency,
    inherent,
  };

  if (control.score === null) {
    const notScoredReason =
      completeness.scorableAnswered === 0
        ? "No question that carries risk points has been answered yet."
        : "Every answered question that carries risk points is marked not applicable.";
    return { ...base, status: "not-scored", notScoredReason, residual: null, tier: null, decision: null };
  }

  const residual = residualRisk(inherent.score, control.score, residency.score);
  const tier = tierOf(residual, findings);
  const decision = decide(findings, assessed, tier, completeness.unansweredRequired, nameOf);
  return { ...base, status: "scored", notScoredReason: null, residual, tier, decision };
}
