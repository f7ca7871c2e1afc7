import { and, asc, desc, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/database";
import {
  assessments,
  organisations,
  portfolioEntries,
  reviewCadences,
  riskAcceptances,
  signOffs,
  vendors,
  type AssessmentStatus,
  type DecisionOutcomeValue,
  type SignOffDecision,
  type VendorTier,
} from "#db/schema";
import { scoreWorkspace } from "~/assessments/live-score.server";
import { rulesVersion } from "~/residency";
import { METHOD_VERSION } from "~/scoring";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { addDays, defaultCadence, isoDay, nextReviewOn, REVIEW_DUE_WINDOW_DAYS, reviewState, type Cadence, type ReviewState } from "~/portfolio/cadence";
import { portfolioSorts } from "~/portfolio/query";
import { summariseScore } from "~/portfolio/summary";
import { recordEvent } from "./events.server";
import { getNewestScoreVersion } from "./score-versions.server";
import type { CurrentUser, Organisation } from "./organisations.server";

// The portfolio: one stored row per vendor (docs/decisions/013). The page
// reads rows; it never scores. A row is recomputed here when the triggers of
// migration 0007 marked it stale, when an acceptance it counted lapses, and by
// the "re-score the portfolio" job.

const signOffOutcome: Record<SignOffDecision, DecisionOutcomeValue> = {
  approved: "approve",
  "approved-with-conditions": "approve-with-conditions",
  rejected: "reject",
};

export function getCadence(db: Pick<DB, "select">, organisationId: string): Cadence {
  const rows = db
    .select({ tier: reviewCadences.tier, months: reviewCadences.months })
    .from(reviewCadences)
    .where(eq(reviewCadences.organisationId, organisationId))
    .all();
  const cadence: Cadence = { ...defaultCadence };
  for (const row of rows) cadence[row.tier] = row.months;
  return cadence;
}

interface RefreshContext {
  today: string;
  cadence: Cadence;
  organisation: Organisation;
}

function refreshContext(db: DB, organisationId: string, now: Date): RefreshContext {
  const organisation = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!organisation) throw new Error(`No organisation ${organisationId}`);
  return { today: isoDay(now), cadence: getCadence(db, organisationId), organisation };
}

