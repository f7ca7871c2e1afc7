import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { sectionBodyLimit, submitSectionWithEvidence } from "~/answering/evidence.server";
import type { SectionResult } from "~/answering/form-state";
import { SectionForm, SectionHeading, SectionNav } from "~/answering/section-form";
import { canContinue, loadSectionView, sectionResultStatus } from "~/answering/section.server";
import { requireValidCsrf } from "~/auth/csrf.server";
import { questionThreads } from "~/assessments/collaboration.server";
import { getDb } from "~/db.server";
import { markStartedByVendor } from "~/models/workflow.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { portalPath, VENDOR_LABEL } from "~/portal/paths";
import { requirePortalWorkspace } from "~/portal/workspace.server";
import workflowStyles from "~/styles/workflow.css?url";
import { formatDate } from "~/ui/format";
import { QuestionNote } from "~/ui/question-note";
import { readFormData } from "~/utils/form-data.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const handle = { portal: true };
export const headers: HeadersFunction = () => portalHeaders;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.sectionTitle} · Vendor portal` : "Vendor portal" }];

export function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  return {
    token: link.token,
    view: loadSectionView(db, workspace, params.sectionId ?? "", { vendorLabel: VENDOR_LABEL }),
    threads: questionThreads(db, { organisationId: link.organisationId, assessmentId: link.assessmentId, audience: "vendor" }),
    submittedAt: workspace.assessment.submittedAt?.toISOString() ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const formData = await readFormData(request, sectionBodyLimit(request));
  requireValidCsrf(request, formData);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const { result, nextSectionId } = await submitSectionWithEvidence(db, {
    organisationId: link.organisationId,
    workspace,
    sectionId: params.sectionId ?? "",
    answerer: { userId: null, name: link.actor.name },
    actor: link.actor,
    formData,
  });
  if (result.saved.length > 0) markStartedByVendor(db, { organisationId: link.organisationId, assessmentId: link.assessmentId, actor: link.actor });
  if (canContinue(result)) throw redirect(portalPath(link, nextSectionId ? `/sections/${nextSectionId}` : "/check"));
  return data(result, { status: sectionResultStatus(result) });
}

export default function PortalSectionPage() {
  const { token, view, threads, submittedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SectionResult | undefined;
  const at = (path = "") => portalPath({ token }, path);
  return (
    <>
      <Breadcrumbs trail={[{ to: at(), label: "Your questionnaire" }]} current={view.sectionTitle} />
      <div className="answering-layout">
        <div className="answering-layout__main">
          <SectionHeading view={view} />
          {view.locked ? (
            <div className="notice notice--warning">
              <p>
                You submitted your answers{submittedAt ? ` on ${formatDate(submittedAt)}` : ""}. They can no longer be changed here.
              </p>
              <p>
                <Link to={at("/check")}>See all your answers</Link>
              </p>
            </div>
          ) : (
            <SectionForm
              key={`${view.assessmentId}/${view.section.id}`}
              view={view}
              result={result}
              action={at(`/sections/${view.section.id}`)}
              fileHref={(evidenceId) => at(`/evidence/${evidenceId}`)}
              questionNotes={Object.fromEntries(
                view.section.questions.map((q) => [
                  q.id,
                  <QuestionNote key={q.id} thread={threads[q.id]} href={at(`/questions/${q.id}`)} audience="vendor" />,
                ]),
              )}
            />
          )}
          <p>
            {view.previousSectionId ? <Link to={at(`/sections/${view.previousSectionId}`)}>Previous section</Link> : null}
            {view.previousSectionId ? " · " : null}
            <Link to={at("/check")}>Check your answers</Link>
          </p>
        </div>
        <SectionNav view={view} sectionHref={(id) => at(`/sections/${id}`)} />
      </div>
    </>
  );
}
