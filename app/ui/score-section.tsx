import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/auth/csrf-input";
import type { AssessmentScoring } from "~/assessments/score.server";
import type { ScoreChange, ScoreDiff } from "~/scoring";
import { formatDate } from "./format";

// The assessment page's score versions: the report links, the versions frozen
// so far, what the newest changed, and the finalise and re-score buttons.

const decisionWords = { approve: "Approve", "approve-with-conditions": "Approve with conditions", reject: "Reject" } as const;
const tierWords = { low: "Low", medium: "Medium", high: "High" } as const;
const reasonWords = { finalised: "Finalised", "re-scored": "Re-scored" } as const;

const value = (v: number | null) => (v === null ? "not scored" : v.toFixed(1));
const signed = (c: ScoreChange) => (c.delta === null ? "" : ` (${c.delta > 0 ? "+" : ""}${c.delta.toFixed(1)})`);

export function ScoreSection({
  assessmentId,
  scoring,
  justScored,
}: {
  assessmentId: string;
  scoring: AssessmentScoring;
  /** The version the last finalise or re-score made, from the redirect. */
  justScored: number | null;
}) {
  const newest = scoring.versions[0];
  const made = justScored !== null ? scoring.versions.find((v) => v.version === justScored) : undefined;
  return (
    <section aria-labelledby="score-title" id="score">
      <h2 id="score-title">Score and report</h2>
      {made ? (
        <p className="notice notice--ok" role="status">
          Score version {made.version} saved ({reasonWords[made.reason].toLowerCase()}).
        </p>
      ) : null}
      <p>
        {newest
          ? `The report shows score version ${newest.version}, frozen on ${formatDate(newest.createdAt)}: it stays the same whatever changes later.`
          : "Not finalised: the report is a live draft that changes with the answers, the rules and the policy."}
      </p>
      <ul className="report-links">
        <li>
          <a href={`/assessments/${assessmentId}/report`}>Read the report</a>
        </li>
        <li>
          <a href={`/assessments/${assessmentId}/report.pdf`} download>
            Download the report (PDF)
          </a>
        </li>
      </ul>
      {scoring.versions.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>Score versions</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Made</th>
                <th scope="col">By</th>
                <th scope="col">Rules</th>
                <th scope="col">Method</th>
                <th scope="col">Decision</th>
                <th scope="col">Tier</th>
              </tr>
            </thead>
            <tbody>
              {scoring.versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.version}</th>
                  <td>
                    {reasonWords[v.reason]}, {formatDate(v.createdAt)}
                  </td>
                  <td>{v.createdBy}</td>
                  <td>{v.rulesVersion}</td>
                  <td>{v.methodVersion}</td>
                  <td>{v.decision ? decisionWords[v.decision] : "Not scored"}</td>
                  <td>{v.tier ? tierWords[v.tier] : "Not scored"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {scoring.latestChanges ? <Changes {...scoring.latestChanges} /> : null}
      {scoring.canFinalise ? (
        <div className="score-action">
          <Link to={`/assessments/${assessmentId}/review#sign-off-title`} className="button">
            Sign off and finalise
          </Link>
          <p className="hint">
            The legal reviewer records the decision and its conditions; signing off freezes the answers, flows, findings and scores as
            score version {scoring.versions.length + 1}.
          </p>
        </div>
      ) : null}
      {scoring.canRescore ? (
        <Form method="post" action={`/assessments/${assessmentId}/score`} className="score-action">
          <CsrfInput />
          <input type="hidden" name="intent" value="re-score" />
          <button type="submit" className="button button--secondary">
            Re-score under current rules
          </button>
          <p className="hint">
            Scores the same answers under rules {scoring.current.rulesVersion} and scoring method {scoring.current.methodVersion} as a
            new version{newest ? `; version ${newest.version} used rules ${newest.rulesVersion} and method ${newest.methodVersion}` : ""}.
          </p>
        </Form>
      ) : null}
    </section>
  );
}

function Changes({ from, to, diff }: { from: number; to: number; diff: ScoreDiff }) {
  const lines: string[] = [];
  if (diff.rulesVersion) lines.push(`Rules: ${diff.rulesVersion.from} to ${diff.rulesVersion.to}.`);
  if (diff.methodVersion) lines.push(`Scoring method: ${diff.methodVersion.from} to ${diff.methodVersion.to}.`);
  if (diff.questionnaire) lines.push(`Questionnaire: ${diff.questionnaire.from} to ${diff.questionnaire.to}.`);
  if (diff.decision) {
    const word = (d: keyof typeof decisionWords | null) => (d ? decisionWords[d] : "not scored");
    lines.push(`Decision: ${word(diff.decision.from)} to ${word(diff.decision.to)}.`);
  }
  if (diff.tier) {
    const word = (t: keyof typeof tierWords | null) => (t ? tierWords[t] : "not scored");
    lines.push(`Tier: ${word(diff.tier.from)} to ${word(diff.tier.to)}.`);
  }
  const scores: [string, ScoreChange | null][] = [
    ["Residual risk", diff.scores.residual],
    ["Control score", diff.scores.control],
    ["Residency score", diff.scores.residency],
    ["Inherent risk", diff.scores.inherent],
  ];
  for (const [label, c] of scores) if (c) lines.push(`${label}: ${value(c.from)} to ${value(c.to)}${signed(c)}.`);
  for (const s of diff.sections) lines.push(`Section “${s.title}”: ${value(s.from)} to ${value(s.to)}${signed(s)}.`);
  for (const f of diff.findingsAdded) lines.push(`New finding (${f.severity}): ${f.title}`);
  for (const f of diff.findingsRemoved) lines.push(`Finding gone (${f.severity}): ${f.title}`);
  for (const f of diff.findingsChanged) lines.push(`Finding now ${f.severity}, was ${f.severityBefore}: ${f.title}`);
  for (const c of diff.conditionsAdded) lines.push(`New condition: ${c.text}`);
  for (const c of diff.conditionsRemoved) lines.push(`Condition gone: ${c.text}`);
  return (
    <div className="panel" aria-labelledby="score-changes-title">
      <h3 id="score-changes-title">
        What changed from version {from} to version {to}
      </h3>
      {diff.changed ? (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>Nothing changed: the same answers give the same score under these rules.</p>
      )}
    </div>
  );
}
