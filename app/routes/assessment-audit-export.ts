import type { LoaderFunctionArgs } from "@remix-run/node";
import { toAuditRecord } from "~/audit/export-format";
import { readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { getAssessment } from "~/models/assessments.server";
import { listAssessmentTrail } from "~/models/audit-trail.server";
import { invariantResponse } from "~/utils/invariant";

// One assessment's trail as JSON lines in the format of `npm run audit:export`.
// Each line carries its own and its predecessor's hash; the rows of other
// assessments in between are not included, so the whole chain is checked with
// audit:verify on the full export.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const assessment = getAssessment(db, user.organisationId, params.assessmentId ?? "");
  invariantResponse(assessment, "Assessment not found", { status: 404 });
  const lines = listAssessmentTrail(db, user.organisationId, assessment.id).map(({ intact: _intact, ...row }) => JSON.stringify(toAuditRecord(row)));
  return new Response(lines.join("\n") + (lines.length > 0 ? "\n" : ""), {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-trail-${assessment.id}.jsonl"`,
      "Cache-Control": "private, no-store",
    },
  });
}
