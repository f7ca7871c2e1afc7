import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { regionLabel } from "~/geo/regions";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getAssessmentResidency } from "~/assessments/residency.server";
import { ResidencySection } from "~/ui/residency/residency-section";
import { sectionProgress, text } from "~/questionnaire";
import { categoryLabels, formatDate, formatNumber, sectorLabels } from "~/ui/format";
import { StatusTag } from "~/ui/status-tag";
import { ProgressTag } from "~/ui/progress-tag";
import { getAssessmentScoring } from "~/assessments/score.server";
import { ScoreSection } from "~/ui/score-section";
import { assessors, hasRole } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { listCarryovers } from "~/models/cycles.server";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Assessment of ${data.assessment.vendor.name} · Custodian` : "Assessment · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const { assessment, questionnaire, answers } = workspace;
  const progress = sectionProgress(questionnaire, answers);
  const titles = new Map(questionnaire.sections.map((s) => [s.id, text(s.title)]));
  return {
    assessment,
    questionnaireTitle: text(questionnaire.title),
    progress: {
      total: progress.total,
      sections: progress.sections.map((s) => ({ ...s, title: titles.get(s.sectionId) ?? s.sectionId })),
    },
    residency: getAssessmentResidency(db, organisation, workspace),
    scoring: getAssessmentScoring(db, organisation.id, workspace),
    justScored: Number(new URL(request.url).searchParams.get("scored")) || null,
    offline: {
      canImport: hasRole(requireUser(request, { roles: readers }).role, assessors),
      carriedOver: listCarryovers(db, assessment.id).length > 0,
    },
  };
}

export default function AssessmentPage() {
  const { assessment, questionnaireTitle, progress, residency, scoring, justScored, offline } = useLoaderData<typeof loader>();
  const { scope, vendor } = assessment;
  return (
    <>
      <Breadcrumbs trail={[{ to: "/", label: "Vendors" }, { to: `/vendors/${vendor.id}`, label: vendor.name }]} current={`Assessment of ${formatDate(assessment.createdAt)}`} />
      <h1>
        {vendor.name}: {vendor.service}
      </h1>
      <p>
        <StatusTag status={assessment.status} />
      </p>
      <dl className="summary-list">
        <div>
          <dt>Questionnaire</dt>
          <dd>
            {questionnaireTitle}, version {assessment.questionnaireVersion}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDate(assessment.createdAt)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{assessment.dueDate ? formatDate(assessment.dueDate) : "No due date"}</dd>
        </div>
        <div>
          <dt>Last update</dt>
          <dd>{formatDate(assessment.updatedAt)}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>
            {progress.total.requiredAnswered} of {progress.total.required} required questions answered
            ({progress.total.answered} answers in all)
          </dd>
        </div>
      </dl>

      <nav aria-labelledby="workflow-title" className="panel">
        <h2 id="workflow-title" className="panel__title">
          Vendor and review
        </h2>
        <ul className="plain-list">
          <li>
            <Link to={`/assessments/${assessment.id}/invitations`}>Vendor links: invite contacts to answer</Link>
          </li>
          <li>
            <Link to={`/assessments/${assessment.id}/review`}>Review and sign-off</Link>
          </li>
          <li>
            <Link to={`/assessments/${assessment.id}/audit`}>Audit trail</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="scope-title">
        <h2 id="scope-title">Scope</h2>
        <dl className="summary-list">
          <div>
            <dt>Where the data subjects are</dt>
            <dd>
              {scope.subjects.length > 0 ? (
                <ul className="plain-list">
                  {scope.subjects.map((region) => (
                    <li key={region}>{regionLabel(region)}</li>
                  ))}
                </ul>
              ) : (
                "Not scoped yet"
              )}
            </dd>
          </div>
          <div>
            <dt>Data categories</dt>
            <dd>
              {scope.categories.length > 0
                ? scope.categories.map((c) => categoryLabels[c] ?? c).join(", ")
                : "Not scoped yet"}
            </dd>
          </div>
          <div>
            <dt>Sector</dt>
            <dd>{sectorLabels[scope.sector]}</dd>
          </div>
          <div>
            <dt>Number of people</dt>
            <dd>{scope.subjectsCount != null ? formatNumber(scope.subjectsCount) : "Not stated"}</dd>
          </div>
        </dl>
        <p>
          <Link to={`/assessments/${assessment.id}/scope`}>Change the scope</Link>
        </p>
      </section>

      <section aria-labelledby="sections-title">
        <h2 id="sections-title">Questionnaire sections</h2>
        <p>
          <Link to={`/assessments/${assessment.id}/answers`}>View all answers</Link>
        </p>
        <ul className="offline-links" aria-label="Offline answering and exports">
          {offline.carriedOver ? (
            <li>
              <Link to={`/assessments/${assessment.id}/changes`}>Changes since the last review</Link>
            </li>
          ) : null}
          {offline.canImport ? (
            <li>
              <Link to={`/assessments/${assessment.id}/import`}>Answer offline in a workbook</Link>
            </li>
          ) : null}
          <li>
            <a href={`/assessments/${assessment.id}/export.json`} download>
              Export the assessment (JSON)
            </a>
          </li>
          <li>
            <a href={`/assessments/${assessment.id}/answers.xlsx`} download>
              All answers (XLSX)
            </a>
          </li>
          <li>
            <a href={`/assessments/${assessment.id}/answers.csv`} download>
              All answers (CSV)
            </a>
          </li>
        </ul>
        <ol className="task-list">
          {progress.sections.map((section) => (
            <li key={section.sectionId} className="task-list__item">
              <Link className="task-list__name" to={`/assessments/${assessment.id}/sections/${section.sectionId}`}>
                {section.title}
              </Link>
              <span className="task-list__count">
                {section.remaining === 0
                  ? `${section.answered} answered`
                  : `${section.remaining} of ${section.required} required still to answer`}
              </span>
              <ProgressTag status={section.status} />
            </li>
          ))}
        </ol>
      </section>

      <ScoreSection assessmentId={assessment.id} scoring={scoring} justScored={justScored} />

      <ResidencySection residency={residency} />
    </>
  );
}
