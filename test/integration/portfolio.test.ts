import ExcelJS from "exceljs";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { assessments, events, organisations, policyRules, portfolioEntries, riskAcceptances, signOffs, users, vendors } from "#db/schema";
import { getDb } from "~/db.server";
import { waitForJob } from "~/jobs/runner.server";
import { scoreWorkspace } from "~/assessments/live-score.server";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getPortfolioEntries, liveScoringRules, markRowsScoredUnderOldRules } from "~/models/portfolio.server";
import { getNewestScoreVersion } from "~/models/score-versions.server";
import { addMonths } from "~/portfolio/cadence";
import { loader as jobLoader } from "~/routes/job";
import { loader as jobFileLoader } from "~/routes/job-file";
import { action as portfolioAction, loader as portfolioLoader } from "~/routes/portfolio";
import { action as cadenceAction, loader as cadenceLoader } from "~/routes/portfolio-cadence";
import { reply, routeArgs, signedInAs, type TestBrowser } from "../support/auth";

let viewer: TestBrowser;
let assessor: TestBrowser;
beforeAll(async () => {
  viewer = await signedInAs("viewer");
  assessor = await signedInAs("assessor");
});

const list = (query = "") => portfolioLoader(routeArgs(viewer.get(`/portfolio${query}`)));

function vendorNamed(name: string) {
  const row = getDb()
    .select({ vendorId: vendors.id, assessmentId: assessments.id, organisationId: vendors.organisationId })
    .from(vendors)
    .innerJoin(assessments, eq(assessments.vendorId, vendors.id))
    .where(eq(vendors.name, name))
    .get();
  if (!row) throw new Error(`No vendor ${name}`);
  return row;
}

function entry(name: string) {
  return getDb().select().from(portfolioEntries).where(eq(portfolioEntries.vendorId, vendorNamed(name).vendorId)).get()!;
}

function jobIdOf(location: string | null): string {
  const match = /^\/jobs\/([A-Za-z0-9_-]+)$/.exec(location ?? "");
  if (!match) throw new Error(`Not a job page: ${location}`);
  return match[1]!;
}

