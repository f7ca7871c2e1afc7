import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireValidCsrf } from "~/auth/csrf.server";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { rescoreAssessment } from "~/assessments/score.server";
import { getDb } from "~/db.server";
import { readFormData } from "~/utils/form-data.server";
import { invariantResponse } from "~/utils/invariant";

// POST /assessments/:assessmentId/score: re-score under today's rules, as a
// new score version; the assessment page then shows it and what changed.
// Finalising is the legal reviewer's sign-off on the review page, which freezes
// the score in the same transaction (docs/decisions/012).

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
  if (intent === "finalise") return redirect(`/assessments/${params.assessmentId ?? ""}/review#sign-off-title`);
  invariantResponse(intent === "re-score", 'Say what to do: intent "re-score" (finalise on the review page).', { status: 400 });
  const actor = { userId: user.id, name: user.name };
  const db = getDb();
  const frozen = rescoreAssessment(db, organisation, assessmentId, actor);
  return redirect(`/assessments/${assessmentId}?scored=${frozen.version}#score`);
}
