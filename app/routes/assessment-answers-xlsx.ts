import type { LoaderFunctionArgs } from "@remix-run/node";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { answersXlsx } from "~/offline/answers-export";
import { assessmentExportInput, download, exportFileName } from "~/offline/exports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const input = assessmentExportInput(db, organisation, workspace);
  return download(
    await answersXlsx(input),
    exportFileName(workspace, "answers", "xlsx"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
}
