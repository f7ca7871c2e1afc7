import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireValidCsrf } from "~/auth/csrf.server";
import { getDb } from "~/db.server";
import { answersLocked } from "~/models/answers.server";
import { MAX_WORKBOOK_BYTES } from "~/offline/limits";
import { checkWorkbookUpload, startAnswersImport } from "~/offline/workbook.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { portalPath } from "~/portal/paths";
import { requirePortalWorkspace } from "~/portal/workspace.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";
import { WorkbookSteps } from "~/ui/workbook-steps";
import { invariantResponse } from "~/utils/invariant";
import { readFormData } from "~/utils/form-data.server";

export const handle = { portal: true };
export const headers: HeadersFunction = () => portalHeaders;
export const meta: MetaFunction = () => [{ title: "Answer in a workbook · Vendor portal" }];

export function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const { assessment } = requirePortalWorkspace(getDb(), link);
  return { token: link.token, status: assessment.status, locked: answersLocked(assessment.status) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const formData = await readFormData(request, MAX_WORKBOOK_BYTES + 64 * 1024);
  requireValidCsrf(request, formData);
  invariantResponse(!answersLocked(workspace.assessment.status), "You have submitted your answers: they can no longer be changed", { status: 409 });
  const upload = checkWorkbookUpload(formData.get("workbook"));
  if (!upload.ok) return data({ error: upload.message }, { status: 422 });
  const jobId = startAnswersImport(db, {
    organisation: { id: link.organisationId },
    user: { id: null, name: link.actor.name, invitationId: link.invitationId },
    workspace,
    bytes: Buffer.from(await upload.file.arrayBuffer()),
    fileName: upload.file.name,
  });
  throw redirect(portalPath(link, `/imports/${jobId}`));
}

export default function PortalImportPage() {
  const { token, status, locked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const at = (path = "") => portalPath({ token }, path);
  return (
    <>
      <Breadcrumbs trail={[{ to: at(), label: "Your questionnaire" }]} current="Answer in a workbook" />
      <h1>Answer in a workbook</h1>
      <p className="lead">
        If you would rather answer in Excel: one sheet per section, drop-down lists for choices, tables as blocks of
        rows, and your answers so far already filled in. You see every change before anything is saved, and you can
        go on answering here at any time.
      </p>
      <WorkbookSteps workbookHref={at("/questionnaire.xlsx")} locked={locked} status={status} error={result?.error ?? null} />
    </>
  );
}
