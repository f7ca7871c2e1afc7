import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireValidCsrf } from "~/auth/csrf.server";
import { getDb } from "~/db.server";
import { answersLocked } from "~/models/answers.server";
import { markStartedByVendor } from "~/models/workflow.server";
import { applyAnswersImport, discardAnswersImport, importPageData, requireAnswersImport, requireImportIntent } from "~/offline/workbook.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { portalPath } from "~/portal/paths";
import { requirePortalWorkspace } from "~/portal/workspace.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { ImportJobView } from "~/ui/import-job-view";
import { readFormData } from "~/utils/form-data.server";

export const handle = { portal: true };
export const headers: HeadersFunction = () => portalHeaders;
export const meta: MetaFunction = () => [{ title: "Workbook import · Vendor portal" }];

// A workbook the contact uploaded through their own link: only they see it.
export function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const { assessment } = requirePortalWorkspace(db, link);
  const { status, ...page } = importPageData(requireAnswersImport(db, link.organisationId, assessment.id, params.jobId ?? "", link.invitationId));
  return data({ token: link.token, locked: answersLocked(assessment.status), ...page }, { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const intent = requireImportIntent(formData);
  const jobId = params.jobId ?? "";
  const scope = { organisationId: link.organisationId, jobId, invitationId: link.invitationId };
  if (intent === "discard") {
    discardAnswersImport(db, { ...scope, assessmentId: link.assessmentId, by: link.actor.name });
    throw redirect(portalPath(link, "/import"));
  }
  const applied = applyAnswersImport(db, { ...scope, workspace, answerer: { userId: null, name: link.actor.name } });
  if (applied.saved.length > 0) markStartedByVendor(db, { organisationId: link.organisationId, assessmentId: link.assessmentId, actor: link.actor });
  throw redirect(portalPath(link, `/imports/${jobId}`));
}

export default function PortalImportJobPage() {
  const { token, locked, job, result, valid } = useLoaderData<typeof loader>();
  const at = (path = "") => portalPath({ token }, path);
  return (
    <>
      <Breadcrumbs trail={[{ to: at(), label: "Your questionnaire" }, { to: at("/import"), label: "Answer in a workbook" }]} current="Workbook import" />
      <ImportJobView
        job={job}
        result={result}
        valid={valid}
        locked={locked}
        uploadHref={at("/import")}
        answersHref={at("/check")}
        answersLabel="Check your answers"
      />
    </>
  );
}
