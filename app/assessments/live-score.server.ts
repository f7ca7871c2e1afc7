import type { SignOffDecision } from "#db/schema";
import type { DB } from "#db/database";
import type { Organisation } from "~/models/organisations.server";
import type { DecisionOutcome, ScoreResult } from "~/scoring";
import { scoreLive } from "./score.server";
import type { AssessmentWorkspace } from "./workspace.server";

/** The score the answers give today: what the legal reviewer sees before signing. */
export function scoreWorkspace(db: DB, organisation: Organisation, workspace: AssessmentWorkspace, now = new Date()): ScoreResult {
  return scoreLive(db, organisation, workspace, now).score;
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
