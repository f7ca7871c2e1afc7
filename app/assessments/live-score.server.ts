import type { SignOffDecision } from "#db/schema";
import type { DB } from "#db/database";
import type { Category } from "~/datamap/schema";
import { listPolicyRules } from "~/models/policy-rules.server";
import type { Organisation } from "~/models/organisations.server";
import { evaluatePolicy } from "~/policy";
import { assessDataMap } from "~/residency";
import { scoreAssessment, type DecisionOutcome, type ScoreResult } from "~/scoring";
import { deriveAssessmentDataMap } from "./residency.server";
import type { AssessmentWorkspace } from "./workspace.server";

/** The score the answers give today: what the legal reviewer sees before signing. */
export function scoreWorkspace(db: DB, organisation: Organisation, workspace: AssessmentWorkspace, now = new Date()): ScoreResult {
  const { dataMap } = deriveAssessmentDataMap(workspace);
  const residency = assessDataMap(dataMap);
  const rules = listPolicyRules(db, organisation.id);
  const { scope } = workspace.assessment;
  return scoreAssessment({
    questionnaire: workspace.questionnaire,
    answers: workspace.answers,
    scope: {
      subjects: scope.subjects,
      categories: scope.categories as Category[],
      sector: scope.sector,
      ...(scope.subjectsCount != null ? { subjectsCount: scope.subjectsCount } : {}),
    },
    residency,
    policyFindings: evaluatePolicy(rules, dataMap),
    asOf: now.toISOString().slice(0, 10),
  });
}

const signOffOf: Record<DecisionOutcome, SignOffDecision> = {
  approve: "approved",
  "approve-with-conditions": "approved-with-conditions",
  reject: "rejected",
};

/** The sign-off a score recommends, in the words the sign-off records. */
export function recommendedSignOff(score: ScoreResult): SignOffDecision | null {
  return score.decision ? signOffOf[score.decision.outcome] : null;
}
