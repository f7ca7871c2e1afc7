import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUserOrganisation } from "~/auth/session.server";
import { loadAssessmentReport } from "~/assessments/report.server";
import { getDb } from "~/db.server";
import { ReportView } from "~/report/web/report-view";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.model.documentTitle}${data.model.draft ? " (draft)" : ""} · Custodian` : "Report · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request);
  const assessmentId = params.assessmentId ?? "";
  const { model, version } = loadAssessmentReport(getDb(), organisation, assessmentId);
  return { assessmentId, model, version };
}

export default function AssessmentReportPage() {
  const { assessmentId, model } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs trail={[{ to: "/", label: "Vendors" }, { to: `/assessments/${assessmentId}`, label: "Assessment" }]} current="Report" />
      <p className="report-actions no-print">
        <a href={`/assessments/${assessmentId}/report.pdf`} download={model.fileName}>
          Download the PDF
        </a>
      </p>
      <ReportView model={model} />
    </>
  );
}
