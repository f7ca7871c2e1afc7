import { and, asc, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { assessments, events, organisations, scoreVersions, users, vendors } from "#db/schema";
import { getDb } from "~/db.server";
import { createPolicyRule } from "~/models/policy-rules.server";
import type { PolicyRuleDefinition } from "~/policy";
import { loader as assessmentLoader } from "~/routes/assessment";
import { loader as reportLoader } from "~/routes/assessment-report";
import { loader as pdfLoader } from "~/routes/assessment-report-pdf";
import { action as reviewAction } from "~/routes/assessment-review";
import { action as scoreAction } from "~/routes/assessment-score";
import { reply, routeArgs, signedInAs, type TestBrowser } from "../support/auth";

let viewer: TestBrowser;
let legal: TestBrowser;
beforeAll(async () => {
  viewer = await signedInAs("viewer");
  legal = await signedInAs("legal-reviewer");
});

function assessmentOf(vendorName: string): string {
  return getDb()
    .select({ id: assessments.id })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(eq(vendors.name, vendorName))
    .get()!.id;
}

const report = (browser: TestBrowser, id: string) => reportLoader(routeArgs(browser.get(`/assessments/${id}/report`), { assessmentId: id }));
const pdf = (browser: TestBrowser, id: string) => reply(() => pdfLoader(routeArgs(browser.get(`/assessments/${id}/report.pdf`), { assessmentId: id })));
const page = (id: string, query = "") => assessmentLoader(routeArgs(viewer.get(`/assessments/${id}${query}`), { assessmentId: id }));
async function score(browser: TestBrowser, id: string, intent: string, options: { csrf?: boolean } = {}) {
  const request = await browser.post(`/assessments/${id}/score`, { intent }, options);
  return reply(() => scoreAction(routeArgs(request, { assessmentId: id })));
}
/** The legal reviewer's sign-off, which finalises and freezes the score (decision 012). */
async function signOff(browser: TestBrowser, id: string) {
  const request = await browser.post(`/assessments/${id}/review`, { intent: "finalise", decision: "approved-with-conditions", conditions: "Sign the SCCs first." });
  return reply(() => reviewAction(routeArgs(request, { assessmentId: id })));
}
/** Adds a rule to Acme Retail's residency policy, as its legal reviewer would. */
function addPolicyRule(name: string, definition: PolicyRuleDefinition) {
  const db = getDb();
  const user = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.role, "legal-reviewer"))
    .get()!;
  createPolicyRule(db, user, { name, severity: "critical", definition });
}

async function pdfBytes(id: string): Promise<Buffer> {
  const response = await pdfLoader(routeArgs(viewer.get(`/assessments/${id}/report.pdf`), { assessmentId: id }));
  return Buffer.from(await response.arrayBuffer());
}

