import { regionLabel } from "~/geo/regions";
import type { AssessResult, Verdict } from "~/residency/types";
import type { DecisionOutcome, FindingSeverity, ScoreResult } from "~/scoring";
import { formatDate } from "~/ui/format";
import { verdictOrder, verdictWords } from "~/residency/words";
import { decisionLabels } from "./summary";

// Two to four vendors side by side, each by its latest scored assessment:
// every figure already in words, so the page and the PDF only lay it out.

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export interface ComparedVendor {
  vendorId: string;
  name: string;
  service: string;
  country: string | null;
  assessment: {
    id: string;
    status: string;
    createdAt: string;
    finalisedAt: string | null;
    /** Which assessment this is: the finalised one with its frozen score, or the latest, scored as it stands. */
    basis: "frozen" | "live";
  };
  decision: { outcome: DecisionOutcome | null; source: "sign-off" | "recommended" };
  nextReviewOn: string | null;
  score: ScoreResult;
  residency: AssessResult;
}

export interface ComparisonRow {
  label: string;
  cells: string[];
}

export interface RegionRow {
  subject: string;
  label: string;
  cells: { text: string; worst: Verdict | null }[];
}

export interface ComparisonModel {
  vendors: { id: string; name: string; service: string; assessmentId: string; assessmentLabel: string }[];
  summary: ComparisonRow[];
  sections: ComparisonRow[];
  regions: RegionRow[];
  knockouts: string[][];
  decisions: { label: string; reasons: string[]; conditions: string[] }[];
}

const severityOrder: readonly FindingSeverity[] = ["critical", "high", "medium", "low", "info"];

function one(value: number | null | undefined): string {
  return value === null || value === undefined ? "Not scored" : value.toFixed(1);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function decisionText(decision: ComparedVendor["decision"]): string {
  if (!decision.outcome) return "Not scored";
  const label = decisionLabels[decision.outcome];
  return decision.source === "sign-off" ? `${label} (signed off)` : `Recommended: ${label.toLowerCase()}`;
}

function assessmentLabel(v: ComparedVendor): string {
  const a = v.assessment;
  return a.finalisedAt ? `Finalised ${formatDate(a.finalisedAt)}` : `${a.status.replace(/-/g, " ")}, started ${formatDate(a.createdAt)}, scored as it stands`;
}

function findingCounts(score: ScoreResult): string {
  const counts = severityOrder
    .map((s) => [s, score.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return counts.length ? counts.join(", ") : "None";
}

function regionCell(residency: AssessResult, subject: string, inScope: boolean): { text: string; worst: Verdict | null } {
  if (!inScope) return { text: "Not in this assessment's scope", worst: null };
  const flows = residency.flows.filter((f) => f.subject === subject);
  if (flows.length === 0) return { text: "No flows", worst: null };
  const parts: string[] = [];
  let worst: Verdict | null = null;
  for (const verdict of verdictOrder) {
    const n = flows.filter((f) => f.verdict === verdict).length;
    if (n === 0) continue;
    parts.push(`${n} ${verdictWords[verdict].toLowerCase()}`);
    worst = verdict;
  }
  return { text: `${plural(flows.length, "flow")}: ${parts.join(", ")}`, worst };
}

export function buildComparison(vendors: readonly ComparedVendor[]): ComparisonModel {
  const cells = (f: (v: ComparedVendor) => string) => vendors.map(f);
  const summary: ComparisonRow[] = [
    { label: "Assessment", cells: cells(assessmentLabel) },
    { label: "Tier", cells: cells((v) => (v.score.tier ? `${v.score.tier.tier.charAt(0).toUpperCase()}${v.score.tier.tier.slice(1)}` : "Not scored")) },
    { label: "Decision", cells: cells((v) => decisionText(v.decision)) },
    { label: "Residual risk (100 is worst)", cells: cells((v) => (v.score.residual ? `${one(v.score.residual.score)} (${v.score.residual.level})` : "Not scored")) },
    { label: "Inherent risk (100 is worst)", cells: cells((v) => `${one(v.score.inherent.score)} (${v.score.inherent.level})`) },
    { label: "Control score (100 is best)", cells: cells((v) => one(v.score.control.score)) },
    { label: "Residency score (100 is best)", cells: cells((v) => one(v.score.residency.score)) },
    { label: "Findings", cells: cells((v) => findingCounts(v.score)) },
    { label: "Knockout answers", cells: cells((v) => String(v.score.findings.filter((f) => f.source === "knockout").length)) },
    { label: "Conditions", cells: cells((v) => String(v.score.decision?.conditions.length ?? 0)) },
    { label: "Next review", cells: cells((v) => (v.nextReviewOn ? formatDate(v.nextReviewOn) : "Not reviewed yet")) },
  ];

  const sectionOrder: { id: string; title: string }[] = [];
  for (const v of vendors) {
    for (const s of v.score.sections) if (!sectionOrder.some((o) => o.id === s.sectionId)) sectionOrder.push({ id: s.sectionId, title: s.title });
  }
  const sections = sectionOrder.map((section) => ({
    label: section.title,
    cells: cells((v) => {
      const s = v.score.sections.find((x) => x.sectionId === section.id);
      if (!s) return "Not asked";
      return s.score === null ? "Not scored" : one(s.score);
    }),
  }));

  const subjects: string[] = [];
  for (const v of vendors) for (const s of v.score.inherent.scope.subjects) if (!subjects.includes(s)) subjects.push(s);
  const regions = subjects.map((subject) => ({
    subject,
    label: regionLabel(subject),
    cells: vendors.map((v) => regionCell(v.residency, subject, v.score.inherent.scope.subjects.includes(subject))),
  }));

  return {
    vendors: vendors.map((v) => ({ id: v.vendorId, name: v.name, service: v.service, assessmentId: v.assessment.id, assessmentLabel: assessmentLabel(v) })),
    summary,
    sections,
    regions,
    knockouts: vendors.map((v) => v.score.findings.filter((f) => f.source === "knockout").map((f) => `${f.title} (${f.severity})`)),
    decisions: vendors.map((v) => ({
      label: decisionText(v.decision),
      reasons: v.score.decision?.reasons.map((r) => r.text) ?? [v.score.notScoredReason ?? "Not scored"],
      conditions: v.score.decision?.conditions.map((c) => c.text) ?? [],
    })),
  };
}

export type CompareQuery = { ok: true; vendorIds: string[] } | { ok: false; message: string };

/** `?vendor=ID&vendor=ID`: two to four different vendors. */
export function parseCompareQuery(params: URLSearchParams): CompareQuery {
  const ids = params.getAll("vendor").map((v) => v.trim()).filter((v) => v !== "");
  const unique = [...new Set(ids)];
  if (unique.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) return { ok: false, message: 'Parameter "vendor" must be vendor ids' };
  if (unique.length < MIN_COMPARED) return { ok: false, message: `Parameter "vendor": tick at least ${MIN_COMPARED} vendors to compare` };
  if (unique.length > MAX_COMPARED) return { ok: false, message: `Parameter "vendor": compare at most ${MAX_COMPARED} vendors at a time` };
  return { ok: true, vendorIds: unique };
}