/** Recomputes one vendor's row from its assessments, the basis assessment's score, its sign-off and accepted risks. */
export function refreshPortfolioEntry(db: DB, organisationId: string, vendorId: string, now = new Date(), context?: RefreshContext) {
  const ctx = context ?? refreshContext(db, organisationId, now);
  // One connection: reads made inside the transaction see the state the write replaces.
  db.transaction(() => {
    const tx = db;
    const vendor = tx
      .select({ id: vendors.id, tier: vendors.tier })
      .from(vendors)
      .where(and(eq(vendors.id, vendorId), eq(vendors.organisationId, organisationId)))
      .get();
    if (!vendor) return;
    const rows = tx
      .select({
        id: assessments.id,
        status: assessments.status,
        dueDate: assessments.dueDate,
        createdAt: assessments.createdAt,
        submittedAt: assessments.submittedAt,
        finalisedAt: assessments.finalisedAt,
      })
      .from(assessments)
      .where(and(eq(assessments.vendorId, vendorId), eq(assessments.organisationId, organisationId)))
      .orderBy(desc(assessments.createdAt), desc(assessments.id))
      .all();
    const latest = rows[0] ?? null;
    const finalised = rows
      .filter((r) => r.status === "finalised")
      .sort((a, b) => (b.finalisedAt ?? b.createdAt).getTime() - (a.finalisedAt ?? a.createdAt).getTime())[0];
    const submitted = rows.find((r) => r.status === "submitted" || r.status === "in-review");
    const basis = finalised ?? submitted ?? null;

    let summary = summariseScore(null, [], ctx.today);
    let decision: DecisionOutcomeValue | null = null;
    let decisionSource: "sign-off" | "recommended" | null = null;
    let lastReviewedOn: string | null = null;
    if (basis) {
      // A finalised assessment is judged by its newest frozen score; before that, by its answers as submitted.
      const frozen = basis.status === "finalised" ? getNewestScoreVersion(db, organisationId, basis.id) : null;
      const score =
        frozen?.snapshot.score ??
        scoreWorkspace(db, ctx.organisation, requireAssessmentWorkspace(db, organisationId, basis.id), basis.finalisedAt ?? basis.submittedAt ?? now);
      const accepted = tx
        .select({ findingId: riskAcceptances.findingId, acceptedUntil: riskAcceptances.acceptedUntil })
        .from(riskAcceptances)
        .where(eq(riskAcceptances.assessmentId, basis.id))
        .all();
      summary = summariseScore(score, accepted, ctx.today);
      const signOff = tx
        .select({ decision: signOffs.decision })
        .from(signOffs)
        .where(eq(signOffs.assessmentId, basis.id))
        .orderBy(desc(signOffs.createdAt), desc(signOffs.id))
        .limit(1)
        .get();
      if (basis.status === "finalised" && signOff) {
        decision = signOffOutcome[signOff.decision];
        decisionSource = "sign-off";
      } else if (summary.recommended) {
        decision = summary.recommended;
        decisionSource = "recommended";
      }
      if (basis.status === "finalised") lastReviewedOn = isoDay(basis.finalisedAt ?? basis.createdAt);
    }
    const tier: VendorTier | null = summary.tier ?? vendor.tier;
    const scoredUnder = basis && basis.status !== "finalised" ? liveScoringRules() : null;
    const values = {
      organisationId,
      latestAssessmentId: latest?.id ?? null,
      latestStatus: latest?.status ?? null,
      latestDueDate: latest?.dueDate ?? null,
      basisAssessmentId: basis?.id ?? null,
      basis: basis ? (basis.status === "finalised" ? ("finalised" as const) : ("submitted" as const)) : null,
      tier,
      decision,
      decisionSource,
      openFindings: summary.openFindings,
      knockouts: summary.knockouts,
      residualRisk: summary.residualRisk,
      lastReviewedOn,
      nextReviewOn: nextReviewOn(lastReviewedOn, tier, ctx.cadence),
      acceptanceLapsesOn: summary.acceptanceLapsesOn,
      stale: false,
      refreshedAt: now,
      scoredUnder,
    };
    tx.insert(portfolioEntries)
      .values({ vendorId, ...values })
      .onConflictDoUpdate({ target: portfolioEntries.vendorId, set: values })
      .run();
  });
}

/** The catalogue and scoring method a live score is computed under today. */
export function liveScoringRules(): string {
  return `${rulesVersion}@${METHOD_VERSION}`;
}

/**
 * Marks stale every row judged by a live score computed under another
 * catalogue or scoring method than today's, so it is recomputed when next
 * read. Run when the server starts, the only time the rules can change.
 */
export function markRowsScoredUnderOldRules(db: DB): number {
  return db
    .update(portfolioEntries)
    .set({ stale: true })
    .where(
      and(
        eq(portfolioEntries.basis, "submitted"),
        eq(portfolioEntries.stale, false),
        sql`${portfolioEntries.scoredUnder} is not ${liveScoringRules()}`,
      ),
    )
    .run().changes;
}

/** Rows marked stale, and rows counting a risk acceptance that has lapsed since: two index lookups, usually empty. */
function staleVendorIds(db: DB, organisationId: string, today: string): string[] {
  const marked = db
    .select({ vendorId: portfolioEntries.vendorId })
    .from(portfolioEntries)
    .where(and(eq(portfolioEntries.organisationId, organisationId), eq(portfolioEntries.stale, true)))
    .all();
  const lapsed = db
    .select({ vendorId: portfolioEntries.vendorId })
    .from(portfolioEntries)
    .where(and(eq(portfolioEntries.organisationId, organisationId), lt(portfolioEntries.acceptanceLapsesOn, today)))
    .all();
  return [...new Set([...marked, ...lapsed].map((r) => r.vendorId))];
}