describe("the report of an assessment", () => {
  it("of the finalised Northwind assessment is built from its frozen score version 1", async () => {
    const id = assessmentOf("Northwind CRM GmbH");
    const data = await report(viewer, id);
    expect(data.version).toBe(1);
    expect(data.model.draft).toBeNull();
    expect(data.model.cover.facts.find((f) => f.label === "Status")?.value).toMatch(/^Finalised: score version 1, .* by Lea Moreau$/);
    expect(data.model.sections.map((s) => s.id)).toEqual([
      "summary",
      "risk",
      "sections",
      "picture",
      "flows",
      "findings",
      "obligations",
      "tia",
      "answers",
      "sources",
      "signoff",
    ]);
  });

  it("of an assessment still in review is live and marked as a draft", async () => {
    const data = await report(viewer, assessmentOf("Bluebird Customer Cloud, Inc."));
    expect(data.version).toBeNull();
    expect(data.model.draft).toBe("Draft: not finalised");
  });

  it("downloads as a PDF attachment with a safe name that no cache keeps", async () => {
    const response = await pdf(viewer, assessmentOf("Northwind CRM GmbH"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="custodian-report-northwind-crm-gmbh-\d{4}-\d{2}-\d{2}-v1\.pdf"$/);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(String(response.data).startsWith("%PDF-")).toBe(true);
  });

  it("of a finalised assessment stays byte for byte the same when the buyer's policy changes", async () => {
    const id = assessmentOf("Northwind CRM GmbH");
    const before = await pdfBytes(id);
    addPolicyRule("Support only from Germany", { kind: "access-within", subjects: null, allowed: { sets: [], regions: ["DE"] } });
    expect(Buffer.compare(await pdfBytes(id), before)).toBe(0);
  });

  it("is not found for another organisation's assessment, as a page, a PDF or a re-score", async () => {
    const db = getDb();
    const other = newId();
    const vendorId = newId();
    const id = newId();
    const now = new Date();
    db.insert(organisations).values({ id: other, name: "Other Buyer Ltd" }).run();
    db.insert(vendors).values({ id: vendorId, organisationId: other, name: "Elsewhere CRM", service: "Elsewhere", updatedAt: now }).run();
    db.insert(assessments)
      .values({ id, organisationId: other, vendorId, questionnaireId: "hosted-crm", questionnaireVersion: "1.0.0", questionnaireHash: "x", status: "finalised", updatedAt: now })
      .run();
    expect((await reply(() => report(viewer, id))).status).toBe(404);
    expect((await pdf(viewer, id)).status).toBe(404);
    expect((await score(legal, id, "re-score")).status).toBe(404);
  });
});

describe("finalising and re-scoring", () => {
  it("finalising an assessment in review freezes its score as version 1, with the events that say so", async () => {
    const id = assessmentOf("Bluebird Customer Cloud, Inc.");
    const result = await signOff(legal, id);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/assessments/${id}/review?done=finalised`);
    const db = getDb();
    expect(db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, id)).get()?.status).toBe("finalised");
    const recorded = db
      .select({ type: events.type, actor: events.actor, payload: events.payload })
      .from(events)
      .where(eq(events.assessmentId, id))
      .orderBy(desc(events.id))
      .limit(2)
      .all();
    expect(recorded.map((e) => e.type)).toEqual(["assessment.score-frozen", "assessment.finalised"]);
    expect(recorded[0]).toMatchObject({ actor: "Lea Moreau", payload: { version: 1, reason: "finalised" } });
    const shown = await page(id, "?scored=1");
    expect(shown.justScored).toBe(1);
    expect(shown.scoring.versions.map((v) => [v.version, v.reason, v.createdBy])).toEqual([[1, "finalised", "Lea Moreau"]]);
    expect(shown.scoring.canRescore).toBe(true);
    expect((await report(viewer, id)).version).toBe(1);
  });

  it("refuses to finalise an assessment twice", async () => {
    const result = await signOff(legal, assessmentOf("Bluebird Customer Cloud, Inc."));
    expect(result.status).toBe(409);
    expect((await score(legal, assessmentOf("Bluebird Customer Cloud, Inc."), "finalise")).location).toBe(
      `/assessments/${assessmentOf("Bluebird Customer Cloud, Inc.")}/review#sign-off-title`,
    );
  });

  it("re-scoring makes a new version and the page shows what changed from the one before", async () => {
    const id = assessmentOf("Northwind CRM GmbH");
    const db = getDb();
    addPolicyRule("Our customers' data is stored only in Germany", {
      kind: "uses-within",
      subjects: null,
      uses: ["storage", "backup"],
      allowed: { sets: [], regions: ["DE"] },
    });
    const before = await pdfBytes(id);
    const result = await score(legal, id, "re-score");
    expect(result.location).toBe(`/assessments/${id}?scored=2#score`);
    const shown = await page(id, "?scored=2");
    expect(shown.scoring.versions.map((v) => [v.version, v.reason])).toEqual([
      [2, "re-scored"],
      [1, "finalised"],
    ]);
    const changes = shown.scoring.latestChanges!;
    expect(changes).toMatchObject({ from: 1, to: 2 });
    expect(changes.diff.changed).toBe(true);
    expect(changes.diff.findingsAdded.some((f) => f.source === "policy")).toBe(true);
    const stored = db
      .select({ version: scoreVersions.version })
      .from(scoreVersions)
      .where(and(eq(scoreVersions.assessmentId, id)))
      .orderBy(asc(scoreVersions.version))
      .all();
    expect(stored.map((s) => s.version)).toEqual([1, 2]);
    expect((await report(viewer, id)).version).toBe(2);
    expect(Buffer.compare(await pdfBytes(id), before)).not.toBe(0);
  });

  it("is for legal reviewers and administrators only", async () => {
    expect((await score(viewer, assessmentOf("Northwind CRM GmbH"), "re-score")).status).toBe(403);
  });

  it("refuses a form without its CSRF token", async () => {
    expect((await score(legal, assessmentOf("Northwind CRM GmbH"), "re-score", { csrf: false })).status).toBe(403);
  });

  it("refuses to re-score an assessment that is not finalised: its score is still live", async () => {
    expect((await score(legal, assessmentOf("Maple Ledger CRM Inc."), "re-score")).status).toBe(409);
  });

  it("keeps frozen versions as they are: the database refuses to change or delete one", () => {
    const db = getDb().$client;
    expect(() => db.prepare("update score_versions set created_by = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare("delete from score_versions").run()).toThrow(/append-only/);
  });
});
