import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { requireValidCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/auth/csrf-input";
import { assessors, hasRole, readers } from "~/auth/permissions";
import { requireUser, requireUserOrganisation } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { regionLabel } from "~/geo/regions";
import { startPortfolioExport, startPortfolioRescore } from "~/jobs/portfolio-jobs.server";
import { getCadence, listPortfolio, refreshStalePortfolio } from "~/models/portfolio.server";
import { reviewStateLabels } from "~/portfolio/cadence";
import { parsePortfolioQuery, portfolioHref, PORTFOLIO_PAGE_SIZE, portfolioSorts, reviewStates, type PortfolioFilters } from "~/portfolio/query";
import { DecisionText, describeFilters, ReviewTag, sortLabels, TierTag } from "~/ui/portfolio";
import { formatDate, statusLabels, tierLabels } from "~/ui/format";
import { StatusTag } from "~/ui/status-tag";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "Portfolio · Custodian" }];

function requireQuery(request: Request) {
  const parsed = parsePortfolioQuery(new URL(request.url).searchParams);
  if (!parsed.ok) throw new Response(parsed.message, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return parsed.query;
}

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { roles: readers });
  const query = requireQuery(request);
  const db = getDb();
  refreshStalePortfolio(db, user.organisationId);
  const { rows, ...page } = listPortfolio(db, user.organisationId, { ...query, pageSize: PORTFOLIO_PAGE_SIZE });
  return {
    query,
    // Only what the table shows: the page is sent as HTML and again as data for hydration.
    page: {
      ...page,
      rows: rows.map((r) => ({
        vendorId: r.vendorId,
        name: r.name,
        service: r.service,
        country: r.country,
        tier: r.tier,
        decision: r.decision,
        decisionSource: r.decisionSource,
        openFindings: r.openFindings,
        knockouts: r.knockouts,
        nextReviewOn: r.nextReviewOn,
        reviewState: r.reviewState,
        latestAssessmentId: r.latestAssessmentId,
        latestStatus: r.latestStatus,
        latestDueDate: r.latestDueDate,
      })),
    },
    cadence: getCadence(db, user.organisationId),
    canChange: hasRole(user.role, assessors),
  };
}

const IntentSchema = z.object({ intent: z.enum(["rescore", "export"], 'Field "intent" must be rescore or export') });

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { roles: assessors });
  const organisation = requireUserOrganisation(request, { roles: assessors });
  const formData = await readFormData(request);
  requireValidCsrf(request, formData);
  const parsed = IntentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Bad request", { status: 422 });
  const db = getDb();
  if (parsed.data.intent === "rescore") throw redirect(`/jobs/${startPortfolioRescore(db, organisation, user)}`);
  const query = requireQuery(request);
  const { page: _page, ...filters } = query;
  throw redirect(`/jobs/${startPortfolioExport(db, organisation, user, filters, describeFilters(query))}`);
}

