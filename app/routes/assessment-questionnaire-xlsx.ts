import type { LoaderFunctionArgs } from "@remix-run/node";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { questionnaireWorkbook } from "~/offline/workbook.server";

// The questionnaire as a workbook for answering offline, with the answers so far.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const { bytes, fileName } = await questionnaireWorkbook(db, organisation, workspace);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
