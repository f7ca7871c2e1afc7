import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerView } from "~/answering/answer-view";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { assessors, commenters, hasRole, readers } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { loadAnswerChanges, loadQuestion } from "~/assessments/question.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { addComment, listComments } from "~/models/comments.server";
import { listReturns, returnQuestion } from "~/models/question-returns.server";
import { userActor } from "~/models/workflow.server";
import { mailReturnedQuestion } from "~/portal/return-mail.server";
import workflowStyles from "~/styles/workflow.css?url";
import { ErrorSummary } from "~/ui/error-summary";
import { RadioGroup, TextareaField } from "~/ui/form-fields";
import { formatDate } from "~/ui/format";
import { CommentList } from "~/ui/comment-list";
import { StatusTag } from "~/ui/status-tag";
import { readFormData } from "~/utils/form-data.server";
import { invariantResponse } from "~/utils/invariant";
import { checkTransition } from "~/workflow/transitions";
import { CommentFormSchema, parseForm, ReturnFormSchema, type FormErrors } from "~/workflow/forms";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.question.id} · ${data.vendor.name} · Custodian` : "Question · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const question = loadQuestion(db, workspace, params.questionId ?? "");
  const { assessment } = workspace;
  const returns = listReturns(db, assessment.id).filter((r) => r.questionId === question.id);
  const openReturn = returns.some((r) => !r.resolvedAt);
  return {
    assessmentId: assessment.id,
    status: assessment.status,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    question,
    changes: loadAnswerChanges(db, user.organisationId, workspace, question.id),
    comments: listComments(db, { organisationId: user.organisationId, assessmentId: assessment.id, audience: "buyer", questionId: question.id }),
    returns: returns.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null })),
    can: {
      comment: hasRole(user.role, commenters),
      return: hasRole(user.role, assessors) && !openReturn && checkTransition(assessment.status, "return", user.role).ok,
    },
    notice: new URL(request.url).searchParams.get("done"),
    mailed: returnMailNotice(new URL(request.url).searchParams),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: commenters });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const question = loadQuestion(db, workspace, params.questionId ?? "");
  const here = `/assessments/${workspace.assessment.id}/questions/${question.id}`;
  const intent = formData.get("intent");
  if (intent === "comment") {
    const parsed = parseForm(CommentFormSchema, formData, ["body", "visibility"]);
    if (!parsed.ok) return data({ form: "comment" as const, errors: parsed.errors, values: parsed.values }, { status: 422 });
    addComment(db, {
      organisationId: user.organisationId,
      assessmentId: workspace.assessment.id,
      questionId: question.id,
      visibility: parsed.value.visibility,
      body: parsed.value.body,
      actor: userActor(user),
    });
    throw redirect(`${here}?done=comment#comments`);
  }
  if (intent === "return") {
    invariantResponse(hasRole(user.role, assessors), "Only assessors and administrators return questions to the vendor.", { status: 403 });
    const parsed = parseForm(ReturnFormSchema, formData, ["request"]);
    if (!parsed.ok) return data({ form: "return" as const, errors: parsed.errors, values: parsed.values }, { status: 422 });
    returnQuestion(db, {
      organisationId: user.organisationId,
      assessmentId: workspace.assessment.id,
      questionId: question.id,
      request: parsed.value.request,
      actor: userActor(user),
    });
    const mailed = await mailReturnedQuestion(db, {
      organisation: requireUserOrganisation(request),
      assessmentId: workspace.assessment.id,
      vendorName: workspace.assessment.vendor.name,
      dueDate: workspace.assessment.dueDate,
      reviewer: user.name,
      question: { id: question.id, text: question.text, request: parsed.value.request },
    });
    const failed = mailed.outcomes.filter((o) => o.delivery.via === "failed").length;
    const told = mailed.outcomes.length - failed;
    throw redirect(`${here}?done=return&told=${told}&failed=${failed}`);
  }
  throw new Response('Field "intent" must be comment or return', { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** What the redirect after a return says about the mail: counts only, never addresses. */
function returnMailNotice(params: URLSearchParams): { told: number; failed: number } | null {
  if (!params.has("told")) return null;
  const count = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value >= 0 && value < 1000 ? value : 0;
  };
  return { told: count("told"), failed: count("failed") };
}

const summaryOrder: Record<string, string[]> = { comment: ["body", "visibility"], return: ["request"] };

export default function AssessmentQuestionPage() {
  const { assessmentId, status, startedAt, vendor, question, changes, comments, returns, can, notice, mailed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsOf = (form: "comment" | "return"): FormErrors => (actionData?.form === form ? actionData.errors : {});
  const valuesOf = (form: "comment" | "return"): Record<string, string> => (actionData?.form === form ? actionData.values : {});
  const summary = actionData
    ? (summaryOrder[actionData.form] ?? []).flatMap((field) =>
        actionData.errors[field] ? [{ fieldId: `${actionData.form}-${field}`, message: actionData.errors[field]! }] : [],
      )
    : [];
  const base = `/assessments/${assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={[...assessmentTrail(vendor, base, startedAt), { to: `${base}/sections/${question.section.id}`, label: question.section.title }]} current={question.id} />
      <ErrorSummary errors={summary} />
      {notice === "comment" ? (
        <p className="notice notice--ok" role="status">
          Your comment was added.
        </p>
      ) : notice === "return" ? (
        <p className="notice notice--ok" role="status">
          The question was returned to the vendor. They see your request in their portal.{" "}
          {mailed && mailed.told > 0 ? `${mailed.told === 1 ? "One contact" : `${mailed.told} contacts`} with a working link ${mailed.told === 1 ? "was" : "were"} told by mail.` : null}
        </p>
      ) : null}
      {notice === "return" && mailed && mailed.failed > 0 ? (
        <p className="notice notice--warning" role="alert">
          The mail to {mailed.failed === 1 ? "one contact" : `${mailed.failed} contacts`} could not be sent: the mail server refused it. Tell them another way that the question is back.
        </p>
      ) : null}
      {notice === "return" && mailed && mailed.told + mailed.failed === 0 ? (
        <p className="notice notice--warning" role="status">
          No contact at {vendor.name} has a working link, so nobody was told. <Link to={`${base}/invitations`}>Send a vendor link</Link> so they can answer.
        </p>
      ) : null}
      <p className="eyebrow">
        {question.section.title} · <StatusTag status={status} />
      </p>
      <h1>{question.text}</h1>
      {question.help ? <p className="lead">{question.help}</p> : null}

      <section aria-labelledby="answer-title">
        <h2 id="answer-title">Answer</h2>
        {question.applies ? null : <p className="notice">This question does not apply to this assessment, given the other answers.</p>}
        <AnswerView answer={question.answer} caption={question.text} />
        {question.files.length > 0 ? (
          <ul className="file-list">
            {question.files.map((file) => (
              <li key={file.id}>
                {file.purgedAt ? (
                  <>
                    {file.name}: deleted on {formatDate(file.purgedAt)} under the retention policy
                  </>
                ) : (
                  <a href={`${base}/evidence/${file.id}`}>Download {file.name}</a>
                )}{" "}
                <span className="hint">
                  uploaded by {file.uploadedBy} on {formatDate(file.uploadedAt)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {changes.length > 0 ? (
          <details className="answer-history">
            <summary>How this answer changed ({changes.length === 1 ? "1 change" : `${changes.length} changes`})</summary>
            <ol>
              {changes.map((c, i) => (
                <li key={i}>
                  {c.actor} on {formatDate(c.at)}
                  {c.change ? (
                    <dl className="change">
                      <dt>Before</dt>
                      <dd>{c.change.before}</dd>
                      <dt>After</dt>
                      <dd>{c.change.after}</dd>
                    </dl>
                  ) : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="returns-title">
        <h2 id="returns-title">Returned to the vendor</h2>
        {returns.length === 0 ? <p>This question has not been returned to the vendor.</p> : null}
        <ul className="plain-list">
          {returns.map((r) => (
            <li key={r.id} className="return-item">
              <p>
                <strong>{r.resolvedAt ? "Answered" : "Waiting for the vendor"}</strong>: returned by {r.returnedBy} on {formatDate(r.createdAt)}
                {r.resolvedAt ? `, answered when the vendor submitted again on ${formatDate(r.resolvedAt)}` : ""}.
              </p>
              <p className="return-item__request">{r.request}</p>
            </li>
          ))}
        </ul>
        {can.return ? (
          <Form method="post" noValidate className="panel">
            <CsrfInput />
            <h3>Return this question to the vendor</h3>
            <TextareaField
              id="return-request"
              name="request"
              label="What you need from the vendor"
              hint="The vendor sees this in their portal. Say what is missing or unclear."
              error={errorsOf("return").request}
              defaultValue={valuesOf("return").request}
              rows={4}
            />
            <button type="submit" name="intent" value="return" className="button">
              Return to the vendor
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="comments">
        <h2 id="comments">Comments</h2>
        <CommentList comments={comments} audience="buyer" />
        {can.comment ? (
          <Form method="post" noValidate className="panel">
            <CsrfInput />
            <h3>Add a comment</h3>
            <TextareaField id="comment-body" name="body" label="Comment" error={errorsOf("comment").body} defaultValue={valuesOf("comment").body} rows={4} />
            <RadioGroup
              id="comment-visibility"
              name="visibility"
              legend="Who sees it"
              error={errorsOf("comment").visibility}
              defaultValue={valuesOf("comment").visibility || "internal"}
              options={[
                { value: "internal", label: "Your team only", hint: "The vendor never sees internal comments." },
                { value: "shared", label: "Shared with the vendor", hint: "The vendor sees it with this question in their portal." },
              ]}
            />
            <button type="submit" name="intent" value="comment" className="button">
              Add comment
            </button>
          </Form>
        ) : null}
      </section>
      <p>
        <Link to={`${base}/sections/${question.section.id}`}>Back to the section</Link>
      </p>
    </>
  );
}
