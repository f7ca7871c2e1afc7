import { AnswerView } from "~/answering/answer-view";
import { FlowPicture } from "~/ui/residency/flow-picture";
import { VerdictTag } from "~/ui/residency/verdict";
import type {
  AnswersSection,
  ChartSection,
  ChecklistItem,
  FindingsSection,
  FlowsSection,
  LabelValue,
  ObligationsSection,
  PictureSection,
  ReportModel,
  ReportSection,
  ReportTable,
  RiskSection,
  SignOffSection,
  SourcesSection,
  SummarySection,
  TiaSection,
} from "../types";

// The report as a web page, from the same ReportModel as the PDF: every section
// in the same order with the same words. Server-rendered, no script, no inline
// style (the chart is SVG with presentation attributes, which the CSP allows).

export function ReportView({ model }: { model: ReportModel }) {
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-cover">
        <p className="report-cover__brand">Custodian</p>
        <h1 id="report-title">
          {model.cover.title}
          <span className="report-cover__subtitle">{model.cover.subtitle}</span>
        </h1>
        {model.draft ? (
          <p className="notice notice--danger report-draft">
            <strong>{model.draft}.</strong> This report is computed from the answers as they stand and changes with them.
          </p>
        ) : null}
        {model.cover.decision || model.cover.tier ? (
          <dl className="report-decision">
            {model.cover.decision ? (
              <div>
                <dt>Recommended decision</dt>
                <dd>{model.cover.decision.label}</dd>
              </div>
            ) : null}
            {model.cover.tier ? (
              <div>
                <dt>Tier</dt>
                <dd>{model.cover.tier.label}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        <Facts items={model.cover.facts} />
      </header>
      <nav className="report-toc" aria-labelledby="report-toc-title">
        <h2 id="report-toc-title">Contents</h2>
        <ol>
          {model.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {model.sections.map((s) => (
        <Section key={s.id} section={s} />
      ))}
      <p className="report-footer">{model.footer}</p>
    </article>
  );
}

function Section({ section }: { section: ReportSection }) {
  return (
    <section className={`report-section report-section--${section.kind}`} aria-labelledby={section.id}>
      <h2 id={section.id}>{section.title}</h2>
      <SectionBody section={section} />
    </section>
  );
}

function SectionBody({ section: s }: { section: ReportSection }) {
  switch (s.kind) {
    case "summary":
      return <Summary s={s} />;
    case "risk":
      return <Risk s={s} />;
    case "chart":
      return <Chart s={s} />;
    case "picture":
      return <Picture s={s} />;
    case "flows":
      return <Flows s={s} />;
    case "findings":
      return <Findings s={s} />;
    case "obligations":
      return <Obligations s={s} />;
    case "tia":
      return <Tia s={s} />;
    case "answers":
      return <Answers s={s} />;
    case "sources":
      return <Sources s={s} />;
    case "signoff":
      return <SignOff s={s} />;
  }
}

function Facts({ items }: { items: readonly LabelValue[] }) {
  return (
    <dl className="summary-list">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  return (
    <ul className="checklist">
      {items.map((item, i) => (
        <li key={i} className={item.done ? "checklist__item checklist__item--done" : "checklist__item"}>
          <span className="checklist__box" aria-hidden="true">
            {item.done ? "✓" : ""}
          </span>
          <span>
            <span className="visually-hidden">{item.done ? "In place: " : "To do: "}</span>
            {item.text}
            {item.detail ? <span className="checklist__detail">{item.detail}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Table({ table }: { table: ReportTable }) {
  const align = (i: number) => (table.columns[i]?.align === "right" ? "numeric" : undefined);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.header} scope="col" className={align(i)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, i) => (
                <td key={i} className={align(i)}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.total ? (
          <tfoot>
            <tr>
              {table.total.map((value, i) => (
                <th key={i} scope={i === 0 ? "row" : undefined} className={align(i)}>
                  {value}
                </th>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function Summary({ s }: { s: SummarySection }) {
  return (
    <>
      <p className="report-lead">Recommended decision: {s.decision}</p>
      {s.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {s.reasons.length > 0 ? (
        <>
          <h3>Why</h3>
          <ul>
            {s.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Key figures</h3>
      <Facts items={s.figures} />
      {s.conditions.length > 0 ? (
        <>
          <h3>Conditions before go-live</h3>
          <Checklist items={s.conditions} />
        </>
      ) : null}
    </>
  );
}

function Risk({ s }: { s: RiskSection }) {
  return (
    <>
      <p className="report-lead">{s.headline}</p>
      {s.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {s.tables.map((t) => (
        <Table key={t.caption} table={t} />
      ))}
    </>
  );
}

const CHART_ROW = 26;

function Chart({ s }: { s: ChartSection }) {
  const height = s.bars.length * CHART_ROW + 8;
  return (
    <figure className="report-chart">
      <svg viewBox={`0 0 760 ${height}`} role="img" aria-labelledby="report-chart-title" className="report-chart__svg">
        <title id="report-chart-title">{s.caption}</title>
        {s.bars.map((bar, i) => {
          const y = 4 + i * CHART_ROW;
          return (
            <g key={bar.label}>
              <text x={0} y={y + 15} className="report-chart__label">
                {bar.label}
              </text>
              <rect x={330} y={y + 4} width={340} height={14} fill="#eceef1" />
              {bar.fraction !== null ? <rect x={330} y={y + 4} width={340 * bar.fraction} height={14} fill="#1d3557" /> : null}
              <text x={760} y={y + 15} textAnchor="end" className="report-chart__value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {s.caption}
        {s.note ? ` ${s.note}` : ""}
      </figcaption>
      <table className="visually-hidden">
        <caption>Section scores</caption>
        <tbody>
          {s.bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Picture({ s }: { s: PictureSection }) {
  if (s.empty) return <p className="notice">{s.empty}</p>;
  return <FlowPicture groups={s.groups} id="report-flow-picture" />;
}

function Flows({ s }: { s: FlowsSection }) {
  return (
    <>
      <p>{s.intro}</p>
      <p>
        <strong>{s.counts}</strong>
      </p>
      {s.groups.map((group) => (
        <div className="table-wrap" key={group.subject}>
          <table className="data-table flows-table">
            <caption>{group.heading}</caption>
            <thead>
              <tr>
                <th scope="col">Verdict</th>
                <th scope="col">Destination and use</th>
                <th scope="col">Party</th>
                <th scope="col">Legal basis and citations</th>
                <th scope="col">Still to do</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row, i) => (
                <tr key={i} className={`flow-row flow-row--${row.verdict}`}>
                  <td>
                    <VerdictTag verdict={row.verdict} />
                  </td>
                  <td>
                    {row.destination}
                    <span className="report-muted">{row.use}</span>
                  </td>
                  <td>
                    {row.party}
                    {row.via ? <span className="report-muted">{row.via}</span> : null}
                  </td>
                  <td>
                    {row.basis}
                    <span className="report-citations">{row.citations}</span>
                    {row.verify.map((v, j) => (
                      <span key={j} className="report-verify">
                        {v}
                      </span>
                    ))}
                  </td>
                  <td>{row.obligations || "Nothing"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {s.notes.length > 0 ? (
        <>
          <h3>What the answers could not tell</h3>
          <ul>
            {s.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      {s.flags.length > 0 ? (
        <>
          <h3>Notes from the residency engine</h3>
          <ul>
            {s.flags.map((f, i) => (
              <li key={i}>
                {f.severity}: {f.text}
                {f.citations ? ` (${f.citations})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {s.policy ? (
        <>
          <h3>{s.policy.heading}</h3>
          <p className="notice">{s.policy.notice}</p>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Flow</th>
                  <th scope="col">What breaks it</th>
                </tr>
              </thead>
              <tbody>
                {s.policy.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{r.rule}</td>
                    <td>{r.severity}</td>
                    <td>{r.flow}</td>
                    <td>{r.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

function Findings({ s }: { s: FindingsSection }) {
  return (
    <>
      <p>{s.intro}</p>
      {s.groups.map((group) => (
        <section key={group.severity} aria-label={group.heading}>
          <h3>{group.heading}</h3>
          <ul className="report-findings">
            {group.items.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong>
                <span className="report-muted">{f.source}</span>
                {f.detail ? <span className="report-block">{f.detail}</span> : null}
                <span className="report-block">
                  <strong>Remediation:</strong> {f.remediation}
                </span>
                {f.references ? <span className="report-muted">References: {f.references}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Obligations({ s }: { s: ObligationsSection }) {
  return (
    <>
      <p>{s.intro}</p>
      {s.groups.map((group) => (
        <div key={group.heading}>
          <h3>{group.heading}</h3>
          <Checklist items={group.items} />
        </div>
      ))}
    </>
  );
}

function Tia({ s }: { s: TiaSection }) {
  return (
    <>
      <p>{s.intro}</p>
      {s.notes.map((note) => (
        <section key={note.heading} aria-label={note.heading} className="report-tia">
          <h3>{note.heading}</h3>
          <p className="report-muted">{note.status}</p>
          <ol className="plain-list">
            {note.steps.map((step) => (
              <li key={step.title}>
                <h4>{step.title}</h4>
                {step.lines.length === 0 ? <p className="report-muted">No answer on this in the questionnaire.</p> : null}
                {step.lines.map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function Answers({ s }: { s: AnswersSection }) {
  return (
    <>
      <p>{s.intro}</p>
      {s.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3>{section.title}</h3>
          <dl className="report-answers">
            {section.questions.map((q) => (
              <div key={q.id}>
                <dt>
                  <span className="report-muted">{q.id}</span> {q.text}
                </dt>
                <dd>
                  <AnswerView answer={q.answer} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {s.evidence.length > 0 ? (
        <>
          <h3>Evidence</h3>
          <dl className="report-answers">
            {s.evidence.map((e) => (
              <div key={e.question}>
                <dt>{e.question}</dt>
                <dd>
                  <ul>
                    {e.items.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}

function Sources({ s }: { s: SourcesSection }) {
  return (
    <>
      <Facts items={s.facts} />
      {s.jurisdictions.map((j) => (
        <div key={j.heading}>
          <h3>{j.heading}</h3>
          <ul className="report-sources">
            {j.lines.map((line) => (
              <li key={line.text}>
                <a href={line.url} rel="noreferrer noopener nofollow">
                  {line.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function SignOff({ s }: { s: SignOffSection }) {
  return (
    <>
      <p>{s.statement}</p>
      <p className="report-muted">{s.record}</p>
      {s.signatories.map((who) => (
        <div key={who} className="report-signature panel">
          <h3>{who}</h3>
          <dl>
            {s.fields.map((field) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd />
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}
