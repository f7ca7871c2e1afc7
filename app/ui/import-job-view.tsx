import { Form, Link } from "@remix-run/react";
import { AnswerView } from "~/answering/answer-view";
import { CsrfInput } from "~/auth/csrf-input";
import type { ImportChange } from "~/offline/import-workbook";
import { describeLocation } from "~/offline/problems";
import type { ImportJobResult } from "~/offline/workbook.server";
import { formatDate } from "~/ui/format";
import { isUnderway, JobProgress, type ProgressView } from "~/ui/job-progress";

// A workbook import as its page shows it, for the buyer's assessors and in the
// vendor portal alike: progress while it is read, then the cells in error or
// the preview of every change, and the buttons to save or discard it (posted
// to the page's own action with intent "apply" or "discard").

const outcomeWords: Record<ImportChange["outcome"], string> = {
  "will-save": "Will be saved",
  conflict: "Conflict: changed in Custodian since the workbook was made; not saved",
  kept: "Kept: changed in Custodian since the workbook was made, which the workbook left as it was",
};

const kindWords: Record<ImportChange["kind"], string> = { added: "New answer", changed: "Changed", cleared: "Cleared" };

export function ImportJobView({
  job,
  result,
  valid,
  locked,
  uploadHref,
  answersHref,
  answersLabel,
}: {
  job: ProgressView & { error: string | null; fileName: string | null };
  result: ImportJobResult | null;
  valid: boolean;
  locked: boolean;
  uploadHref: string;
  answersHref: string;
  answersLabel: string;
}) {
  const preview = result?.preview ?? null;
  const willSave = preview?.changes.filter((c) => c.outcome === "will-save") ?? [];
  const others = preview?.changes.filter((c) => c.outcome !== "will-save") ?? [];
  return (
    <>
      <h1>Workbook import</h1>
      <p>
        File: <strong>{job.fileName}</strong>
      </p>
      {isUnderway(job) ? <JobProgress job={job} label="Reading the workbook" /> : null}

      {job.state === "failed" ? (
        <div className="notice notice--danger" role="alert">
          <p>{job.error}</p>
          <p>
            <Link to={uploadHref}>Upload the workbook again</Link>
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
            <Link to={uploadHref}>Upload another workbook</Link>
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
            <Link to={answersHref}>{answersLabel}</Link>
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
                <Link to={uploadHref}>Upload the corrected workbook</Link>
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
