import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readers } from "~/auth/permissions";
import { requireUser } from "~/auth/session.server";
import { describeEvents } from "~/audit/describe";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getDb } from "~/db.server";
import { listAssessmentTrail } from "~/models/audit-trail.server";
import { listEvidence } from "~/models/evidence.server";
import workflowStyles from "~/styles/workflow.css?url";
import { formatDate } from "~/ui/format";
import { assessmentTrail, Breadcrumbs } from "~/ui/breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Audit trail · ${data.vendor.name} · Custodian` : "Audit trail · Custodian" },
];

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

// The buyer's view of everything recorded about one assessment: who did what,
// when, with before and after. Each row is checked against its own hash here;
// `npm run audit:verify` checks the whole chain.
export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const db = getDb();
  const workspace = requireAssessmentWorkspace(db, user.organisationId, params.assessmentId ?? "");
  const { assessment } = workspace;
  const rows = listAssessmentTrail(db, user.organisationId, assessment.id);
  const fileNames = Object.fromEntries(listEvidence(db, assessment.id).map((f) => [f.id, f.fileName]));
  const words = describeEvents(rows, workspace.questionnaire, fileNames);
  return {
    assessmentId: assessment.id,
    startedAt: assessment.createdAt,
    vendor: assessment.vendor,
    events: rows.map((row, i) => ({
      id: row.id,
      type: row.type,
      actor: row.actor,
      at: new Date(row.createdAt).toISOString(),
      hash: row.hash,
      intact: row.intact,
      words: words[i]!,
    })),
  };
}

export default function AssessmentAuditPage() {
  const { assessmentId, startedAt, vendor, events } = useLoaderData<typeof loader>();
  const base = `/assessments/${assessmentId}`;
  const broken = events.filter((e) => !e.intact);
  return (
    <>
      <Breadcrumbs trail={assessmentTrail(vendor, base, startedAt)} current="Audit trail" />
      <h1>Audit trail</h1>
      <p className="lead">
        Everything recorded about this assessment, oldest first: who did what and when, with the answer before and after each change. Rows
        cannot be changed or deleted; each carries a hash chained to the one before.
      </p>
      {broken.length > 0 ? (
        <p className="notice notice--danger" role="alert">
          {broken.length === 1 ? "1 row does not match its hash" : `${broken.length} rows do not match their hashes`}: it was changed after it was
          recorded (row {broken.map((e) => e.id).join(", ")}). Run <code>npm run audit:verify</code> and tell your administrator.
        </p>
      ) : null}
      <p>
        <a href={`${base}/audit.jsonl`}>Download this trail (JSON lines, with every hash)</a>
      </p>
      <ol className="trail">
        {events.map((event) => (
          <li key={event.id} className="trail__event" id={`event-${event.id}`}>
            <p className="trail__meta">
              Row {event.id} · {formatDate(event.at)} {timeFormat.format(new Date(event.at))} UTC · {event.actor}
              {event.intact ? null : <span className="trail__broken"> · does not match its hash</span>}
            </p>
            <p className="trail__summary">{event.words.summary}</p>
            {event.words.details.length > 0 || event.words.change ? (
              <dl className="change">
                {event.words.details.map((d, i) => (
                  <div key={i}>
                    <dt>{d.label}</dt>
                    <dd>{d.value}</dd>
                  </div>
                ))}
                {event.words.change ? (
                  <>
                    <dt>Before</dt>
                    <dd>{event.words.change.before}</dd>
                    <dt>After</dt>
                    <dd>{event.words.change.after}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
            <p className="trail__hash">
              <span className="visually-hidden">Hash: </span>
              {event.hash}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