/** Refreshes the rows that need it; returns how many. Usually none or a few, so the page does it before listing. */
export function refreshStalePortfolio(db: DB, organisationId: string, now = new Date()): number {
  const stale = staleVendorIds(db, organisationId, isoDay(now));
  if (stale.length === 0) return 0;
  const ctx = refreshContext(db, organisationId, now);
  for (const vendorId of stale) refreshPortfolioEntry(db, organisationId, vendorId, now, ctx);
  return stale.length;
}

export function countStalePortfolio(db: DB, organisationId: string, now = new Date()): number {
  return staleVendorIds(db, organisationId, isoDay(now)).length;
}

/** Every vendor id of the organisation, for re-scoring them all. */
export function listPortfolioVendorIds(db: DB, organisationId: string): string[] {
  return db
    .select({ id: vendors.id })
    .from(vendors)
    .where(eq(vendors.organisationId, organisationId))
    .orderBy(asc(vendors.name))
    .all()
    .map((r) => r.id);
}

export { refreshContext as portfolioRefreshContext };

export type PortfolioSort = (typeof portfolioSorts)[number];

export interface PortfolioQuery {
  q?: string;
  tier?: VendorTier;
  decision?: DecisionOutcomeValue;
  review?: ReviewState;
  status?: AssessmentStatus;
  sort: PortfolioSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface PortfolioRow {
  vendorId: string;
  name: string;
  service: string;
  country: string | null;
  tier: VendorTier | null;
  decision: DecisionOutcomeValue | null;
  decisionSource: "sign-off" | "recommended" | null;
  openFindings: number;
  knockouts: number;
  residualRisk: number | null;
  lastReviewedOn: string | null;
  nextReviewOn: string | null;
  reviewState: ReviewState;
  latestAssessmentId: string | null;
  latestStatus: AssessmentStatus | null;
  latestDueDate: string | null;
  basisAssessmentId: string | null;
  basis: "finalised" | "submitted" | null;
}

export interface PortfolioPage {
  rows: PortfolioRow[];
  total: number;
  page: number;
  pages: number;
  /** Vendors of the whole portfolio per review state, whatever the filters. */
  byReviewState: Record<ReviewState, number>;
}

const tierRank = sql`case ${portfolioEntries.tier} when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end`;
const decisionRank = sql`case ${portfolioEntries.decision} when 'reject' then 3 when 'approve-with-conditions' then 2 when 'approve' then 1 else 0 end`;
const statusRank = sql`case ${portfolioEntries.latestStatus} when 'draft' then 1 when 'sent' then 2 when 'in-progress' then 3 when 'returned' then 4 when 'submitted' then 5 when 'in-review' then 6 when 'finalised' then 7 else 0 end`;

// Dates in the conditions are placeholders, so one prepared statement serves every day.
const today$ = sql.placeholder("today");
const dueBy$ = sql.placeholder("dueBy");

function reviewCondition(state: ReviewState): SQL {
  const next = portfolioEntries.nextReviewOn;
  switch (state) {
    case "not-reviewed":
      return isNull(next);
    case "overdue":
      return sql`${next} < ${today$}`;
    case "due":
      return sql`${next} >= ${today$} and ${next} <= ${dueBy$}`;
    case "current":
      return sql`${next} > ${dueBy$}`;
  }
}

function orderBy(sort: PortfolioSort, dir: "asc" | "desc"): SQL[] {
  const d = (expression: SQL | typeof portfolioEntries.openFindings) => (dir === "asc" ? asc(expression) : desc(expression));
  const byName = [asc(vendors.name), asc(vendors.id)];
  switch (sort) {
    case "name":
      return [dir === "asc" ? asc(vendors.name) : desc(vendors.name), asc(vendors.id)];
    case "next-review":
      // Vendors never reviewed sort last either way; the same expression as the index portfolio_entries_org_review_order.
      return [sql`(${portfolioEntries.nextReviewOn} is null)`, d(sql`${portfolioEntries.nextReviewOn}`), ...byName];
    case "tier":
      return [d(tierRank), ...byName];
    case "decision":
      return [d(decisionRank), ...byName];
    case "findings":
      return [d(portfolioEntries.openFindings), ...byName];
    case "risk":
      return [sql`${portfolioEntries.residualRisk} is null`, d(sql`${portfolioEntries.residualRisk}`), ...byName];
    case "status":
      return [d(statusRank), ...byName];
  }
}

const rowColumns = {
  vendorId: portfolioEntries.vendorId,
  name: vendors.name,
  service: vendors.service,
  country: vendors.country,
  tier: portfolioEntries.tier,
  decision: portfolioEntries.decision,
  decisionSource: portfolioEntries.decisionSource,
  openFindings: portfolioEntries.openFindings,
  knockouts: portfolioEntries.knockouts,
  residualRisk: portfolioEntries.residualRisk,
  lastReviewedOn: portfolioEntries.lastReviewedOn,
  nextReviewOn: portfolioEntries.nextReviewOn,
  latestAssessmentId: portfolioEntries.latestAssessmentId,
  latestStatus: portfolioEntries.latestStatus,
  latestDueDate: portfolioEntries.latestDueDate,
  basisAssessmentId: portfolioEntries.basisAssessmentId,
  basis: portfolioEntries.basis,
};

function buildPortfolioStatements(db: DB, query: PortfolioQuery) {
  const filters: SQL[] = [eq(portfolioEntries.organisationId, sql.placeholder("organisationId"))];
  if (query.q) filters.push(sql`${vendors.name} like ${sql.placeholder("name")} escape '\\'`);
  if (query.tier) filters.push(eq(portfolioEntries.tier, sql.placeholder("tier")));
  if (query.decision) filters.push(eq(portfolioEntries.decision, sql.placeholder("decision")));
  if (query.status) filters.push(eq(portfolioEntries.latestStatus, sql.placeholder("status")));
  if (query.review) filters.push(reviewCondition(query.review));
  const where = and(...filters);
  // Only a name filter needs the vendors table; without one the count stays on an index of the portfolio.
  const counted = db.select({ n: sql<number>`count(*)` }).from(portfolioEntries);
  const count = (query.q ? counted.innerJoin(vendors, eq(vendors.id, portfolioEntries.vendorId)) : counted).where(where).prepare();
  const rows = db
    .select(rowColumns)
    .from(portfolioEntries)
    .innerJoin(vendors, eq(vendors.id, portfolioEntries.vendorId))
    .where(where)
    .orderBy(...orderBy(query.sort, query.dir))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare();
  return { count, rows };
}

function buildReviewCountStatement(db: DB) {
  // Four range counts on the next-review index, rather than a CASE over every row.
  const count = (condition: SQL) =>
    sql<number>`(select count(*) from ${portfolioEntries} where ${portfolioEntries.organisationId} = ${sql.placeholder("organisationId")} and ${condition})`;
  return db
    .select({
      notReviewed: count(reviewCondition("not-reviewed")),
      overdue: count(reviewCondition("overdue")),
      due: count(reviewCondition("due")),
      current: count(reviewCondition("current")),
    })
    .from(sql`(select 1)`)
    .prepare();
}

// Building and preparing a query costs more than running it on this page: each shape of query is prepared once per connection.
const statementCache = new WeakMap<DB, { lists: Map<string, ReturnType<typeof buildPortfolioStatements>>; reviewCounts: ReturnType<typeof buildReviewCountStatement> }>();

function statementsFor(db: DB) {
  let cached = statementCache.get(db);
  if (!cached) statementCache.set(db, (cached = { lists: new Map(), reviewCounts: buildReviewCountStatement(db) }));
  return cached;
}

export function listPortfolio(db: DB, organisationId: string, query: PortfolioQuery, now = new Date()): PortfolioPage {
  const today = isoDay(now);
  const statements = statementsFor(db);
  const shape = [query.q ? "q" : "", query.tier ? "t" : "", query.decision ? "d" : "", query.status ? "s" : "", query.review ?? "", query.sort, query.dir].join("|");
  let list = statements.lists.get(shape);
  if (!list) statements.lists.set(shape, (list = buildPortfolioStatements(db, query)));
  const values = {
    organisationId,
    today,
    dueBy: addDays(today, REVIEW_DUE_WINDOW_DAYS),
    name: query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    tier: query.tier ?? null,
    decision: query.decision ?? null,
    status: query.status ?? null,
  };

  const total = list.count.get(values)?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pages);
  const rows = list.rows
    .all({ ...values, limit: query.pageSize, offset: (page - 1) * query.pageSize })
    .map((row) => ({ ...row, reviewState: reviewState(row.nextReviewOn, today) }));

