import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerView } from "~/answering/answer-view";
import { fieldId } from "~/answering/form-state";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { loadQuestion } from "~/assessments/question.server";
import { getDb } from "~/db.server";
import { addComment, listComments } from "~/models/comments.server";
import { listReturns } from "~/models/question-returns.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { portalPath } from "~/portal/paths";
import { requirePortalWorkspace } from "~/portal/workspace.server";
import workflowStyles from "~/styles/workflow.css?url";
import { CommentList } from "~/ui/comment-list";
import { ErrorSummary } from "~/ui/error-summary";
import { TextareaField } from "~/ui/form-fields";
import { formatDate } from "~/ui/format";
import { readFormData } from "~/utils/form-data.server";
import { parseForm, VendorCommentFormSchema } from "~/workflow/forms";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const handle = { portal: true };
export const headers: HeadersFunction = () => portalHeaders;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.text} · Vendor portal` : "Vendor portal" }];

// One question for the vendor: what the buyer asked about it and the messages
// shared with the vendor. Internal comments are never loaded here.
export function loader({ params, context, request }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const question = loadQuestion(db, workspace, params.questionId ?? "");
  return {
    token: link.token,
    question: { id: question.id, text: question.text, help: question.help, section: question.section, answer: question.answer },
    returns: listReturns(db, link.assessmentId)
      .filter((r) => r.questionId === question.id)
      .map((r) => ({ id: r.id, request: r.request, by: r.returnedBy, at: r.createdAt.toISOString(), answered: r.resolvedAt !== null })),
    comments: listComments(db, { organisationId: link.organisationId, assessmentId: link.assessmentId, audience: "vendor", questionId: question.id }),
    sent: new URL(request.url).searchParams.get("done") === "sent",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const question = loadQuestion(db, workspace, params.questionId ?? "");
  const parsed = parseForm(VendorCommentFormSchema, formData, ["body"]);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 422 });
  addComment(db, {
    organisationId: link.organisationId,
    assessmentId: link.assessmentId,
    questionId: question.id,
    visibility: "shared",
    body: parsed.value.body,
    actor: link.actor,
  });
  throw redirect(portalPath(link, `/questions/${question.id}?done=sent#messages`));
}

export default function PortalQuestionPage() {
  const { token, question, returns, comments, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const at = (path = "") => portalPath({ token }, path);
  return (
    <>
      <Breadcrumbs trail={[{ to: at(), label: "Your questionnaire" }, { to: at(`/sections/${question.section.id}`), label: question.section.title }]} current="Messages" />
      <ErrorSummary errors={actionData?.errors.body ? [{ fieldId: "message-body", message: actionData.errors.body }] : []} />
      {sent ? (
        <p className="notice notice--ok" role="status">
          Your message was sent to the buyer.
        </p>
      ) : null}
      <h1>{question.text}</h1>
      {question.help ? <p className="lead">{question.help}</p> : null}
      <h2>Your answer</h2>
      <AnswerView answer={question.answer} caption={question.text} />
      <p>
        <Link to={at(`/sections/${question.section.id}#question-${fieldId(question.id)}`)}>Change your answer</Link>
      </p>
      {returns.length > 0 ? (
        <section aria-labelledby="returned-title">
          <h2 id="returned-title">What the buyer asked for</h2>
          <ul className="plain-list">
            {returns.map((r) => (
              <li key={r.id} className="return-item">
                <p className="return-item__request">{r.request}</p>
                <p className="hint">
                  {r.by} on {formatDate(r.at)}
                  {r.answered ? ": answered when you submitted again" : ": change your answer, then submit again"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="messages">
        <h2 id="messages">Messages</h2>
        <CommentList comments={comments} audience="vendor" />
        <Form method="post" noValidate className="panel">
          <CsrfInput />
          <TextareaField
            id="message-body"
            name="body"
            label="Write to the buyer about this question"
            hint="The buyer's reviewers see your message with this question."
            error={actionData?.errors.body}
            defaultValue={actionData?.values.body}
            rows={4}
          />
          <button type="submit" className="button">
            Send message
          </button>
        </Form>
      </section>
    </>
  );
}
