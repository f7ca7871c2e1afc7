import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readers } from "~/auth/permissions";
import { requireUserOrganisation } from "~/auth/session.server";
import { loadComparison } from "~/assessments/compare.server";
import { getDb } from "~/db.server";
import { parseCompareQuery, type ComparisonRow } from "~/portfolio/compare";
import { formatDate } from "~/ui/format";
import { VerdictTag } from "~/ui/residency/verdict";
import { Breadcrumbs } from "~/ui/breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Compare ${data.model.vendors.map((v) => v.name).join(", ")} · Custodian` : "Compare vendors · Custodian" },
];

export function loader({ request }: LoaderFunctionArgs) {
  const organisation = requireUserOrganisation(request, { roles: readers });
  const url = new URL(request.url);
  const query = parseCompareQuery(url.searchParams);
  if (!query.ok) throw new Response(query.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { model, issuedAt } = loadComparison(getDb(), organisation, query.vendorIds);
  return { model, issuedAt, pdfHref: `/compare.pdf?${query.vendorIds.map((id) => `vendor=${encodeURIComponent(id)}`).join("&")}` };
}

export default function ComparePage() {
  const { model, issuedAt, pdfHref } = useLoaderData<typeof loader>();
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {model.vendors.map((v) => (
          <th scope="col" key={v.id}>
            <Link to={`/vendors/${v.id}`}>{v.name}</Link>
          </th>
        ))}
      </tr>
    </thead>
  );
  const rows = (list: ComparisonRow[]) =>
    list.map((row) => (
      <tr key={row.label}>
        <th scope="row">{row.label}</th>
        {row.cells.map((cell, i) => (
          <td key={i}>{cell}</td>
        ))}
      </tr>
    ));
  return (
    <>
      <Breadcrumbs trail={[{ to: "/portfolio", label: "Portfolio" }]} current="Compare vendors" />
      <h1>Compare vendors</h1>
      <p className="lead">
        Each vendor by its latest assessment: the finalised one with its frozen score or, before that, the latest one
        scored as its answers stand (figures as of {formatDate(issuedAt)}).
      </p>
      <p>
        <a className="button button--secondary" href={pdfHref} download>
          Download the comparison (PDF)
        </a>
      </p>

      <section aria-labelledby="compare-summary">
        <h2 id="compare-summary">Summary</h2>
        <div className="table-wrap">
          <table className="data-table compare-table">
            <caption className="visually-hidden">Key figures of each vendor</caption>
            {head("")}
            <tbody>
              <tr>
                <th scope="row">Service</th>
                {model.vendors.map((v) => (
                  <td key={v.id}>{v.service}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Assessment compared</th>
                {model.vendors.map((v) => (
                  <td key={v.id}>
                    <Link to={`/assessments/${v.assessmentId}`}>{v.assessmentLabel}</Link>
                  </td>
                ))}
              </tr>
              {rows(model.summary.filter((r) => r.label !== "Assessment"))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-sections">
        <h2 id="compare-sections">Section scores</h2>
        <div className="table-wrap">
          <table className="data-table compare-table">
            <caption className="visually-hidden">Control score of each section, 100 is best</caption>
            {head("Section (100 is best)")}
            <tbody>{rows(model.sections)}</tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-regions">
        <h2 id="compare-regions">Flows and verdicts by where the data subjects are</h2>
        <div className="table-wrap">
          <table className="data-table compare-table">
            <caption className="visually-hidden">Flows of each vendor per subject region, with the most severe verdict</caption>
            {head("Data subjects in")}
            <tbody>
              {model.regions.map((region) => (
                <tr key={region.subject}>
                  <th scope="row">{region.label}</th>
                  {region.cells.map((cell, i) => (
                    <td key={i}>
                      {cell.worst ? (
                        <>
                          <VerdictTag verdict={cell.worst} /> <span className="visually-hidden">at worst. </span>
                        </>
                      ) : null}
                      <span className="compare-table__detail">{cell.text}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-knockouts">
        <h2 id="compare-knockouts">Knockout answers</h2>
        <div className="table-wrap">
          <table className="data-table compare-table">
            <caption className="visually-hidden">Knockout answers of each vendor</caption>
            {head("")}
            <tbody>
              <tr>
                <th scope="row">Knockouts</th>
                {model.knockouts.map((list, i) => (
                  <td key={i}>
                    {list.length === 0 ? (
                      "None"
                    ) : (
                      <ul className="plain-list">
                        {list.map((k) => (
                          <li key={k}>{k}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-decisions">
        <h2 id="compare-decisions">Decisions</h2>
        <div className="table-wrap">
          <table className="data-table compare-table">
            <caption className="visually-hidden">Decision of each vendor, why, and its conditions</caption>
            {head("")}
            <tbody>
              <tr>
                <th scope="row">Decision</th>
                {model.decisions.map((d, i) => (
                  <td key={i}>
                    <strong>{d.label}</strong>
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Why</th>
                {model.decisions.map((d, i) => (
                  <td key={i}>
                    <ul className="plain-list">
                      {d.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Conditions</th>
                {model.decisions.map((d, i) => (
                  <td key={i}>
                    {d.conditions.length === 0 ? (
                      "None"
                    ) : (
                      <ol>
                        {d.conditions.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ol>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
