import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { AnswerView } from "~/answering/answer-view";
import { requireValidCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/auth/csrf-input";
import { assessors } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { answersLocked } from "~/models/answers.server";
import type { ImportChange } from "~/offline/import-workbook";
import { describeLocation } from "~/offline/problems";
import { applyAnswersImport, discardAnswersImport, importIsValid, requireAnswersImport } from "~/offline/workbook.server";
import { formatDate } from "~/ui/format";
import { isUnderway, JobProgress } from "~/ui/job-progress";
import { readFormData } from "~/utils/form-data.server";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Workbook import · ${data.vendor.name} · Custodian` : "Workbook import · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const db = getDb();
  const { assessment } = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const view = requireAnswersImport(db, user.organisationId, assessment.id, params.jobId ?? "");
  const { job, result } = view;
  const invalid = job.state === "failed" || !!result?.problems || (result?.preview?.errors.length ?? 0) > 0;
  const payload = {
    assessmentId: assessment.id,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    locked: answersLocked(assessment.status),
    job: { id: job.id, state: job.state, done: job.done, total: job.total, stage: job.stage, error: job.error, fileName: job.fileName },
    result,
    valid: importIsValid(view),
  };
  // A workbook with cells in error is bad input: the page lists them, with a 422.
  return data(payload, { status: invalid ? 422 : 200 });
}

const IntentSchema = z.object({ intent: z.enum(["apply", "discard"], 'Field "intent" must be apply or discard') });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const parsed = IntentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Bad request", { status: 422 });
  const jobId = params.jobId ?? "";
  const base = `/assessments/${workspace.assessment.id}`;
  if (parsed.data.intent === "discard") {
    discardAnswersImport(db, { organisationId: user.organisationId, assessmentId: workspace.assessment.id, jobId, by: user.name });
    throw redirect(`${base}/import`);
  }
  applyAnswersImport(db, { organisationId: user.organisationId, workspace, jobId, answerer: { userId: user.id, name: user.name } });
  throw redirect(`${base}/imports/${jobId}`);
}

const outcomeWords: Record<ImportChange["outcome"], string> = {
  "will-save": "Will be saved",
  conflict: "Conflict: changed in Custodian since the workbook was made; not saved",
  kept: "Kept: changed in Custodian since the workbook was made, which the workbook left as it was",
};

const kindWords: Record<ImportChange["kind"], string> = { added: "New answer", changed: "Changed", cleared: "Cleared" };

export default function AssessmentImportJobPage() {
  const { assessmentId, startedAt, vendor, locked, job, result, valid } = useLoaderData<typeof loader>();
  const base = `/assessments/${assessmentId}`;
  const preview = result?.preview ?? null;
  const willSave = preview?.changes.filter((c) => c.outcome === "will-save") ?? [];
  const others = preview?.changes.filter((c) => c.outcome !== "will-save") ?? [];
  return (
    <>
      <Breadcrumbs trail={[...assessmentTrail(vendor, base, startedAt), { to: `${base}/import`, label: "Answer offline" }]} current="Workbook import" />
      <h1>Workbook import</h1>
      <p>
        File: <strong>{job.fileName}</strong>
      </p>

      {isUnderway(job) ? <JobProgress job={job} label="Reading the workbook" /> : null}

      {job.state === "failed" ? (
        <div className="notice notice--danger" role="alert">
          <p>{job.error}</p>
          <p>
            <Link to={`${base}/import`}>Upload the workbook again</Link>
          </p>
        </div>
      ) : null}

      {result?.problems ? (
        <div className="notice notice--danger" role="alert">
          <h2>The workbook could not be read</h2>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.sheet || p.cell ? `${describeLocation(p)}: ` : ""}
                {p.message}
              </li>
            ))}
          </ul>
          <p>Nothing was saved.</p>
          <p>
            <Link to={`${base}/import`}>Upload another workbook</Link>
          </p>
        </div>
      ) : null}

      {result?.applied ? (
        <div className="notice notice--ok" role="status">
          <h2>Answers saved</h2>
          <p>
            {result.applied.saved.length} answer{result.applied.saved.length === 1 ? "" : "s"} saved from the workbook by{" "}
            {result.applied.by} on {formatDate(result.applied.at)}.
            {result.applied.conflicts.length > 0
              ? ` ${result.applied.conflicts.length} not saved because someone changed them in Custodian after the workbook was made: ${result.applied.conflicts.join(", ")}.`
              : ""}
          </p>
          <p>
            <Link to={`${base}/answers`}>See all the answers</Link>
          </p>
        </div>
      ) : null}

      {result?.discarded ? (
        <p className="notice">
          Discarded by {result.discarded.by} on {formatDate(result.discarded.at)}. Nothing was saved.
        </p>
      ) : null}

      {preview ? (
        <>
          <dl className="summary-list">
            <div>
              <dt>Questions read</dt>
              <dd>{preview.questionsRead}</dd>
            </div>
            <div>
              <dt>Unchanged</dt>
              <dd>{preview.unchanged}</dd>
            </div>
            <div>
              <dt>Changes</dt>
              <dd>{preview.changes.length}</dd>
            </div>
            <div>
              <dt>Cells in error</dt>
              <dd>{preview.errors.length}</dd>
            </div>
          </dl>

          {preview.errors.length > 0 ? (
            <section aria-labelledby="errors-title" className="error-summary" role="alert">
              <h2 id="errors-title">
                {preview.errors.length} cell{preview.errors.length === 1 ? "" : "s"} could not be accepted
              </h2>
              <p>Nothing has been saved. Correct these cells in the workbook and upload it again.</p>
              <div className="table-wrap">
                <table className="data-table">
                  <caption className="visually-hidden">Cells in error</caption>
                  <thead>
                    <tr>
                      <th scope="col">Sheet</th>
                      <th scope="col">Cell</th>
                      <th scope="col">Question</th>
                      <th scope="col">Problem</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((e, i) => (
                      <tr key={i}>
                        <td>{e.sheet ?? "The file"}</td>
                        <th scope="row">{e.cell ?? "—"}</th>
                        <td>{e.questionId ?? "—"}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <Link to={`${base}/import`}>Upload the corrected workbook</Link>
              </p>
            </section>
          ) : null}

          {preview.changes.length > 0 ? (
            <section aria-labelledby="changes-title">
              <h2 id="changes-title">Changes in the workbook</h2>
              <ChangesTable caption="Answers the workbook changes" changes={willSave} />
              {others.length > 0 ? <ChangesTable caption="Answers changed in Custodian since the workbook was made" changes={others} /> : null}
            </section>
          ) : (
            <p>The workbook changes no answer.</p>
          )}

          {preview.notes.length > 0 ? (
            <section aria-labelledby="notes-title">
              <h2 id="notes-title">Not imported</h2>
              <ul>
                {preview.notes.map((n, i) => (
                  <li key={i}>
                    {n.cell ? `${describeLocation(n)}: ` : ""}
                    {n.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {valid && !result?.applied && !result?.discarded && !locked && willSave.length > 0 ? (
            <Form method="post" className="button-row">
              <CsrfInput />
              <button type="submit" name="intent" value="apply" className="button">
                Save {willSave.length} answer{willSave.length === 1 ? "" : "s"} from the workbook
              </button>{" "}
              <button type="submit" name="intent" value="discard" className="button button--secondary">
                Discard this workbook
              </button>
            </Form>
          ) : null}
          {valid && locked && !result?.applied ? (
            <p className="notice notice--warning">This assessment has been submitted since: its answers can no longer be changed.</p>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function ChangesTable({ caption, changes }: { caption: string; changes: ImportChange[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data-table import-changes">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Cell</th>
            <th scope="col">In Custodian now</th>
            <th scope="col">In the workbook</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.questionId}>
              <th scope="row">
                <span className="import-changes__id">{change.questionId}</span> {change.questionText}
              </th>
              <td>
                {change.sheet}, {change.cell}
              </td>
              <td>
                <AnswerView answer={change.before} />
              </td>
              <td>
                <AnswerView answer={change.after} />
              </td>
              <td>
                {kindWords[change.kind]}. {outcomeWords[change.outcome]}
                {change.storedBy ? ` (${change.storedBy}${change.storedAt ? `, ${formatDate(change.storedAt)}` : ""})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
