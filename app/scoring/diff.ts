import { toPoints, toTenths } from "./points";
import type { Condition, DecisionOutcome, Finding, FindingSeverity, FindingSource, ScoreResult, Tier } from "./types";

export interface ScoreChange {
  from: number | null;
  to: number | null;
  /** to minus from; null when either side is not scored. */
  delta: number | null;
}

export interface FindingSummary {
  id: string;
  severity: FindingSeverity;
  source: FindingSource;
  title: string;
}

export interface ScoreDiff {
  changed: boolean;
  methodVersion: { from: string; to: string } | null;
  rulesVersion: { from: string; to: string } | null;
  questionnaire: { from: string; to: string } | null;
  status: { from: ScoreResult["status"]; to: ScoreResult["status"] } | null;
  decision: { from: DecisionOutcome | null; to: DecisionOutcome | null } | null;
  tier: { from: Tier | null; to: Tier | null } | null;
  scores: {
    control: ScoreChange | null;
    residency: ScoreChange | null;
    inherent: ScoreChange | null;
    residual: ScoreChange | null;
  };
  sections: ({ sectionId: string; title: string } & ScoreChange)[];
  findingsAdded: FindingSummary[];
  findingsRemoved: FindingSummary[];
  findingsChanged: (FindingSummary & { severityBefore: FindingSeverity })[];
  conditionsAdded: Condition[];
  conditionsRemoved: Condition[];
}

function change(from: number | null | undefined, to: number | null | undefined): ScoreChange | null {
  const a = from ?? null;
  const b = to ?? null;
  if (a === b) return null;
  return { from: a, to: b, delta: a === null || b === null ? null : toPoints(toTenths(b) - toTenths(a)) };
}

const same = <T>(from: T, to: T): { from: T; to: T } | null => (from === to ? null : { from, to });
const summary = ({ id, severity, source, title }: Finding): FindingSummary => ({ id, severity, source, title });
const pin = (r: ScoreResult): string => `${r.questionnaire.id}@${r.questionnaire.version} (${r.questionnaire.hash.slice(0, 12)})`;

/** What changed from one score of an assessment to the next, e.g. after re-scoring under newer rules. */
export function diffScores(previous: ScoreResult, next: ScoreResult): ScoreDiff {
  const before = new Map(previous.findings.map((f) => [f.id, f]));
  const after = new Map(next.findings.map((f) => [f.id, f]));
  const oldSections = new Map(previous.sections.map((s) => [s.sectionId, s]));
  const newIds = new Set(next.sections.map((s) => s.sectionId));
  const sections = [
    ...next.sections.map((s) => ({ sectionId: s.sectionId, title: s.title, change: change(oldSections.get(s.sectionId)?.score, s.score) })),
    ...previous.sections
      .filter((s) => !newIds.has(s.sectionId))
      .map((s) => ({ sectionId: s.sectionId, title: s.title, change: change(s.score, null) })),
  ].flatMap(({ change: c, ...s }) => (c ? [{ ...s, ...c }] : []));
  const oldConditions = new Map((previous.decision?.conditions ?? []).map((c) => [c.id, c]));
  const newConditions = new Map((next.decision?.conditions ?? []).map((c) => [c.id, c]));

  const diff: Omit<ScoreDiff, "changed"> = {
    methodVersion: same(previous.methodVersion, next.methodVersion),
    rulesVersion: same(previous.rulesVersion, next.rulesVersion),
    questionnaire: same(pin(previous), pin(next)),
    status: same(previous.status, next.status),
    decision: same(previous.decision?.outcome ?? null, next.decision?.outcome ?? null),
    tier: same(previous.tier?.tier ?? null, next.tier?.tier ?? null),
    scores: {
      control: change(previous.control.score, next.control.score),
      residency: change(previous.residency.score, next.residency.score),
      inherent: change(previous.inherent.score, next.inherent.score),
      residual: change(previous.residual?.score, next.residual?.score),
    },
    sections,
    findingsAdded: next.findings.filter((f) => !before.has(f.id)).map(summary),
    findingsRemoved: previous.findings.filter((f) => !after.has(f.id)).map(summary),
    findingsChanged: next.findings.flatMap((f) => {
      const old = before.get(f.id);
      return old && old.severity !== f.severity ? [{ ...summary(f), severityBefore: old.severity }] : [];
    }),
    conditionsAdded: [...newConditions.values()].filter((c) => !oldConditions.has(c.id)),
    conditionsRemoved: [...oldConditions.values()].filter((c) => !newConditions.has(c.id)),
  };
  const changed =
    [diff.methodVersion, diff.rulesVersion, diff.questionnaire, diff.status, diff.decision, diff.tier].some((d) => d !== null) ||
    Object.values(diff.scores).some((d) => d !== null) ||
    [diff.sections, diff.findingsAdded, diff.findingsRemoved, diff.findingsChanged, diff.conditionsAdded, diff.conditionsRemoved].some(
      (list) => list.length > 0,
    );
  return { changed, ...diff };
}