describe("the portfolio", () => {
  it("lists every vendor with its tier, decision, open findings and next review, never scoring on the page once rows are fresh", async () => {
    const page = await list();
    expect(page.page.total).toBe(4);
    const northwind = page.page.rows.find((r) => r.name === "Northwind CRM GmbH")!;
    expect(northwind).toMatchObject({ latestStatus: "finalised", tier: "medium", decision: "approve-with-conditions" });
    expect(entry("Northwind CRM GmbH").basis).toBe("finalised");
    expect(northwind.openFindings).toBeGreaterThan(0);
    expect(northwind.nextReviewOn).toBe(addMonths(entry("Northwind CRM GmbH").lastReviewedOn!, 24));
    expect(northwind.reviewState).toBe("current");
    const bluebird = page.page.rows.find((r) => r.name === "Bluebird Customer Cloud, Inc.")!;
    expect(bluebird).toMatchObject({ latestStatus: "in-review", decisionSource: "recommended", nextReviewOn: null, reviewState: "not-reviewed" });
    expect(entry("Bluebird Customer Cloud, Inc.").basis).toBe("submitted");
    expect(bluebird.knockouts).toBe(1);
    const kairos = page.page.rows.find((r) => r.name === "Kairos Relations K.K.")!;
    expect(kairos).toMatchObject({ decision: null, openFindings: 0 });
    expect(entry("Kairos Relations K.K.").basis).toBeNull();
    expect(page.page.byReviewState).toEqual({ "not-reviewed": 3, current: 1, due: 0, overdue: 0 });
    expect(getDb().select().from(portfolioEntries).where(eq(portfolioEntries.stale, true)).all()).toEqual([]);
  });

  it("filters by tier, decision, review state and name, and sorts either way", async () => {
    expect((await list("?tier=high")).page.rows.map((r) => r.name)).toEqual(["Bluebird Customer Cloud, Inc."]);
    expect((await list("?review=not-reviewed&sort=name")).page.rows.map((r) => r.name)).toEqual([
      "Bluebird Customer Cloud, Inc.",
      "Kairos Relations K.K.",
      "Maple Ledger CRM Inc.",
    ]);
    expect((await list("?review=not-reviewed&sort=name&dir=desc")).page.rows.map((r) => r.name)[0]).toBe("Maple Ledger CRM Inc.");
    expect((await list("?decision=approve-with-conditions&sort=findings")).page.rows.map((r) => r.name)).toEqual([
      "Bluebird Customer Cloud, Inc.",
      "Northwind CRM GmbH",
    ]);
    expect((await list("?q=ledger")).page.rows.map((r) => r.name)).toEqual(["Maple Ledger CRM Inc."]);
    expect((await list("?q=%25")).page.total).toBe(0);
    const byNext = (await list()).page.rows.map((r) => r.name);
    expect(byNext[0]).toBe("Northwind CRM GmbH");
  });

  it("answers a filter it does not know with a 422 that names the parameter", async () => {
    for (const [query, message] of [
      ["?tier=urgent", 'Parameter "tier" must be high, medium or low'],
      ["?sort=colour", 'Parameter "sort" must be one of'],
      ["?page=0", 'Parameter "page" must be 1 or more'],
    ]) {
      const result = await reply(() => list(query));
      expect(result.status).toBe(422);
      expect(result.data).toContain(message);
    }
  });

  it("shows the legal reviewer's sign-off as the decision once a finalised assessment is signed, and counts accepted risks out of the open findings", async () => {
    const northwind = vendorNamed("Northwind CRM GmbH");
    const before = entry("Northwind CRM GmbH");
    const legal = getDb().select({ id: users.id, name: users.name }).from(users).where(eq(users.role, "legal-reviewer")).get()!;
    const db = getDb();
    db.insert(signOffs)
      .values({
        id: newId(),
        organisationId: northwind.organisationId,
        assessmentId: northwind.assessmentId,
        decision: "rejected",
        recommendedDecision: "approved-with-conditions",
        reviewerUserId: legal.id,
        reviewerName: legal.name,
      })
      .run();
    expect(entry("Northwind CRM GmbH").stale).toBe(true);
    const page = await list();
    const row = page.page.rows.find((r) => r.name === "Northwind CRM GmbH")!;
    expect(row).toMatchObject({ decision: "reject", decisionSource: "sign-off" });

    const finding = getNewestScoreVersion(db, northwind.organisationId, northwind.assessmentId)!.snapshot.score.findings.find((f) => f.severity === "high")!;
    db.insert(riskAcceptances)
      .values({
        id: newId(),
        organisationId: northwind.organisationId,
        assessmentId: northwind.assessmentId,
        findingId: finding.id,
        findingTitle: finding.title,
        findingSeverity: finding.severity,
        reason: "Compensating control in our contract",
        acceptedUntil: "2099-12-31",
        acceptedByUserId: legal.id,
        acceptedBy: legal.name,
      })
      .run();
    const accepted = getPortfolioEntries(db, northwind.organisationId, [northwind.vendorId]).get(northwind.vendorId)!;
    expect(accepted.openFindings).toBe(before.openFindings - 1);
    expect(entry("Northwind CRM GmbH").acceptanceLapsesOn).toBe("2099-12-31");
  });

  it("marks a vendor's row stale when its assessment changes state, and the next page shows the change", async () => {
    const maple = vendorNamed("Maple Ledger CRM Inc.");
    getDb().update(assessments).set({ status: "submitted", submittedAt: new Date() }).where(eq(assessments.id, maple.assessmentId)).run();
    expect(entry("Maple Ledger CRM Inc.").stale).toBe(true);
    const row = (await list("?q=maple")).page.rows[0]!;
    expect(row).toMatchObject({ latestStatus: "submitted", decisionSource: "recommended" });
    expect(entry("Maple Ledger CRM Inc.").basis).toBe("submitted");
    expect(row.tier).not.toBeNull();
    getDb().update(assessments).set({ status: "in-progress", submittedAt: null }).where(eq(assessments.id, maple.assessmentId)).run();
    expect((await list("?q=maple")).page.rows[0]).toMatchObject({ latestStatus: "in-progress", decision: null });
    expect(entry("Maple Ledger CRM Inc.").basis).toBeNull();
  });
});

describe("rows judged by a live score", () => {
  it("are recomputed when the residency policy changes; rows judged by a frozen score are not", async () => {
    await list();
    const before = entry("Bluebird Customer Cloud, Inc.");
    expect(before).toMatchObject({ basis: "submitted", stale: false, scoredUnder: liveScoringRules() });
    const organisationId = vendorNamed("Bluebird Customer Cloud, Inc.").organisationId;
    const bluebird = requireAssessmentWorkspace(getDb(), organisationId, before.basisAssessmentId!);
    const organisation = getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get()!;
    const policyFindings = scoreWorkspace(getDb(), organisation, bluebird).findings.filter((f) => f.source === "policy").length;
    expect(policyFindings).toBeGreaterThan(0);

    getDb().update(policyRules).set({ enabled: false }).where(eq(policyRules.organisationId, organisationId)).run();
    expect(entry("Bluebird Customer Cloud, Inc.").stale).toBe(true);
    expect(entry("Northwind CRM GmbH").stale).toBe(false);
    const row = (await list("?q=bluebird")).page.rows[0]!;
    expect(row.openFindings).toBe(before.openFindings - policyFindings);

    getDb().update(policyRules).set({ enabled: true }).where(eq(policyRules.organisationId, organisationId)).run();
    expect((await list("?q=bluebird")).page.rows[0]!.openFindings).toBe(before.openFindings);
  });

  it("are recomputed after the server starts with another catalogue or scoring method", async () => {
    await list();
    getDb().update(portfolioEntries).set({ scoredUnder: "2025-01-01@1.0.0" }).where(eq(portfolioEntries.basis, "submitted")).run();
    expect(markRowsScoredUnderOldRules(getDb())).toBe(1);
    expect(entry("Bluebird Customer Cloud, Inc.").stale).toBe(true);
    expect(entry("Northwind CRM GmbH")).toMatchObject({ stale: false, scoredUnder: null });
    await list();
    expect(entry("Bluebird Customer Cloud, Inc.")).toMatchObject({ stale: false, scoredUnder: liveScoringRules() });
    expect(markRowsScoredUnderOldRules(getDb())).toBe(0);
  });
});

