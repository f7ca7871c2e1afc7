import type { DataMap, Scope } from "~/datamap/schema";
import type { DisplayAnswer } from "~/answering/display";
import type { PolicyFinding } from "~/policy/types";
import type { Questionnaire } from "~/questionnaire";
import type { AssessResult, Source, Verdict } from "~/residency/types";
import type { DecisionOutcome, FindingSeverity, ScoreResult, Tier } from "~/scoring";
import type { PictureGroup, PictureLayout } from "./flow-layout";

// The report's input is everything frozen with a score version; its output, the
// ReportModel, is plain data with every word and number already formatted, so
// the PDF and the web page only lay it out (shared/DESIGN.md: "Reports render
// one scored assessment; they compute nothing of their own").

/** The catalogue facts a report cites, frozen with the score so a later catalogue does not change an old report. */
export interface CatalogueInfo {
  rulesVersion: string;
  jurisdictions: {
    code: string;
    name: string;
    reviewed: string;
    regulator: { name: string; url: string };
    sources: Source[];
  }[];
}

export interface ReportAnswer {
  value: unknown;
  naReason: string | null;
  answeredBy?: string;
  /** ISO 8601. */
  answeredAt?: string;
}

/** An uploaded evidence file, as listed in the answers appendix (the bytes stay in the evidence store). */
export interface ReportEvidenceFile {
  questionId: string;
  fileName: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  /** ISO 8601. */
  uploadedAt: string;
  purged: boolean;
}

/** Who finalised or re-scored, and when: present for a frozen score version, absent for a live draft. */
export interface ReportVersion {
  number: number;
  reason: "finalised" | "re-scored";
  /** ISO 8601. */
  createdAt: string;
  createdBy: string;
}

export interface AssessmentReportInput {
  version: ReportVersion | null;
  /** When the report's figures were computed, ISO 8601; for a version, its creation. */
  issuedAt: string;
  buyer: { name: string };
  vendor: { name: string; service: string; country: string | null };
  assessment: { id: string; createdAt: string; submittedAt: string | null };
  questionnaire: Questionnaire;
  scope: Scope;
  answers: Record<string, ReportAnswer>;
  evidenceFiles: ReportEvidenceFile[];
  dataMap: DataMap | null;
  derivationNotes: string[];
  residency: AssessResult;
  /** The verify notes each flow's verdict relies on, in the order of residency.flows. */
  verifyNotes: string[][];
  policyFindings: PolicyFinding[];
  score: ScoreResult;
  catalogue: CatalogueInfo;
}

export interface DataMapReportInput {
  /** ISO 8601. */
  issuedAt: string;
  /** Names the map in the report, e.g. the input file's name. */
  label: string;
  dataMap: DataMap;
  residency: AssessResult;
  catalogue: CatalogueInfo;
}

// ---- The model ----

export interface LabelValue {
  label: string;
  value: string;
}

/** A table with its numbers already printed; `align` per column. */
export interface ReportTable {
  caption: string;
  columns: { header: string; align: "left" | "right"; /** share of the width, summing to 1 */ width: number }[];
  rows: string[][];
  /** A closing line, e.g. the total the rows add up to. */
  total?: string[];
}

export interface CoverModel {
  title: string;
  subtitle: string;
  facts: LabelValue[];
  decision: { outcome: DecisionOutcome | null; label: string } | null;
  tier: { tier: Tier | null; label: string } | null;
}

export interface ChecklistItem {
  done: boolean;
  /** What to do, in words. */
  text: string;
  /** Which flows or findings it is for. */
  detail: string;
}

export interface SummarySection {
  kind: "summary";
  id: string;
  title: string;
  decision: string;
  paragraphs: string[];
  reasons: string[];
  figures: LabelValue[];
  conditions: ChecklistItem[];
}

export interface RiskSection {
  kind: "risk";
  id: string;
  title: string;
  headline: string;
  paragraphs: string[];
  tables: ReportTable[];
}

export interface ChartSection {
  kind: "chart";
  id: string;
  title: string;
  caption: string;
  bars: { label: string; /** 0 to 1, null when not scored */ fraction: number | null; value: string }[];
  note: string | null;
}

export interface PictureSection {
  kind: "picture";
  id: string;
  title: string;
  caption: string;
  groups: PictureGroup[];
  layout: PictureLayout;
  legend: { verdict: Verdict; label: string }[];
  empty: string | null;
}

export interface FlowRowModel {
  verdict: Verdict;
  verdictLabel: string;
  destination: string;
  use: string;
  party: string;
  via: string;
  basis: string;
  citations: string;
  obligations: string;
  verify: string[];
}

export interface FlowsSection {
  kind: "flows";
  id: string;
  title: string;
  intro: string;
  counts: string;
  groups: { subject: string; heading: string; rows: FlowRowModel[] }[];
  notes: string[];
  flags: { severity: string; text: string; citations: string }[];
  policy: { heading: string; notice: string; rows: { rule: string; severity: string; flow: string; text: string }[] } | null;
}

export interface FindingsSection {
  kind: "findings";
  id: string;
  title: string;
  intro: string;
  groups: {
    severity: FindingSeverity;
    heading: string;
    items: { id: string; title: string; source: string; detail: string; remediation: string; references: string }[];
  }[];
}

export interface ObligationsSection {
  kind: "obligations";
  id: string;
  title: string;
  intro: string;
  groups: { heading: string; items: ChecklistItem[] }[];
}

export interface TiaSection {
  kind: "tia";
  id: string;
  title: string;
  intro: string;
  notes: {
    heading: string;
    status: string;
    steps: { title: string; lines: string[] }[];
  }[];
}

export interface AnswersSection {
  kind: "answers";
  id: string;
  title: string;
  intro: string;
  sections: { title: string; questions: { id: string; text: string; answer: DisplayAnswer }[] }[];
  evidence: { question: string; items: string[] }[];
}

export interface SourcesSection {
  kind: "sources";
  id: string;
  title: string;
  facts: LabelValue[];
  jurisdictions: { heading: string; lines: { text: string; url: string }[] }[];
}

export interface SignOffSection {
  kind: "signoff";
  id: string;
  title: string;
  statement: string;
  record: string;
  signatories: string[];
  fields: string[];
}

export type ReportSection =
  | SummarySection
  | RiskSection
  | ChartSection
  | PictureSection
  | FlowsSection
  | FindingsSection
  | ObligationsSection
  | TiaSection
  | AnswersSection
  | SourcesSection
  | SignOffSection;

export interface ReportModel {
  kind: "assessment" | "data-map" | "comparison";
  /** Names this report among all others (assessment and score version, or the DataMap's hash): the PDF's file ID. Else the file name and date do. */
  id?: string;
  /** "Vendor risk report: Northwind CRM GmbH" */
  documentTitle: string;
  /** A safe download name, e.g. "custodian-northwind-crm-gmbh-2026-11-10-v1.pdf". */
  fileName: string;
  /** ISO 8601: the PDF's dates unless SOURCE_DATE_EPOCH says otherwise. */
  issuedAt: string;
  /** "Draft: not finalised", on every page of a live report. */
  draft: string | null;
  /** Printed at the foot of every page. */
  footer: string;
  cover: CoverModel;
  sections: ReportSection[];
}


