import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireValidCsrf } from "~/auth/csrf.server";
import { assessors } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { answersLocked } from "~/models/answers.server";
import { MAX_WORKBOOK_BYTES } from "~/offline/limits";
import { checkWorkbookUpload, startAnswersImport } from "~/offline/workbook.server";
import { WorkbookSteps } from "~/ui/workbook-steps";
import { invariantResponse } from "~/utils/invariant";
import { readFormData } from "~/utils/form-data.server";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Answer offline · ${data.vendor.name} · Custodian` : "Answer offline · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: assessors });
  const { assessment } = requireAssessmentWorkspace(getDb(), organisation.id, params.assessmentId ?? "");
  return {
    assessmentId: assessment.id,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    locked: answersLocked(assessment.status),
    status: assessment.status,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const organisation = requireUserOrganisation(request, { roles: assessors });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const formData = await readFormData(request, MAX_WORKBOOK_BYTES + 64 * 1024);
  requireValidCsrf(request, formData);
  invariantResponse(!answersLocked(workspace.assessment.status), `This assessment is ${workspace.assessment.status}: its answers can no longer be changed`, {
    status: 409,
  });
  const upload = checkWorkbookUpload(formData.get("workbook"));
  if (!upload.ok) return data({ error: upload.message }, { status: 422 });
  const jobId = startAnswersImport(db, {
    organisation,
    user,
    workspace,
    bytes: Buffer.from(await upload.file.arrayBuffer()),
    fileName: upload.file.name,
  });
  throw redirect(`/assessments/${workspace.assessment.id}/imports/${jobId}`);
}

export default function AssessmentImportPage() {
  const { assessmentId, startedAt, vendor, locked, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/assessments/${assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={assessmentTrail(vendor, base, startedAt)} current="Answer offline" />
      <h1>Answer offline in a workbook</h1>
      <p className="lead">
        For vendors who would rather answer in Excel: one sheet per section, drop-down lists for choices, tables as
        blocks of rows, and the answers saved so far already filled in.
      </p>
      <WorkbookSteps workbookHref={`${base}/questionnaire.xlsx`} locked={locked} status={status} error={result?.error ?? null} />
    </>
  );
}