describe("the review cadence", () => {
  it("is the default until changed: high every 12 months, medium 24, low 36", async () => {
    const { cadence, canChange } = await cadenceLoader(routeArgs(viewer.get("/portfolio/cadence")));
    expect(cadence).toEqual({ high: 12, medium: 24, low: 36 });
    expect(canChange).toBe(false);
  });

  it("refuses a viewer and a form without its CSRF token", async () => {
    const asViewer = await reply(async () => cadenceAction(routeArgs(await viewer.post("/portfolio/cadence", { high: "6", medium: "12", low: "24" }))));
    expect(asViewer.status).toBe(403);
    const forged = await reply(async () => cadenceAction(routeArgs(await assessor.post("/portfolio/cadence", { high: "6", medium: "12", low: "24" }, { csrf: false }))));
    expect(forged.status).toBe(403);
  });

  it("answers months out of range with a 422 naming the tier, and saves nothing", async () => {
    const result = await reply(async () => cadenceAction(routeArgs(await assessor.post("/portfolio/cadence", { high: "0", medium: "twelve", low: "36" }))));
    expect(result.status).toBe(422);
    expect((result.data as { errors: Record<string, string> }).errors).toEqual({
      high: "High tier: enter at least 1 month",
      medium: "Medium tier: enter a number of months",
    });
    expect((await cadenceLoader(routeArgs(viewer.get("/portfolio/cadence")))).cadence).toEqual({ high: 12, medium: 24, low: 36 });
  });

  it("moves every next review date when it changes, and records the change", async () => {
    const result = await reply(async () => cadenceAction(routeArgs(await assessor.post("/portfolio/cadence", { high: "12", medium: "6", low: "36" }))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/portfolio");
    const northwind = entry("Northwind CRM GmbH");
    expect(northwind.nextReviewOn).toBe(addMonths(northwind.lastReviewedOn!, 6));
    const event = getDb().select().from(events).where(eq(events.type, "review-cadence.changed")).orderBy(desc(events.id)).get()!;
    expect(event.payload).toEqual({ before: { high: 12, medium: 24, low: 36 }, after: { high: 12, medium: 6, low: 36 } });
    expect(event.actor).toBe("Sam Lindqvist");
  });
});

describe("long operations on the portfolio", () => {
  it("re-scoring runs as a job whose page shows its progress and then that it is done", async () => {
    const start = await reply(async () => portfolioAction(routeArgs(await assessor.post("/portfolio", { intent: "rescore" }))));
    expect(start.status).toBe(302);
    const jobId = jobIdOf(start.location);
    const before = await jobLoader(routeArgs(viewer.get(`/jobs/${jobId}`), { jobId }));
    expect(["queued", "running", "succeeded"]).toContain(before.job.state);
    await waitForJob(jobId);
    const after = await jobLoader(routeArgs(viewer.get(`/jobs/${jobId}`), { jobId }));
    expect(after.job).toMatchObject({ state: "succeeded", done: 4, total: 4, createdBy: "Sam Lindqvist" });
    expect(getDb().select().from(portfolioEntries).where(and(eq(portfolioEntries.stale, true))).all()).toEqual([]);
  });

  it("a viewer cannot start one", async () => {
    const result = await reply(async () => portfolioAction(routeArgs(await viewer.post("/portfolio", { intent: "rescore" }))));
    expect(result.status).toBe(403);
  });

  it("exporting writes the filtered portfolio to a workbook kept with the job for download", async () => {
    const start = await reply(async () => portfolioAction(routeArgs(await assessor.post("/portfolio?review=not-reviewed&sort=name", { intent: "export" }))));
    const jobId = jobIdOf(start.location);
    await waitForJob(jobId);
    const page = await jobLoader(routeArgs(viewer.get(`/jobs/${jobId}`), { jobId }));
    expect(page.job).toMatchObject({ state: "succeeded", hasFile: true });
    const response = await jobFileLoader(routeArgs(viewer.get(`/jobs/${jobId}/file`), { jobId }));
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="portfolio-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Portfolio")!;
    expect(String(sheet.getCell(2, 1).value)).toBe("Not reviewed yet, sorted by vendor name (ascending)");
    const names = [4, 5, 6].map((r) => String(sheet.getCell(r, 1).value));
    expect(names).toEqual(["Bluebird Customer Cloud, Inc.", "Kairos Relations K.K.", "Maple Ledger CRM Inc."]);
    expect(sheet.getCell(7, 1).value).toBeNull();
  });

  it("a job of another organisation, or none, is not found", async () => {
    const result = await reply(() => jobLoader(routeArgs(viewer.get("/jobs/nope"), { jobId: "nope" })));
    expect(result.status).toBe(404);
  });
});