  const counts = statements.reviewCounts.get(values)!;
  const byReviewState: Record<ReviewState, number> = {
    "not-reviewed": counts.notReviewed,
    overdue: counts.overdue,
    due: counts.due,
    current: counts.current,
  };
  return { rows, total, page, pages, byReviewState };
}

export interface PortfolioEntry {
  vendorId: string;
  tier: VendorTier | null;
  decision: DecisionOutcomeValue | null;
  decisionSource: "sign-off" | "recommended" | null;
  openFindings: number;
  nextReviewOn: string | null;
  latestAssessmentId: string | null;
  latestStatus: AssessmentStatus | null;
  basisAssessmentId: string | null;
  basis: "finalised" | "submitted" | null;
}

/** The rows of some vendors of the organisation (refreshed first when stale). */
export function getPortfolioEntries(db: DB, organisationId: string, vendorIds: string[], now = new Date()): Map<string, PortfolioEntry> {
  if (vendorIds.length === 0) return new Map();
  const select = () =>
    db
      .select({
        vendorId: portfolioEntries.vendorId,
        stale: portfolioEntries.stale,
        tier: portfolioEntries.tier,
        decision: portfolioEntries.decision,
        decisionSource: portfolioEntries.decisionSource,
        openFindings: portfolioEntries.openFindings,
        nextReviewOn: portfolioEntries.nextReviewOn,
        latestAssessmentId: portfolioEntries.latestAssessmentId,
        latestStatus: portfolioEntries.latestStatus,
        basisAssessmentId: portfolioEntries.basisAssessmentId,
        basis: portfolioEntries.basis,
      })
      .from(portfolioEntries)
      .where(and(eq(portfolioEntries.organisationId, organisationId), inArray(portfolioEntries.vendorId, vendorIds)))
      .all();
  let rows = select();
  if (rows.some((r) => r.stale)) {
    for (const r of rows.filter((r) => r.stale)) refreshPortfolioEntry(db, organisationId, r.vendorId, now);
    rows = select();
  }
  return new Map(rows.map(({ stale: _stale, ...r }) => [r.vendorId, r]));
}

