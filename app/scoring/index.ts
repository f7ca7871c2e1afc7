// Scoring: answers, flows and policy findings in; findings, scores, risk, tier
// and a recommended decision out. Pure: no Remix, no database, no clock.
export { scoreAssessment } from "./score";
export { CERTIFICATE_VALIDITY, certificateExpiries } from "./findings";
export { diffScores, type FindingSummary, type ScoreChange, type ScoreDiff } from "./diff";
export { flowKey } from "./residency";
export { METHOD_VERSION } from "./method";
export type * from "./types";
