import type { AssessResult } from "~/residency/types";
import { conditionSeverities, rejectingKnockouts, residualLevels } from "./method";
import { obligationConditions, type PartyNamer } from "./residency";
import type { Condition, Decision, Finding, ResidualRisk, TierResult } from "./types";

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.id);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const isRejectingKnockout = (f: Finding): boolean =>
  f.source === "knockout" && f.id.startsWith("flag:") && rejectingKnockouts.has(f.id.slice("flag:".length));
const isProhibitedFlow = (f: Finding): boolean => f.source === "flow" && f.id.startsWith("flow:prohibited:");

export function tierOf(residual: ResidualRisk, findings: readonly Finding[]): TierResult {
  const fromResidualRisk = residual.level;
  const at = residualLevels.findIndex((l) => l.level === fromResidualRisk);
  const floor = residualLevels[at]?.atLeast ?? 0;
  const above = residualLevels[at - 1]?.atLeast;
  const range = above === undefined ? `${floor} or more` : `${floor} to ${(above - 0.1).toFixed(1)}`;
  const reasons = [`Residual risk ${residual.score.toFixed(1)} is ${fromResidualRisk} (${range}).`];
  const knockouts = findings.filter((f) => f.source === "knockout");
  const prohibited = findings.filter(isProhibitedFlow);
  if (knockouts.length > 0) reasons.push(`Raised to high by ${plural(knockouts.length, "knockout answer", "knockout answers")}.`);
  if (prohibited.length > 0) reasons.push(`Raised to high by ${plural(prohibited.length, "prohibited flow", "prohibited flows")}.`);
  const tier = knockouts.length > 0 || prohibited.length > 0 ? "high" : fromResidualRisk;
  return { tier, fromResidualRisk, reasons };
}

export function decide(
  findings: readonly Finding[],
  residency: AssessResult,
  tier: TierResult,
  unanswered: readonly string[],
  nameOf: PartyNamer,
): Decision {
  const reasons: Decision["reasons"] = [];
  const conditions: Condition[] = [];
  const fromFinding = (f: Finding): Condition => ({ id: `condition:${f.id}`, text: `Before go-live, ${lowerFirst(f.remediation)}`, findingIds: [f.id] });

  for (const f of findings.filter(isProhibitedFlow)) reasons.push({ text: `Prohibited flow, which no safeguard cures: ${f.title}.`, findingIds: [f.id] });
  for (const f of findings.filter(isRejectingKnockout)) reasons.push({ text: `Unacceptable knockout answer: ${f.title}`, findingIds: [f.id] });
  const rejected = reasons.length > 0;

  const knockouts = findings.filter((f) => f.source === "knockout" && !isRejectingKnockout(f));
  if (knockouts.length > 0) {
    reasons.push({ text: `${plural(knockouts.length, "knockout answer", "knockout answers")} to put right before go-live.`, findingIds: ids(knockouts) });
    conditions.push(...knockouts.map(fromFinding));
  }

  const flowConditions = obligationConditions(residency, findings, nameOf);
  const flowFindings = findings.filter((f) => f.id.startsWith("flow:non-compliant:"));
  const covered = new Set(flowConditions.flatMap((c) => c.findingIds));
  conditions.push(...flowConditions);
  for (const f of flowFindings) if (!covered.has(f.id)) conditions.push(fromFinding(f));
  if (flowConditions.length > 0 || flowFindings.length > 0) {
    reasons.push({
      text: `${plural(flowFindings.length, "non-compliant flow group", "non-compliant flow groups")} and ${plural(flowConditions.length, "transfer obligation", "transfer obligations")} to meet.`,
      findingIds: ids(flowFindings),
    });
  }

  const policy = findings.filter((f) => f.source === "policy");
  if (policy.length > 0) {
    reasons.push({ text: `${plural(policy.length, "flow breaks", "flows break")} the buyer's own policy.`, findingIds: ids(policy) });
    conditions.push(...policy.map(fromFinding));
  }

  const serious = findings.filter((f) => f.source === "answer" && conditionSeverities.has(f.severity));
  if (serious.length > 0) {
    reasons.push({ text: `${plural(serious.length, "answer", "answers")} of high or critical severity.`, findingIds: ids(serious) });
    conditions.push(...serious.map(fromFinding));
  }

  if (unanswered.length > 0) {
    reasons.push({ text: `${plural(unanswered.length, "required question is", "required questions are")} unanswered.`, findingIds: ["answer:unanswered-required"] });
    conditions.push({
      id: "condition:unanswered-required",
      text: `Before the decision is signed, obtain answers to the required questions still open (${unanswered.join(", ")}) and score again.`,
      findingIds: ["answer:unanswered-required"],
    });
  }

  if (tier.tier === "high") {
    reasons.push({ text: "The risk tier is high.", findingIds: [] });
    conditions.push({
      id: "condition:accept-high-risk",
      text: "Before go-live, the risk owner records that they accept a high residual risk (ISO/IEC 27001:2022 6.1.3 f), and the vendor is reassessed within 12 months.",
      findingIds: [],
    });
  }

  const outcome = rejected ? "reject" : conditions.length > 0 ? "approve-with-conditions" : "approve";
  return { outcome, reasons: outcome === "approve" ? [] : reasons, conditions };
}
