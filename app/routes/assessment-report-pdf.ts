import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUserOrganisation } from "~/auth/session.server";
import { loadAssessmentReport, reportPdfResponse } from "~/assessments/report.server";
import { getDb } from "~/db.server";

// GET /assessments/:assessmentId/report.pdf: the report as a PDF download (a
// resource route: the bytes come from renderReportPdf, a pure function).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request);
  const { model } = loadAssessmentReport(getDb(), organisation, params.assessmentId ?? "");
  return reportPdfResponse(model);
}
