import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadAnswersOverview } from "~/answering/answers-overview.server";
import { AnswerView } from "~/answering/answer-view";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { formatDate } from "~/ui/format";
import { ProgressTag } from "~/ui/progress-tag";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Answers of ${data.vendor.name} · Custodian` : "Answers · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const { assessment } = workspace;
  return {
    assessmentId: assessment.id,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    overview: loadAnswersOverview(db, workspace),
  };
}

export default function AssessmentAnswersPage() {
  const { assessmentId, startedAt, vendor, overview } = useLoaderData<typeof loader>();
  const base = `/assessments/${assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={assessmentTrail(vendor, base, startedAt)} current="Answers" />
      <h1>Answers of {vendor.name}</h1>
      <p className="lead">Every question that applies, with who last changed each answer and when.</p>
      <nav aria-label="Sections on this page" className="no-print">
        <ol className="contents-list">
          {overview.sections.map((section) => (
            <li key={section.id}>
              <a href={`#section-${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {overview.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="answers-section">
          <div className="answers-section__heading">
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            <ProgressTag status={section.status} />
            {overview.locked ? null : (
              <Link to={`${base}/sections/${section.id}`} className="no-print">
                Change<span className="visually-hidden"> answers in {section.title}</span>
              </Link>
            )}
          </div>
          {section.remaining > 0 ? (
            <p className="hint">
              {section.remaining} required {section.remaining === 1 ? "question is" : "questions are"} still to answer.
            </p>
          ) : null}
          <dl className="answer-list">
            {section.questions.map((question) => (
              <div key={question.id} className={question.answer.kind === "table" ? "answer-list__item answer-list__item--wide" : "answer-list__item"}>
                <dt>
                  {question.text}
                  {question.required && !question.answered ? <span className="tag tag--required">Required</span> : null}
                  <span className="question-id">{question.id}</span>
                </dt>
                <dd>
                  <AnswerView answer={question.answer} caption={question.text} />
                  {question.changed ? (
                    <p className="last-changed">
                      {question.answer.kind === "unanswered" ? "Cleared" : "Answered"} by {question.changed.by} on{" "}
                      {formatDate(question.changed.at)}
                    </p>
                  ) : null}
                  <p className="no-print">
                    <Link to={`${base}/questions/${question.id}`}>
                      Comments, history and returns<span className="visually-hidden"> for “{question.text}”</span>
                    </Link>
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
