import { Link } from "@remix-run/react";
import type { AssessmentResidency, FlowRow, PolicyFindingRow, SubjectFlows } from "~/assessments/residency.server";
import { formatDate } from "~/ui/format";
import { FlowPicture } from "./flow-picture";
import { useLabels, verdictOrder } from "~/residency/words";
import { VerdictTag } from "./verdict";

// The residency part of the assessment page: the law's verdict on every flow,
// then the buyer's own policy, kept apart and labelled as policy.

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ResidencySection({ residency }: { residency: AssessmentResidency }) {
  return (
    <>
      <section aria-labelledby="residency-title" className="residency">
        <h2 id="residency-title">Where the data goes</h2>
        <ResidencyBody residency={residency} />
      </section>
      {residency.state === "judged" ? <PolicyFindings policy={residency.policy} /> : null}
    </>
  );
}

function ResidencyBody({ residency }: { residency: AssessmentResidency }) {
  switch (residency.state) {
    case "no-subjects":
      return (
        <p className="notice">
          The scope names no region where the data subjects are, so no cross-border flow can be judged yet. Set the
          scope first.
        </p>
      );
    case "no-answers":
      return (
        <p className="notice">
          The vendor has not answered yet, so there are no flows to judge. They appear here once the vendor says where
          the data is stored, backed up, processed and accessed.
        </p>
      );
    case "no-locations":
      return (
        <>
          <p className="notice">
            The answers so far name no place where the data is stored, backed up, processed or accessed, so there are no
            flows to judge yet.
          </p>
          <DerivationNotes notes={residency.notes} />
        </>
      );
    case "judged":
      break;
  }
  const flows = residency.groups.flatMap((g) => g.flows);
  const counts = verdictOrder.map((v) => [v, flows.filter((f) => f.verdict === v).length] as const);
  return (
    <>
      <p>
        Every flow is judged under the law of the data subjects' region, with its legal basis and citation. Rules
        version: the jurisdiction catalogue of <strong>{formatDate(residency.rulesVersion)}</strong> (
        <code>{residency.rulesVersion}</code>).
      </p>
      <p id="verdict-counts-title">{plural(flows.length, "flow")} judged:</p>
      <ul className="verdict-counts" aria-labelledby="verdict-counts-title">
        {counts.map(([verdict, count]) => (
          <li key={verdict}>
            {count} <VerdictTag verdict={verdict} />
          </li>
        ))}
      </ul>
      <FlowPicture groups={residency.groups} />
      <DerivationNotes notes={residency.notes} />
      <h3 id="flows-title">Flows by where the data subjects are</h3>
      {residency.groups.map((group) => (
        <SubjectTable key={group.subject} group={group} />
      ))}
      <h3 id="flags-title">Flags</h3>
      {residency.flags.length === 0 ? (
        <p>No flags.</p>
      ) : (
        <ul className="flag-list" aria-labelledby="flags-title">
          {residency.flags.map((flag) => (
            <li key={flag.text} className="flag-list__item">
              <span className={`tag tag--severity-${flag.severity}`}>{flag.severity}</span> {flag.text}
              {flag.citations.length > 0 ? <span className="citations"> ({flag.citations.join("; ")})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DerivationNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="panel">
      <h3 className="panel__title">What the answers do not tell yet</h3>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

function SubjectTable({ group }: { group: SubjectFlows }) {
  return (
    <div className="table-wrap">
      <table className="data-table flows-table">
        <caption>
          Data subjects in {group.label}: {plural(group.flows.length, "flow")}
        </caption>
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col">Destination</th>
            <th scope="col">Use</th>
            <th scope="col">Party</th>
            <th scope="col">Basis</th>
            <th scope="col">Citations</th>
            <th scope="col">Obligations</th>
          </tr>
        </thead>
        <tbody>
          {group.flows.length === 0 ? (
            <tr>
              <td colSpan={7}>No flows for these data subjects.</td>
            </tr>
          ) : (
            group.flows.map((flow, i) => <FlowTableRow key={`${flow.party}-${flow.region}-${flow.use}-${i}`} flow={flow} />)
          )}
        </tbody>
      </table>
    </div>
  );
}

function FlowTableRow({ flow }: { flow: FlowRow }) {
  return (
    <tr>
      <td>
        <VerdictTag verdict={flow.verdict} />
      </td>
      <td>{flow.regionLabel}</td>
      <td>{useLabels[flow.use]}</td>
      <td>
        {flow.partyName}
        {flow.via.length > 1 ? <span className="flow-via"> (via {flow.via.slice(1).join(" → ")})</span> : null}
      </td>
      <td>
        {flow.basis}
        {flow.verify.map((note) => (
          <p key={note} className="flow-verify">
            <span className="tag tag--verify">Verify</span> {note.replace(/^Verify:\s*/, "")}
          </p>
        ))}
      </td>
      <td>
        <ul className="plain-list citations">
          {flow.citations.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </td>
      <td>{flow.obligations.length > 0 ? flow.obligations.join("; ") : "None"}</td>
    </tr>
  );
}

function PolicyFindings({ policy }: { policy: Extract<AssessmentResidency, { state: "judged" }>["policy"] }) {
  const label = `Policy (${policy.organisationName}'s own rule)`;
  const byRule = new Map<string, PolicyFindingRow[]>();
  for (const finding of policy.findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  return (
    <section aria-labelledby="policy-findings-title" className="policy-findings">
      <h2 id="policy-findings-title">{policy.organisationName}'s own residency policy</h2>
      <p className="notice notice--policy">
        These findings come from {policy.organisationName}'s own rules, not from the law: a flow can be lawful and still
        break them. <Link to="/policy">See or change the policy</Link>.
      </p>
      {policy.rulesInForce === 0 ? (
        <p>{policy.organisationName} has no residency rules switched on.</p>
      ) : policy.findings.length === 0 ? (
        <p>
          No flow breaks {policy.organisationName}'s {plural(policy.rulesInForce, "rule")}.
        </p>
      ) : (
        [...byRule.values()].map((findings) => {
          const first = findings[0]!;
          return (
            <div className="table-wrap" key={first.ruleId}>
              <table className="data-table policy-table">
                <caption>
                  <span className="tag tag--policy">{label}</span> {first.ruleText}:{" "}
                  {plural(findings.length, "finding")}, severity {first.severity}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Finding</th>
                    <th scope="col">Data subjects</th>
                    <th scope="col">Destination</th>
                    <th scope="col">Use</th>
                    <th scope="col">Party</th>
                    <th scope="col">What breaks the rule</th>
                  </tr>
                </thead>
                <tbody>
                  {findings.map((f, i) => (
                    <tr key={`${f.subject}-${f.party}-${f.region}-${f.use}-${i}`}>
                      <td>
                        <span className="tag tag--policy">{label}</span>
                      </td>
                      <td>{f.subjectLabel}</td>
                      <td>{f.regionLabel}</td>
                      <td>{useLabels[f.use]}</td>
                      <td>{f.partyName}</td>
                      <td>{f.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })
      )}
    </section>
  );
}

