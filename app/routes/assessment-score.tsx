import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireValidCsrf } from "~/auth/csrf.server";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { finaliseAssessment, rescoreAssessment } from "~/assessments/score.server";
import { getDb } from "~/db.server";
import { readFormData } from "~/utils/form-data.server";
import { invariantResponse } from "~/utils/invariant";

// POST /assessments/:assessmentId/score: finalise (freezing the score) or
// re-score under today's rules. Both make a new score version; the assessment
// page then shows it and what changed.

const legalReviewers = ["admin", "legal-reviewer"] as const;

export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/assessments/${params.assessmentId ?? ""}#score`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: legalReviewers });
  const organisation = requireUserOrganisation(request, { roles: legalReviewers });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const assessmentId = params.assessmentId ?? "";
  const intent = formData.get("intent");
  invariantResponse(intent === "finalise" || intent === "re-score", 'Say what to do: intent "finalise" or "re-score".', { status: 400 });
  const actor = { userId: user.id, name: user.name };
  const db = getDb();
  const frozen = intent === "finalise" ? finaliseAssessment(db, organisation, assessmentId, actor) : rescoreAssessment(db, organisation, assessmentId, actor);
  return redirect(`/assessments/${assessmentId}?scored=${frozen.version}#score`);
}
