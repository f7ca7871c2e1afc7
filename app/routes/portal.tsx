import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fieldId } from "~/answering/form-state";
import { getDb } from "~/db.server";
import { listComments } from "~/models/comments.server";
import { listEvidence } from "~/models/evidence.server";
import { getOrganisation } from "~/models/organisations.server";
import { listReturns } from "~/models/question-returns.server";
import { portalHeaders, requireVendorLink } from "~/portal/link.server";
import { vendorStatusWords } from "~/portal/words";
import { portalPath } from "~/portal/paths";
import { requirePortalWorkspace } from "~/portal/workspace.server";
import { sectionProgress, text } from "~/questionnaire";
import workflowStyles from "~/styles/workflow.css?url";
import { formatDate } from "~/ui/format";
import { ProgressTag } from "~/ui/progress-tag";
import { checkTransition } from "~/workflow/transitions";

export const handle = { portal: true };
export const headers: HeadersFunction = () => portalHeaders;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.buyer} questionnaire · Vendor portal` : "Vendor portal" },
];

// The vendor's start page: where they stand, what came back and why, their
// files. Only what the vendor may see is loaded: no scores, findings, internal
// comments or scope.
export function loader({ params, context }: LoaderFunctionArgs) {
  const link = requireVendorLink(params.token, context);
  const db = getDb();
  const workspace = requirePortalWorkspace(db, link);
  const { assessment, questionnaire, answers } = workspace;
  const progress = sectionProgress(questionnaire, answers);
  const titles = new Map(questionnaire.sections.map((s) => [s.id, text(s.title)]));
  const questions = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, { text: text(q.text), sectionId: s.id }] as const)));
  const shared = listComments(db, { organisationId: link.organisationId, assessmentId: assessment.id, audience: "vendor" });
  const buyer = getOrganisation(db, link.organisationId);
  return {
    token: link.token,
    contactName: link.contactName,
    vendorName: link.vendorName,
    buyer: buyer?.name ?? "The buyer",
    expiresAt: link.expiresAt.toISOString(),
    status: assessment.status,
    dueDate: assessment.dueDate,
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
    questionnaireTitle: text(questionnaire.title),
    canSubmit: checkTransition(assessment.status, "submit", "vendor").ok,
    total: progress.total,
    sections: progress.sections.map((s) => ({ ...s, title: titles.get(s.sectionId) ?? s.sectionId })),
    returned: listReturns(db, assessment.id)
      .filter((r) => !r.resolvedAt)
      .map((r) => ({
        questionId: r.questionId,
        question: questions.get(r.questionId)?.text ?? r.questionId,
        sectionId: questions.get(r.questionId)?.sectionId ?? null,
        request: r.request,
        by: r.returnedBy,
        at: r.createdAt.toISOString(),
      })),
    messages: shared
      .filter((c) => !c.fromVendor)
      .slice(-10)
      .map((c) => ({ id: c.id, questionId: c.questionId, question: questions.get(c.questionId)?.text ?? c.questionId, author: c.author, body: c.body, at: c.createdAt.toISOString() })),
    files: listEvidence(db, assessment.id).map((f) => ({
      id: f.id,
      name: f.fileName,
      question: questions.get(f.questionId)?.text ?? f.questionId,
      uploadedBy: f.uploadedBy,
      at: f.createdAt.toISOString(),
      purgedAt: f.purgedAt?.toISOString() ?? null,
    })),
  };
}

export default function PortalPage() {
  const data = useLoaderData<typeof loader>();
  const at = (path = "") => portalPath({ token: data.token }, path);
  const words = vendorStatusWords(data.status);
  const done = data.total.remaining === 0;
  return (
    <>
      <p className="eyebrow">
        {data.buyer} · for {data.vendorName}
      </p>
      <h1>{data.questionnaireTitle}</h1>
      <p className="lead">
        Hello {data.contactName}. {data.buyer} asks {data.vendorName} to answer these questions about its hosted CRM service.
      </p>
      <div className={`notice${data.status === "returned" ? " notice--warning" : ""}`}>
        <p>
          <strong>{words.title}.</strong> {words.text}
        </p>
        {data.submittedAt && (data.status === "submitted" || data.status === "in-review") ? <p>Submitted on {formatDate(data.submittedAt)}.</p> : null}
      </div>
      <dl className="summary-list">
        <div>
          <dt>Progress</dt>
          <dd>
            {data.total.requiredAnswered} of {data.total.required} required questions answered
          </dd>
        </div>
        {data.dueDate ? (
          <div>
            <dt>Please answer by</dt>
            <dd>{formatDate(data.dueDate)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Your link works until</dt>
          <dd>{formatDate(data.expiresAt)}</dd>
        </div>
      </dl>

      {data.returned.length > 0 ? (
        <section aria-labelledby="returned-title">
          <h2 id="returned-title">Questions returned to you</h2>
          <ul className="plain-list">
            {data.returned.map((r) => (
              <li key={r.questionId} className="return-item">
                <p>
                  <Link to={r.sectionId ? at(`/sections/${r.sectionId}#question-${fieldId(r.questionId)}`) : at()}>{r.question}</Link>
                </p>
                <p className="return-item__request">{r.request}</p>
                <p className="hint">
                  Asked by {r.by} on {formatDate(r.at)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="sections-title">
        <h2 id="sections-title">Sections</h2>
        <ol className="task-list">
          {data.sections.map((section) => (
            <li key={section.sectionId} className="task-list__item">
              <Link className="task-list__name" to={at(`/sections/${section.sectionId}`)}>
                {section.title}
              </Link>
              <span className="task-list__count">
                {section.remaining === 0 ? `${section.answered} answered` : `${section.remaining} of ${section.required} required still to answer`}
              </span>
              <ProgressTag status={section.status} />
            </li>
          ))}
        </ol>
        {data.canSubmit ? (
          <>
            <p>
              <Link className="button" to={at("/check")}>
                {done ? "Check your answers and submit" : "Check your answers"}
              </Link>
            </p>
            <p>
              Rather answer in Excel? <Link to={at("/import")}>Download the questionnaire as a workbook and upload it filled in</Link>.
            </p>
          </>
        ) : (
          <p>
            <Link to={at("/check")}>See all your answers</Link>
          </p>
        )}
      </section>

      {data.messages.length > 0 ? (
        <section aria-labelledby="messages-title">
          <h2 id="messages-title">Messages from {data.buyer}</h2>
          <ol className="comment-list">
            {data.messages.map((m) => (
              <li key={m.id} className="comment">
                <p className="comment__meta">
                  <strong>{m.author}</strong> on {formatDate(m.at)}, about <Link to={at(`/questions/${m.questionId}`)}>{m.question}</Link>
                </p>
                <div className="comment__body">
                  <p>{m.body}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="files-title">
        <h2 id="files-title">Your files</h2>
        {data.files.length === 0 ? (
          <p>No files uploaded yet. Questions that ask for a document have an upload button.</p>
        ) : (
          <ul className="file-list">
            {data.files.map((f) => (
              <li key={f.id}>
                {f.purgedAt ? f.name : <a href={at(`/evidence/${f.id}`)}>{f.name}</a>}{" "}
                <span className="hint">
                  for “{f.question}”, uploaded by {f.uploadedBy} on {formatDate(f.at)}
                  {f.purgedAt ? `, deleted on ${formatDate(f.purgedAt)} under the buyer's retention policy` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
