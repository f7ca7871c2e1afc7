import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireValidCsrf } from "~/auth/csrf.server";
import { assessors } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { answersLocked } from "~/models/answers.server";
import { applyAnswersImport, discardAnswersImport, importPageData, requireAnswersImport, requireImportIntent } from "~/offline/workbook.server";
import { ImportJobView } from "~/ui/import-job-view";
import { readFormData } from "~/utils/form-data.server";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Workbook import · ${data.vendor.name} · Custodian` : "Workbook import · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const db = getDb();
  const { assessment } = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const { status, ...page } = importPageData(requireAnswersImport(db, user.organisationId, assessment.id, params.jobId ?? ""));
  return data(
    { assessmentId: assessment.id, startedAt: assessment.createdAt, vendor: assessment.vendor, locked: answersLocked(assessment.status), ...page },
    { status },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const intent = requireImportIntent(formData);
  const jobId = params.jobId ?? "";
  const base = `/assessments/${workspace.assessment.id}`;
  if (intent === "discard") {
    discardAnswersImport(db, { organisationId: user.organisationId, assessmentId: workspace.assessment.id, jobId, by: user.name });
    throw redirect(`${base}/import`);
  }
  applyAnswersImport(db, { organisationId: user.organisationId, workspace, jobId, answerer: { userId: user.id, name: user.name } });
  throw redirect(`${base}/imports/${jobId}`);
}

export default function AssessmentImportJobPage() {
  const { assessmentId, startedAt, vendor, locked, job, result, valid } = useLoaderData<typeof loader>();
  const base = `/assessments/${assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={[...assessmentTrail(vendor, base, startedAt), { to: `${base}/import`, label: "Answer offline" }]} current="Workbook import" />

      <ImportJobView
        job={job}
        result={result}
        valid={valid}
        locked={locked}
        uploadHref={`${base}/import`}
        answersHref={`${base}/answers`}
        answersLabel="See all the answers"
      />
    </>
  );
}
