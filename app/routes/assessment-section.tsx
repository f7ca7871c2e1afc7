import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { SectionResult } from "~/answering/form-state";
import { SectionForm, SectionHeading, SectionNav } from "~/answering/section-form";
import { sectionBodyLimit, submitSectionWithEvidence } from "~/answering/evidence.server";
import { canContinue, loadSectionView, sectionResultStatus, type SectionView } from "~/answering/section.server";
import { questionThreads } from "~/assessments/collaboration.server";
import { requireValidCsrf } from "~/auth/csrf.server";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { userActor } from "~/models/workflow.server";
import { QuestionNote } from "~/ui/question-note";
import { readFormData } from "~/utils/form-data.server";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.sectionTitle} · ${data.vendorName} · Custodian` : "Section · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const view: SectionView = loadSectionView(db, workspace, params.sectionId ?? "");
  const { assessment } = workspace;
  return {
    view,
    canAnswer: hasRole(user.role, assessors),
    threads: questionThreads(db, { organisationId: user.organisationId, assessmentId: assessment.id, audience: "buyer" }),
    vendorId: assessment.vendor.id,
    vendorName: assessment.vendor.name,
    startedAt: assessment.createdAt,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const formData = await readFormData(request, sectionBodyLimit(request));
  requireValidCsrf(request, formData);
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const { result, nextSectionId } = await submitSectionWithEvidence(db, {
    organisationId: user.organisationId,
    workspace,
    sectionId: params.sectionId ?? "",
    answerer: { userId: user.id, name: user.name },
    actor: userActor(user),
    formData,
  });
  if (canContinue(result)) {
    const base = `/assessments/${workspace.assessment.id}`;
    throw redirect(nextSectionId ? `${base}/sections/${nextSectionId}` : `${base}/answers`);
  }
  return data(result, { status: sectionResultStatus(result) });
}

export default function AssessmentSectionPage() {
  const { view, canAnswer, threads, vendorId, vendorName, startedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SectionResult | undefined;
  const base = `/assessments/${view.assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={assessmentTrail({ id: vendorId, name: vendorName }, base, startedAt)} current={view.sectionTitle} />
      <div className="answering-layout">
        <div className="answering-layout__main">
          <SectionHeading view={view} />
          {view.locked ? (
            <div className="notice notice--warning">
              <p>This assessment has been submitted: its answers can no longer be changed here.</p>
              <p>
                <Link to={`${base}/answers`}>See all the answers</Link>
              </p>
            </div>
          ) : !canAnswer ? (
            <div className="notice">
              <p>Your role can read this assessment but not change its answers.</p>
              <p>
                <Link to={`${base}/answers`}>See all the answers</Link>
              </p>
            </div>
          ) : (
            <SectionForm
              key={`${view.assessmentId}/${view.section.id}`}
              view={view}
              result={result}
              action={`${base}/sections/${view.section.id}`}
              fileHref={(evidenceId) => `${base}/evidence/${evidenceId}`}
              questionNotes={Object.fromEntries(
                view.section.questions.map((q) => [
                  q.id,
                  <QuestionNote key={q.id} thread={threads[q.id]} href={`${base}/questions/${q.id}`} audience="buyer" />,
                ]),
              )}
            />
          )}
          <p>
            {view.previousSectionId ? <Link to={`${base}/sections/${view.previousSectionId}`}>Previous section</Link> : null}
            {view.previousSectionId ? " · " : null}
            <Link to={`${base}/answers`}>Check all answers</Link>
          </p>
        </div>
        <SectionNav view={view} sectionHref={(id) => `${base}/sections/${id}`} />
      </div>
    </>
  );
}
