import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerView } from "~/answering/answer-view";
import { loadAnswersOverview } from "~/answering/answers-overview.server";
import { fieldId } from "~/answering/form-state";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { publicOrigin } from "~/auth/password-reset.server";
import { getDb } from "~/db.server";
import { getOrganisation } from "~/models/organisations.server";
import { mailSubmission } from "~/portal/submitted-mail.server";
import { listReturns, submitWithAttestation } from "~/models/question-returns.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { portalPath, VENDOR_LABEL } from "~/portal/paths";
import { requirePortalWorkspace } from "~/portal/workspace.server";
import { sectionProgress } from "~/questionnaire";
import workflowStyles from "~/styles/workflow.css?url";
import { ErrorSummary } from "~/ui/error-summary";
import { TextField } from "~/ui/form-fields";
import { readFormData } from "~/utils/form-data.server";
import { ATTESTATION_STATEMENT, AttestationFormSchema, parseForm } from "~/workflow/forms";
import { checkTransition } from "~/workflow/transitions";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const handle = { portal: true };
export const headers: HeadersFunction = () => portalHeaders;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];
export const meta: MetaFunction = () => [{ title: "Check your answers · Vendor portal" }];

export function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const { assessment, questionnaire, answers } = workspace;
  return {
    token: link.token,
    contactName: link.contactName,
    overview: loadAnswersOverview(db, workspace, { vendorLabel: VENDOR_LABEL }),
    remaining: sectionProgress(questionnaire, answers).total.remaining,
    returned: new Set(listReturns(db, assessment.id).filter((r) => !r.resolvedAt).map((r) => r.questionId)).size,
    canSubmit: checkTransition(assessment.status, "submit", "vendor").ok,
    statement: ATTESTATION_STATEMENT,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const parsed = parseForm(AttestationFormSchema, formData, ["name", "title", "confirm"]);
  const remaining = sectionProgress(workspace.questionnaire, workspace.answers).total.remaining;
  if (!parsed.ok || remaining > 0) {
    const errors = parsed.ok ? {} : parsed.errors;
    const values = parsed.ok ? { name: parsed.value.name, title: parsed.value.title } : parsed.values;
    return data({ errors, values, remaining }, { status: 422 });
  }
  const { answeredReturns } = submitWithAttestation(db, {
    organisationId: link.organisationId,
    assessmentId: link.assessmentId,
    attestation: { name: parsed.value.name, title: parsed.value.title, statement: ATTESTATION_STATEMENT },
    actor: link.actor,
  });
  await mailSubmission(db, {
    organisation: getOrganisation(db, link.organisationId) ?? { id: link.organisationId, name: "your organisation" },
    assessmentId: link.assessmentId,
    vendorName: link.vendorName,
    attestation: parsed.value,
    answeredReturns,
    reviewLink: `${publicOrigin(request)}/assessments/${link.assessmentId}/review`,
  });
  throw redirect(portalPath(link));
}

export default function PortalCheckPage() {
  const { token, contactName, overview, remaining, returned, canSubmit, statement } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const at = (path = "") => portalPath({ token }, path);
  const stillRequired = actionData?.remaining ?? remaining;
  const summary = [
    ...(actionData && stillRequired > 0 ? [{ fieldId: "unanswered", message: `Answer the ${stillRequired === 1 ? "required question" : `${stillRequired} required questions`} still open before you submit` }] : []),
    ...(["name", "title", "confirm"] as const).flatMap((f) => (errors[f] ? [{ fieldId: `attest-${f}`, message: errors[f]! }] : [])),
  ];
  return (
    <>
      <Breadcrumbs trail={[{ to: at(), label: "Your questionnaire" }]} current="Check your answers" />
      <ErrorSummary errors={summary} />
      <h1>{canSubmit ? "Check your answers before submitting" : "Your answers"}</h1>
      {canSubmit && returned > 0 ? (
        <p className="notice notice--warning">
          The buyer returned {returned === 1 ? "a question" : `${returned} questions`} to you. Check {returned === 1 ? "it" : "them"} below before
          submitting again.
        </p>
      ) : null}
      {stillRequired > 0 ? (
        <p className="notice notice--warning" id="unanswered" tabIndex={-1}>
          {stillRequired === 1 ? "1 required question still needs" : `${stillRequired} required questions still need`} an answer. They are
          marked “Not answered” below.
        </p>
      ) : null}
      {overview.sections.map((section) => (
        <section key={section.id} aria-labelledby={`check-${section.id}`} className="check-answers">
          <h2 id={`check-${section.id}`}>{section.title}</h2>
          <dl className="summary-list">
            {section.questions.map((q) => (
              <div key={q.id}>
                <dt>
                  {q.text}
                  {q.required && !q.answered ? <span className="tag tag--required"> Required</span> : null}
                </dt>
                <dd>
                  <AnswerView answer={q.answer} caption={q.text} />
                  {canSubmit ? (
                    <>
                      {" "}
                      <Link to={at(`/sections/${section.id}#question-${fieldId(q.id)}`)}>
                        Change<span className="visually-hidden"> your answer to “{q.text}”</span>
                      </Link>
                    </>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {canSubmit ? (
        <section aria-labelledby="submit-title">
          <h2 id="submit-title">Submit your answers</h2>
          <p>Once submitted, you cannot change your answers unless the buyer returns a question to you.</p>
          <Form method="post" noValidate className="panel narrow">
            <CsrfInput />
            <TextField id="attest-name" name="name" label="Your full name" error={errors.name} defaultValue={values.name ?? contactName} autoComplete="name" />
            <TextField id="attest-title" name="title" label="Your job title" error={errors.title} defaultValue={values.title} autoComplete="organization-title" />
            <div className={`field${errors.confirm ? " field--error" : ""}`}>
              <p className="attestation">{statement}</p>
              {errors.confirm ? (
                <p className="field-error" id="attest-confirm-error">
                  <span className="visually-hidden">Error: </span>
                  {errors.confirm}
                </p>
              ) : null}
              <div className="choice">
                <input type="checkbox" id="attest-confirm" name="confirm" value="yes" aria-describedby={errors.confirm ? "attest-confirm-error" : undefined} />
                <label htmlFor="attest-confirm">I confirm this statement</label>
              </div>
            </div>
            <button type="submit" className="button">
              Submit answers
            </button>
          </Form>
        </section>
      ) : (
        <p>
          <Link to={at()}>Back to your questionnaire</Link>
        </p>
      )}
    </>
  );
}