/**
 * Saves the organisation's cadence and moves every next review date to match,
 * in one transaction with a `review-cadence.changed` event.
 */
export function saveCadence(db: DB, organisationId: string, cadence: Cadence, user: CurrentUser, now = new Date()) {
  db.transaction((tx) => {
    const before = getCadence(tx, organisationId);
    if ((Object.keys(cadence) as VendorTier[]).every((tier) => before[tier] === cadence[tier])) return;
    for (const tier of Object.keys(cadence) as VendorTier[]) {
      const values = { months: cadence[tier], updatedAt: now, updatedByUserId: user.id };
      tx.insert(reviewCadences)
        .values({ organisationId, tier, ...values })
        .onConflictDoUpdate({ target: [reviewCadences.organisationId, reviewCadences.tier], set: values })
        .run();
    }
    const entries = tx
      .select({ vendorId: portfolioEntries.vendorId, tier: portfolioEntries.tier, lastReviewedOn: portfolioEntries.lastReviewedOn })
      .from(portfolioEntries)
      .where(and(eq(portfolioEntries.organisationId, organisationId), sql`${portfolioEntries.lastReviewedOn} is not null`))
      .all();
    for (const entry of entries) {
      tx.update(portfolioEntries)
        .set({ nextReviewOn: nextReviewOn(entry.lastReviewedOn, entry.tier, cadence) })
        .where(eq(portfolioEntries.vendorId, entry.vendorId))
        .run();
    }
    recordEvent(
      tx,
      { organisationId, actorUserId: user.id, actor: user.name, type: "review-cadence.changed", payload: { before, after: cadence } },
      now,
    );
  });
}
