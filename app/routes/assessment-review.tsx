import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signOffDecisions, type SignOffDecision } from "#db/schema";
import { CsrfInput } from "~/auth/csrf-input";
import { requireValidCsrf } from "~/auth/csrf.server";
import { hasRole, legalReviewers, readers } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { recommendedSignOff, scoreWorkspace } from "~/assessments/live-score.server";
import { freezeAssessmentScore } from "~/assessments/score.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { listAnswers } from "~/models/assessments.server";
import { listAttestations, listReturns } from "~/models/question-returns.server";
import { acceptRisk, getLatestSignOff, listRiskAcceptances, signOffAssessment } from "~/models/sign-offs.server";
import { applyTransition, listWorkflowHistory, userActor } from "~/models/workflow.server";
import { text } from "~/questionnaire";
import workflowStyles from "~/styles/workflow.css?url";
import { ErrorSummary } from "~/ui/error-summary";
import { RadioGroup, TextareaField } from "~/ui/form-fields";
import { formatDate } from "~/ui/format";
import { StatusTag } from "~/ui/status-tag";
import { TextField } from "~/ui/form-fields";
import { readFormData } from "~/utils/form-data.server";
import { invariantResponse } from "~/utils/invariant";
import { isFutureDay, parseForm, RiskAcceptanceFormSchema, SignOffFormSchema, type FormErrors } from "~/workflow/forms";
import { changesAfterFirstSubmission } from "~/workflow/changes-after-submission";
import { availableActions } from "~/workflow/transitions";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Review and sign-off · ${data.vendor.name} · Custodian` : "Review · Custodian" },
];

const decisionLabels: Record<SignOffDecision, string> = {
  approved: "Approved",
  "approved-with-conditions": "Approved with conditions",
  rejected: "Rejected",
};

export function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const { assessment, questionnaire } = workspace;
  const score = scoreWorkspace(db, organisation, workspace);
  const recommended = recommendedSignOff(score);
  const questionText = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, text(q.text)] as const)));
  const today = new Date().toISOString().slice(0, 10);
  const attestations = listAttestations(db, assessment.id);
  const returns = listReturns(db, assessment.id);
  const changedAfterSubmission = changesAfterFirstSubmission({
    answers: listAnswers(db, assessment.id),
    submittedAt: attestations.map((a) => a.createdAt),
    returnedAt: returns.map((r) => ({ questionId: r.questionId, at: r.createdAt })),
    order: [...questionText.keys()],
  });
  const acceptances = listRiskAcceptances(db, organisation.id, assessment.id);
  return {
    assessmentId: assessment.id,
    status: assessment.status,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    actions: availableActions(assessment.status, user.role),
    decisions: signOffDecisions,
    canAcceptRisk: hasRole(user.role, legalReviewers) && score.findings.length > 0,
    steps: listWorkflowHistory(db, organisation.id, assessment.id).map((s) => ({ ...s, at: s.at.toISOString() })),
    attestations: attestations.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    changedAfterSubmission: changedAfterSubmission.map((c) => ({
      questionId: c.questionId,
      question: questionText.get(c.questionId) ?? c.questionId,
      by: c.by,
      at: c.at.toISOString(),
      asked: c.asked,
    })),
    returns: returns.map((r) => ({
      id: r.id,
      questionId: r.questionId,
      question: questionText.get(r.questionId) ?? r.questionId,
      request: r.request,
      by: r.returnedBy,
      at: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    })),
    score: {
      status: score.status,
      notScoredReason: score.notScoredReason,
      tier: score.tier?.tier ?? null,
      recommended,
      reasons: score.decision?.reasons.map((r) => r.text) ?? [],
      conditions: score.decision?.conditions.map((c) => c.text) ?? [],
    },
    findings: score.findings
      .filter((f) => f.severity !== "info")
      .map((f) => {
        const accepted = acceptances.find((a) => a.findingId === f.id && a.acceptedUntil >= today);
        return { id: f.id, title: f.title, severity: f.severity, source: f.source, acceptedUntil: accepted?.acceptedUntil ?? null };
      }),
    acceptances: acceptances.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    signOff: (() => {
      const s = getLatestSignOff(db, organisation.id, assessment.id);
      return s ? { ...s, createdAt: s.createdAt.toISOString() } : null;
    })(),
    notice: new URL(request.url).searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const user = requireUser(request, { roles: ["admin", "assessor", "legal-reviewer"] });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, organisation.id, params.assessmentId ?? "");
  const assessmentId = workspace.assessment.id;
  const here = `/assessments/${assessmentId}/review`;
  const actor = userActor(user);
  const intent = formData.get("intent");

  if (intent === "start-review") {
    db.transaction((tx) => applyTransition(tx, { organisationId: organisation.id, assessmentId, action: "start-review", actor }));
    throw redirect(`${here}?done=review-started`);
  }

  invariantResponse(hasRole(user.role, legalReviewers), "Only legal reviewers and administrators sign off and accept risks.", { status: 403 });
  if (intent === "finalise") {
    const parsed = parseForm(SignOffFormSchema, formData, ["decision", "conditions", "note"]);
    if (!parsed.ok) return data({ form: "sign-off" as const, errors: parsed.errors, values: parsed.values }, { status: 422 });
    const { decision, conditions, note } = parsed.value;
    signOffAssessment(
      db,
      {
        organisationId: organisation.id,
        assessmentId,
        decision,
        conditions: decision === "approved" ? null : conditions || null,
        note: note || null,
        recommended: recommendedSignOff(scoreWorkspace(db, organisation, workspace)),
        reviewer: actor,
      },
      // The frozen score stands or falls with the sign-off: same transaction (a savepoint on the same connection).
      () => freezeAssessmentScore(db, assessmentId, { reason: "finalised", actor: { userId: user.id, name: user.name } }),
    );
    throw redirect(`${here}?done=finalised`);
  }

  if (intent === "accept-risk") {
    const parsed = parseForm(RiskAcceptanceFormSchema, formData, ["findingId", "reason", "until"]);
    const errors: FormErrors = parsed.ok ? {} : { ...parsed.errors };
    const finding = parsed.ok ? scoreWorkspace(db, organisation, workspace).findings.find((f) => f.id === parsed.value.findingId) : undefined;
    if (parsed.ok && !finding) errors.findingId = "Finding: choose one of this assessment's findings";
    if (parsed.ok && !isFutureDay(parsed.value.until, new Date().toISOString().slice(0, 10))) {
      errors.until = "Accepted until: enter a real date after today, at most three years ahead";
    }
    if (!parsed.ok || !finding || Object.keys(errors).length > 0) {
      const values = parsed.ok ? { findingId: parsed.value.findingId, reason: parsed.value.reason, until: parsed.value.until } : parsed.values;
      return data({ form: "accept-risk" as const, errors, values }, { status: 422 });
    }
    acceptRisk(db, {
      organisationId: organisation.id,
      assessmentId,
      finding: { id: finding.id, title: finding.title, severity: finding.severity },
      reason: parsed.value.reason,
      acceptedUntil: parsed.value.until,
      actor,
    });
    throw redirect(`${here}?done=risk-accepted#risks-title`);
  }
  throw new Response('Field "intent" must be start-review, finalise or accept-risk', { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

const fieldsOf = { "sign-off": ["decision", "conditions", "note"], "accept-risk": ["findingId", "reason", "until"] } as const;

export default function AssessmentReviewPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsOf = (form: "sign-off" | "accept-risk"): FormErrors => (actionData?.form === form ? actionData.errors : {});
  const valuesOf = (form: "sign-off" | "accept-risk"): Record<string, string> => (actionData?.form === form ? actionData.values : {});
  const summary = actionData
    ? fieldsOf[actionData.form].flatMap((f) => (actionData.errors[f] ? [{ fieldId: `${actionData.form}-${f}`, message: actionData.errors[f]! }] : []))
    : [];
  const base = `/assessments/${d.assessmentId}`;
  const notices: Record<string, string> = {
    "review-started": "The review has started. The vendor can no longer change answers unless you return a question.",
    finalised: "The assessment is signed off and finalised. Its score is frozen for the report.",
    "risk-accepted": "The risk acceptance was recorded.",
  };
  return (
    <>
      <Breadcrumbs trail={assessmentTrail(d.vendor, base, d.startedAt)} current="Review and sign-off" />
      <ErrorSummary errors={summary} />
      {d.notice && notices[d.notice] ? (
        <p className="notice notice--ok" role="status">
          {notices[d.notice]}
        </p>
      ) : null}
      <h1>Review and sign-off</h1>
      <p>
        <StatusTag status={d.status} />
      </p>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">Steps so far</h2>
        {d.steps.length === 0 ? (
          <p>No step recorded yet.</p>
        ) : (
          <ol className="steps">
            {d.steps.map((step, i) => (
              <li key={i}>
                {step.label}: {step.actor}, {formatDate(step.at)}
              </li>
            ))}
          </ol>
        )}
        {d.actions.includes("start-review") ? (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="start-review" className="button">
              Start the review
            </button>
          </Form>
        ) : null}
        <p>
          <Link to={`${base}/audit`}>See the full audit trail</Link>
        </p>
      </section>

      {d.attestations.length > 0 ? (
        <section aria-labelledby="attestations-title">
          <h2 id="attestations-title">Attestations</h2>
          {d.attestations.map((a, i) => (
            <div key={i} className="attestation">
              <p>
                <strong>
                  {a.name}, {a.title}
                </strong>
                , on {formatDate(a.createdAt)}:
              </p>
              <p>{a.statement}</p>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="returns-title">
        <h2 id="returns-title">Questions returned to the vendor</h2>
        {d.returns.length === 0 ? (
          <p>None. Open a question from the answers to return it with a request.</p>
        ) : (
          <ul className="plain-list">
            {d.returns.map((r) => (
              <li key={r.id} className="return-item">
                <p>
                  <Link to={`${base}/questions/${r.questionId}`}>{r.question}</Link>: {r.resolvedAt ? `answered on ${formatDate(r.resolvedAt)}` : "waiting for the vendor"}
                </p>
                <p className="return-item__request">{r.request}</p>
                <p className="hint">
                  {r.by}, {formatDate(r.at)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`${base}/answers`}>Read all the answers</Link>
        </p>
      </section>

      {d.changedAfterSubmission.length > 0 ? (
        <section aria-labelledby="changed-title">
          <h2 id="changed-title">Answers changed after the first submission</h2>
          <p>
            {d.changedAfterSubmission.filter((c) => !c.asked).length === 0
              ? "Only the questions you returned were changed."
              : `${d.changedAfterSubmission.filter((c) => !c.asked).length} of these changes were not asked for: read them again before you sign off.`}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">Answers changed after the vendor first submitted</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Changed by</th>
                <th scope="col">On</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {d.changedAfterSubmission.map((c) => (
                <tr key={c.questionId}>
                  <td>
                    <Link to={`${base}/questions/${c.questionId}`}>{c.question}</Link> <span className="hint">({c.questionId})</span>
                  </td>
                  <td>{c.by}</td>
                  <td>{formatDate(c.at)}</td>
                  <td>{c.asked ? "Returned with a request" : <strong>Not asked for</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="risks-title">
        <h2 id="risks-title">Findings and accepted risks</h2>
        {d.findings.length === 0 ? (
          <p>The answers give no finding to act on.</p>
        ) : (
          <ul className="plain-list">
            {d.findings.map((f) => (
              <li key={f.id}>
                <span className={`tag tag--severity-${f.severity}`}>{f.severity}</span> {f.title}
                {f.acceptedUntil ? <strong> (risk accepted until {formatDate(f.acceptedUntil)})</strong> : null}
              </li>
            ))}
          </ul>
        )}
        {d.acceptances.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption>Risk acceptances, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Finding</th>
                  <th scope="col">Why</th>
                  <th scope="col">Until</th>
                  <th scope="col">Accepted by</th>
                </tr>
              </thead>
              <tbody>
                {d.acceptances.map((a, i) => (
                  <tr key={i}>
                    <th scope="row">{a.findingTitle}</th>
                    <td>{a.reason}</td>
                    <td>{formatDate(a.acceptedUntil)}</td>
                    <td>
                      {a.acceptedBy}, {formatDate(a.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {d.canAcceptRisk ? (
          <Form method="post" noValidate className="panel">
            <CsrfInput />
            <h3>Accept a finding's risk</h3>
            <div className={`field${errorsOf("accept-risk").findingId ? " field--error" : ""}`}>
              <label htmlFor="accept-risk-findingId">Finding</label>
              {errorsOf("accept-risk").findingId ? (
                <p className="field-error" id="accept-risk-findingId-error">
                  <span className="visually-hidden">Error: </span>
                  {errorsOf("accept-risk").findingId}
                </p>
              ) : null}
              <select id="accept-risk-findingId" name="findingId" defaultValue={valuesOf("accept-risk").findingId ?? ""}>
                <option value="">Choose a finding</option>
                {d.findings.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.severity}: {f.title}
                  </option>
                ))}
              </select>
            </div>
            <TextareaField id="accept-risk-reason" name="reason" label="Why the risk is accepted" error={errorsOf("accept-risk").reason} defaultValue={valuesOf("accept-risk").reason} rows={3} />
            <TextField
              id="accept-risk-until"
              name="until"
              label="Accepted until"
              hint="A date like 2027-06-30. The acceptance lapses after it."
              error={errorsOf("accept-risk").until}
              defaultValue={valuesOf("accept-risk").until}
            />
            <button type="submit" name="intent" value="accept-risk" className="button button--secondary">
              Accept the risk
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="sign-off-title">
        <h2 id="sign-off-title">Sign-off</h2>
        {d.signOff ? (
          <dl className="summary-list">
            <div>
              <dt>Decision</dt>
              <dd>{decisionLabels[d.signOff.decision]}</dd>
            </div>
            {d.signOff.conditions ? (
              <div>
                <dt>Conditions</dt>
                <dd className="return-item__request">{d.signOff.conditions}</dd>
              </div>
            ) : null}
            {d.signOff.note ? (
              <div>
                <dt>Note</dt>
                <dd className="return-item__request">{d.signOff.note}</dd>
              </div>
            ) : null}
            <div>
              <dt>Signed off by</dt>
              <dd>
                {d.signOff.reviewerName}, {formatDate(d.signOff.createdAt)}
              </dd>
            </div>
            <div>
              <dt>Recommended by the score</dt>
              <dd>{d.signOff.recommendedDecision ? decisionLabels[d.signOff.recommendedDecision] : "No recommendation (not scored)"}</dd>
            </div>
          </dl>
        ) : null}
        {d.score.status === "scored" ? (
          <>
            <p>
              The score recommends: <strong>{d.score.recommended ? decisionLabels[d.score.recommended] : "no decision"}</strong>
              {d.score.tier ? `, tier ${d.score.tier}` : ""}.
            </p>
            {d.score.reasons.length > 0 ? (
              <ul>
                {d.score.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>Not scored yet: {d.score.notScoredReason}</p>
        )}
        {d.actions.includes("finalise") ? (
          <Form method="post" noValidate className="panel">
            <CsrfInput />
            <h3>Sign off and finalise</h3>
            <RadioGroup
              id="sign-off-decision"
              name="decision"
              legend="Decision"
              error={errorsOf("sign-off").decision}
              defaultValue={valuesOf("sign-off").decision ?? d.score.recommended ?? undefined}
              options={d.decisions.map((value) => ({
                value,
                label: decisionLabels[value],
                hint: value === d.score.recommended ? "Recommended by the score" : undefined,
              }))}
            />
            <TextareaField
              id="sign-off-conditions"
              name="conditions"
              label="Conditions"
              hint="Needed for an approval with conditions: what must be done before go-live."
              error={errorsOf("sign-off").conditions}
              defaultValue={valuesOf("sign-off").conditions ?? d.score.conditions.join("\n")}
              rows={6}
            />
            <TextareaField id="sign-off-note" name="note" label="Note (optional)" error={errorsOf("sign-off").note} defaultValue={valuesOf("sign-off").note} rows={3} />
            <p>Signing off finalises the assessment and freezes its score for the report. It is recorded with your name and the time.</p>
            <button type="submit" name="intent" value="finalise" className="button">
              Sign off and finalise
            </button>
          </Form>
        ) : d.status !== "finalised" ? (
          <p>A legal reviewer signs off once the vendor has submitted.</p>
        ) : null}
      </section>
    </>
  );
}
