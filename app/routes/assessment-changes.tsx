import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { AnswerView } from "~/answering/answer-view";
import { displayAnswer } from "~/answering/display";
import { requireValidCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/auth/csrf-input";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { answersLocked } from "~/models/answers.server";
import { confirmCarriedAnswers, listCarryovers } from "~/models/cycles.server";
import { carryStateLabels, carryStates, type CarryState } from "~/portfolio/carry";
import { text, type Answer } from "~/questionnaire";
import { formatDate } from "~/ui/format";
import { readFormData } from "~/utils/form-data.server";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Changes since the last review · ${data.vendor.name} · Custodian` : "Changes · Custodian" },
];

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const { assessment, questionnaire, answers } = workspace;
  const carryovers = listCarryovers(db, assessment.id);
  const fromId = carryovers[0]?.fromAssessmentId ?? null;
  const previous = fromId ? requireAssessmentWorkspace(db, user.organisationId, fromId) : null;
  const states = carryStates(answers, carryovers, questionnaire, previous);
  const byQuestion = new Map(carryovers.map((c) => [c.questionId, c]));
  const context = { answers, vendorLabel: `${assessment.vendor.name} (the vendor)` };
  const previousContext = previous ? { answers: previous.answers, vendorLabel: context.vendorLabel } : context;
  const sections = questionnaire.sections
    .map((section) => ({
      id: section.id,
      title: text(section.title),
      questions: section.questions.flatMap((question) => {
        const state = states.get(question.id);
        if (!state) return [];
        const carried = byQuestion.get(question.id);
        const last = carried ? { value: carried.value, naReason: carried.naReason } : previous?.answers[question.id];
        return [
          {
            id: question.id,
            text: text(question.text),
            state,
            last: last ? displayAnswer(question, last as Answer, previousContext) : null,
            now: displayAnswer(question, answers[question.id], context),
            confirmedBy: carried?.confirmedBy ?? null,
            confirmedAt: carried?.confirmedAt?.toISOString() ?? null,
          },
        ];
      }),
    }))
    .filter((s) => s.questions.length > 0);
  const counts: Record<CarryState, number> = { "to-confirm": 0, confirmed: 0, changed: 0, "new-question": 0, "not-carried": 0 };
  for (const state of states.values()) counts[state]++;
  return {
    assessmentId: assessment.id,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    previous: previous ? { id: previous.assessment.id, finalisedAt: previous.assessment.finalisedAt, createdAt: previous.assessment.createdAt } : null,
    sections,
    counts,
    canConfirm: hasRole(user.role, assessors) && !answersLocked(assessment.status),
  };
}

const ConfirmSchema = z.object({
  intent: z.enum(["confirm-ticked", "confirm-all"], 'Field "intent" must be confirm-ticked or confirm-all'),
  question: z.array(z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'Field "question" must be question ids')).max(1000),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const parsed = ConfirmSchema.safeParse({ intent: formData.get("intent"), question: formData.getAll("question") });
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Bad request", { status: 422 });
  const questionIds =
    parsed.data.intent === "confirm-all" ? listCarryovers(db, workspace.assessment.id).map((c) => c.questionId) : parsed.data.question;
  confirmCarriedAnswers(db, {
    organisationId: user.organisationId,
    assessmentId: workspace.assessment.id,
    questionIds,
    user: { userId: user.id, name: user.name },
  });
  throw redirect(`/assessments/${workspace.assessment.id}/changes`);
}

export default function AssessmentChangesPage() {
  const { assessmentId, startedAt, vendor, previous, sections, counts, canConfirm } = useLoaderData<typeof loader>();
  const base = `/assessments/${assessmentId}`;
  return (
    <>
      <Breadcrumbs trail={assessmentTrail(vendor, base, startedAt)} current="Changes since the last review" />
      <h1>Changes since the last review</h1>
      {!previous ? (
        <p>This assessment did not start from an earlier one, so nothing was carried over.</p>
      ) : (
        <>
          <p className="lead">
            Answers carried over from the <Link to={`/assessments/${previous.id}`}>assessment finalised on {formatDate(previous.finalisedAt ?? previous.createdAt)}</Link>.
            The vendor confirms each one or changes it.
          </p>
          <ul className="carry-counts">
            {(Object.keys(counts) as CarryState[]).map((state) => (
              <li key={state}>
                <span className={`tag tag--carry-${state}`}>{carryStateLabels[state]}</span> {counts[state]}
              </li>
            ))}
          </ul>
          <Form method="post">
            <CsrfInput />
            {sections.map((section) => (
              <section key={section.id} aria-labelledby={`changes-${section.id}`}>
                <h2 id={`changes-${section.id}`}>{section.title}</h2>
                <div className="table-wrap">
                  <table className="data-table carry-table">
                    <caption className="visually-hidden">{section.title}: carried-over answers</caption>
                    <thead>
                      <tr>
                        {canConfirm ? <th scope="col">Confirm</th> : null}
                        <th scope="col">Question</th>
                        <th scope="col">State</th>
                        <th scope="col">Last review</th>
                        <th scope="col">Now</th>
                      </tr>
                    </thead>
                    <tbody>
                      {section.questions.map((q) => (
                        <tr key={q.id} className={q.state === "changed" ? "carry-table__changed" : undefined}>
                          {canConfirm ? (
                            <td>
                              {q.state === "to-confirm" ? (
                                <input type="checkbox" name="question" value={q.id} id={`confirm-${q.id}`} aria-label={`Confirm ${q.id}`} />
                              ) : null}
                            </td>
                          ) : null}
                          <th scope="row">
                            <span className="import-changes__id">{q.id}</span> {q.text}
                          </th>
                          <td>
                            <span className={`tag tag--carry-${q.state}`}>{carryStateLabels[q.state]}</span>
                            {q.confirmedBy && q.confirmedAt ? (
                              <span className="hint">
                                {" "}
                                by {q.confirmedBy}, {formatDate(q.confirmedAt)}
                              </span>
                            ) : null}
                          </td>
                          <td>{q.last ? <AnswerView answer={q.last} /> : "—"}</td>
                          <td>
                            <AnswerView answer={q.now} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
            {canConfirm && counts["to-confirm"] > 0 ? (
              <p className="button-row">
                <button type="submit" name="intent" value="confirm-ticked" className="button">
                  Confirm the ticked answers
                </button>{" "}
                <button type="submit" name="intent" value="confirm-all" className="button button--secondary">
                  Confirm all {counts["to-confirm"]} answers still to confirm
                </button>
              </p>
            ) : null}
          </Form>
        </>
      )}
    </>
  );
}