export default function PortfolioPage() {
  const { query, page, cadence, canChange } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.q || query.tier || query.decision || query.review || query.status);
  const actionSearch = portfolioHref(query, { page: undefined }).replace(/^\/portfolio/, "");
  return (
    <>
      <h1>Portfolio</h1>
      <p className="lead">
        Every vendor with its tier, decision, open findings and next review. Reviews fall due every {cadence.high} months
        for high-tier vendors, {cadence.medium} for medium and {cadence.low} for low (
        <Link to="/portfolio/cadence">review cadence</Link>).
      </p>

      <ul className="review-counts" aria-label="Vendors by review state">
        {reviewStates.map((state) => (
          <li key={state}>
            <Link to={portfolioHref(query, { review: state, page: undefined })} aria-current={query.review === state ? "true" : undefined}>
              <ReviewTag state={state} />
              <span className="review-counts__number">{page.byReviewState[state]}</span>
            </Link>
          </li>
        ))}
      </ul>

      <Form method="get" className="filters" aria-label="Filter and sort the portfolio">
        <div className="field">
          <label htmlFor="q">Vendor name</label>
          <input type="text" id="q" name="q" defaultValue={query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="tier">Tier</label>
          <select id="tier" name="tier" defaultValue={query.tier ?? ""}>
            <option value="">Any</option>
            {(["high", "medium", "low"] as const).map((t) => (
              <option key={t} value={t}>
                {tierLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="decision">Decision</label>
          <select id="decision" name="decision" defaultValue={query.decision ?? ""}>
            <option value="">Any</option>
            <option value="approve">Approve</option>
            <option value="approve-with-conditions">Approve with conditions</option>
            <option value="reject">Reject</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="review">Review</label>
          <select id="review" name="review" defaultValue={query.review ?? ""}>
            <option value="">Any</option>
            {reviewStates.map((s) => (
              <option key={s} value={s}>
                {reviewStateLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Current assessment</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            {portfolioSorts.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dir">Order</label>
          <select id="dir" name="dir" defaultValue={query.dir}>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button">
            Show vendors
          </button>
          {filtered ? <Link to="/portfolio">Clear filters</Link> : null}
        </div>
      </Form>

      <p role="status">
        {page.total === 0
          ? "No vendor matches these filters."
          : `${page.total.toLocaleString("en-GB")} vendor${page.total === 1 ? "" : "s"}${filtered ? " match" : ""}. ${describeFilters(query)}. Page ${page.page} of ${page.pages}.`}
      </p>

      {page.rows.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="data-table portfolio-table">
              <caption className="visually-hidden">Vendors, {describeFilters(query)}</caption>
              <thead>
                <tr>
                  <th scope="col">Compare</th>
                  <th scope="col">Vendor</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Open findings</th>
                  <th scope="col">Next review</th>
                  <th scope="col">Current assessment</th>
                </tr>
              </thead>
              <tbody>
                {/* Plain links: fifty router-resolved <Link>s cost more to render than the rest of the table. */}
                {page.rows.map((row) => (
                  <tr key={row.vendorId}>
                    <td>
                      <input
                        type="checkbox"
                        name="vendor"
                        value={row.vendorId}
                        form="compare-form"
                        id={`compare-${row.vendorId}`}
                        aria-label={`Compare ${row.name}`}
                      />
                    </td>
                    <th scope="row">
                      <a href={`/vendors/${row.vendorId}`}>{row.name}</a>
                      <span className="portfolio-table__service">
                        {row.service}
                        {row.country ? `, ${regionLabel(row.country)}` : ""}
                      </span>
                    </th>
                    <td>{row.tier ? <TierTag tier={row.tier} /> : "Not tiered"}</td>
                    <td>
                      <DecisionText decision={row.decision} source={row.decisionSource} />
                    </td>
                    <td>
                      {row.openFindings}
                      {row.knockouts > 0 ? ` (${row.knockouts} knockout${row.knockouts === 1 ? "" : "s"})` : ""}
                    </td>
                    <td>
                      {row.nextReviewOn ? <time dateTime={row.nextReviewOn}>{formatDate(row.nextReviewOn)}</time> : null}{" "}
                      <ReviewTag state={row.reviewState} />
                      {(row.reviewState === "due" || row.reviewState === "overdue") && row.latestStatus === "finalised" && canChange ? (
                        <>
                          {" "}
                          <a href={`/vendors/${row.vendorId}/next-cycle`}>Start the next review</a>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {row.latestAssessmentId && row.latestStatus ? (
                        <a href={`/assessments/${row.latestAssessmentId}`}>
                          <StatusTag status={row.latestStatus} />
                        </a>
                      ) : (
                        "None"
                      )}
                      {row.latestDueDate && row.latestStatus !== "finalised" ? (
                        <span className="portfolio-table__due"> answers due {formatDate(row.latestDueDate)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="get" action="/compare" id="compare-form" className="compare-form">
            <button type="submit" className="button button--secondary">
              Compare the ticked vendors
            </button>{" "}
            <span className="hint">Tick two to four vendors.</span>
          </Form>
          <Pagination query={query} page={page.page} pages={page.pages} />
        </>
      ) : null}

      {canChange ? (
        <section aria-labelledby="portfolio-actions-title">
          <h2 id="portfolio-actions-title">Whole portfolio</h2>
          <Form method="post" action={`/portfolio${actionSearch}`} className="button-row">
            <CsrfInput />
            <button type="submit" name="intent" value="export" className="button button--secondary">
              Export these vendors as a workbook
            </button>{" "}
            <button type="submit" name="intent" value="rescore" className="button button--secondary">
              Re-score the portfolio
            </button>
          </Form>
          <p className="hint">
            Re-scoring applies today's jurisdiction catalogue, scoring method and residency policy to every vendor's
            latest submitted or finalised assessment.
          </p>
        </section>
      ) : null}
    </>
  );
}

function Pagination({ query, page, pages }: { query: PortfolioFilters; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={portfolioHref(query, { page: page - 1 })} rel="prev">
              Previous page
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Page {page} of {pages}
        </li>
        {page < pages ? (
          <li>
            <Link to={portfolioHref(query, { page: page + 1 })} rel="next">
              Next page
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
