import type { Category, DataMapSector, LocationUse, Region, Scope } from "~/datamap/schema";
import type { PolicyFinding } from "~/policy/types";
import type { Answers } from "~/questionnaire/answers";
import type { Questionnaire } from "~/questionnaire/types";
import type { AssessResult, Verdict } from "~/residency/types";

// A ScoreResult is plain JSON: the report renders it as it is, and a stored
// result can be compared with a later one (diffScores). Every score carries the
// lines it was made of; points are numbers with one decimal and the lines add up
// exactly (docs/scoring.md, "Rounding").

export interface ScoreInput {
  questionnaire: Questionnaire;
  answers: Answers;
  scope: Scope;
  residency: AssessResult;
  policyFindings?: readonly PolicyFinding[];
  /** The assessment date, YYYY-MM-DD: dated answers (last restore test, certificates) are judged against it. */
  asOf: string;
  /** Legal names by DataMap party id, so findings and conditions name "Twilio Inc." rather than "sendgrid". */
  partyNames?: Readonly<Record<string, string>>;
}

export type FindingSeverity = "info" | "low" | "medium" | "high" | "critical";
export type FindingSource = "answer" | "flow" | "policy" | "knockout";

export interface FindingReferences {
  controls: string[];
  citations: string[];
  questions: string[];
  flows: string[];
  policyRules: string[];
}

export interface Finding {
  /** Stable across re-scoring while its cause stays the same, e.g. "flag:s1.pinning#no-pinning". */
  id: string;
  severity: FindingSeverity;
  source: FindingSource;
  title: string;
  detail: string;
  remediation: string;
  references: FindingReferences;
}

/** What set a line's risk: a choice ticked ("yes" or "no" for a yes/no question), or the choices not ticked. */
export interface RiskFrom {
  choice?: string;
  /** Choices whose missing_risk counted, in the questionnaire's order. */
  missing?: string[];
  row?: number;
  rowKey?: string;
  column?: string;
}

/** One scored question of a section: worth = its share of 100; points = worth - pointsLost. */
export interface QuestionContribution {
  questionId: string;
  text: string;
  weight: number;
  worth: number;
  status: "answered" | "unanswered";
  /** 0 (safest) to 100; an unanswered required question counts as 100. */
  risk: number;
  answer: string;
  riskFrom: RiskFrom | null;
  pointsLost: number;
  points: number;
}

export interface ExcludedQuestion {
  questionId: string;
  weight: number;
  reason: "not-applicable" | "optional-unanswered";
}

export interface SectionScore {
  sectionId: string;
  title: string;
  weight: number;
  /** 0 to 100, 100 being every scored answer at its safest; null when nothing in the section is scorable. */
  score: number | null;
  notScoredReason: string | null;
  totalWeight: number;
  contributions: QuestionContribution[];
  excluded: ExcludedQuestion[];
}

export interface SectionContribution {
  sectionId: string;
  title: string;
  weight: number;
  sectionScore: number;
  worth: number;
  pointsLost: number;
  points: number;
}

export interface ControlScore {
  score: number | null;
  totalWeight: number;
  breakdown: SectionContribution[];
}

export interface FlowContribution {
  /** "<subject>:<party>:<region>:<use>" */
  flowKey: string;
  index: number;
  subject: Region;
  party: string;
  region: Region;
  use: LocationUse;
  verdict: Verdict;
  basis: string;
  citations: string[];
  obligations: string[];
  worth: number;
  penalty: number;
  pointsLost: number;
}

export interface ResidencyScore {
  /** 100 minus the points lost by the flows listed; null when no flow was judged. */
  score: number | null;
  notScoredReason: string | null;
  rulesVersion: string;
  flowCount: number;
  byVerdict: Record<Verdict, number>;
  /** Every flow that is not plainly permitted. Permitted flows lose nothing. */
  contributions: FlowContribution[];
}

export type InherentFactorId = "categories" | "further-categories" | "sector" | "people" | "regions" | "regimes";

export interface InherentFactor {
  factor: InherentFactorId;
  label: string;
  detail: string;
  points: number;
  maxPoints: number;
}

export type RiskLevel = "low" | "medium" | "high";

export interface InherentRisk {
  score: number;
  level: RiskLevel;
  factors: InherentFactor[];
  scope: { subjects: Region[]; categories: Category[]; sector: DataMapSector; subjectsCount: number | null };
}

export interface ResidualPart {
  part: "inherent" | "control-gap" | "residency-gap";
  label: string;
  input: number;
  share: number;
  points: number;
  note: string | null;
}

export interface ResidualRisk {
  score: number;
  level: RiskLevel;
  breakdown: ResidualPart[];
}

export type Tier = "low" | "medium" | "high";

export interface TierResult {
  tier: Tier;
  /** The tier the residual risk alone gives; knockouts and prohibited flows raise it to high. */
  fromResidualRisk: Tier;
  reasons: string[];
}

export type DecisionOutcome = "approve" | "approve-with-conditions" | "reject";

export interface Condition {
  id: string;
  text: string;
  findingIds: string[];
}

export interface Decision {
  outcome: DecisionOutcome;
  reasons: { text: string; findingIds: string[] }[];
  /** What has to be done before go-live; also listed on a rejection, for a later reassessment. */
  conditions: Condition[];
}

export interface Completeness {
  required: number;
  requiredAnswered: number;
  unansweredRequired: string[];
  scorable: number;
  scorableAnswered: number;
}

export interface ScoreResult {
  methodVersion: string;
  status: "scored" | "not-scored";
  notScoredReason: string | null;
  asOf: string;
  questionnaire: { id: string; version: string; hash: string };
  rulesVersion: string;
  completeness: Completeness;
  findings: Finding[];
  sections: SectionScore[];
  control: ControlScore;
  residency: ResidencyScore;
  inherent: InherentRisk;
  residual: ResidualRisk | null;
  tier: TierResult | null;
  decision: Decision | null;
}
