import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answers, assessments, events, users, vendors } from "#db/schema";
import { getDb } from "~/db.server";
import { listAnswerStates, saveAnswers } from "~/models/answers.server";
import { listCarryovers } from "~/models/cycles.server";
import { loader as changesLoader, action as changesAction } from "~/routes/assessment-changes";
import { loader as compareLoader } from "~/routes/compare";
import { loader as comparePdfLoader } from "~/routes/compare-pdf";
import { action as nextCycleAction, loader as nextCycleLoader } from "~/routes/vendor-next-cycle";
import { reply, routeArgs, signedInAs, type TestBrowser } from "../support/auth";

let viewer: TestBrowser;
let assessor: TestBrowser;
beforeAll(async () => {
  viewer = await signedInAs("viewer");
  assessor = await signedInAs("assessor");
});

function vendorNamed(name: string) {
  return getDb()
    .select({ vendorId: vendors.id, assessmentId: assessments.id, organisationId: vendors.organisationId })
    .from(vendors)
    .innerJoin(assessments, eq(assessments.vendorId, vendors.id))
    .where(eq(vendors.name, name))
    .orderBy(desc(assessments.createdAt))
    .get()!;
}

const compareQuery = (...names: string[]) => names.map((n) => `vendor=${vendorNamed(n).vendorId}`).join("&");

describe("comparing vendors", () => {
  it("shows two to four vendors' latest assessments side by side: section scores, flows per subject region, knockouts and decisions", async () => {
    const query = compareQuery("Northwind CRM GmbH", "Bluebird Customer Cloud, Inc.", "Maple Ledger CRM Inc.");
    const { model, pdfHref } = await compareLoader(routeArgs(viewer.get(`/compare?${query}`)));
    expect(model.vendors.map((v) => v.name)).toEqual(["Northwind CRM GmbH", "Bluebird Customer Cloud, Inc.", "Maple Ledger CRM Inc."]);
    expect(model.vendors[0]!.assessmentLabel).toMatch(/^Finalised \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(model.summary.find((r) => r.label === "Tier")!.cells).toEqual(["Medium", "High", expect.any(String)]);
    expect(model.summary.find((r) => r.label === "Decision")!.cells.slice(0, 2)).toEqual([
      "Recommended: approve with conditions",
      "Recommended: approve with conditions",
    ]);
    expect(model.sections).toHaveLength(16);
    expect(model.sections[0]!.cells).toHaveLength(3);
    expect(model.regions.map((r) => r.subject)).toEqual(["DE", "FR", "GB", "CA-QC", "CA-ON", "CA-BC"]);
    const quebec = model.regions.find((r) => r.subject === "CA-QC")!;
    expect(quebec.cells.map((c) => c.worst)).toEqual(["non-compliant", "non-compliant", expect.anything()]);
    expect(model.regions.find((r) => r.subject === "CA-ON")!.cells[0]).toEqual({ text: "Not in this assessment's scope", worst: null });
    expect(model.knockouts[0]).toEqual([]);
    expect(model.knockouts[1]).toHaveLength(1);
    expect(model.decisions[1]!.conditions.length).toBeGreaterThan(0);
    expect(pdfHref).toBe(`/compare.pdf?${query}`);
  });

  it("as a PDF, the same comparison gives the same bytes", async () => {
    const query = compareQuery("Northwind CRM GmbH", "Bluebird Customer Cloud, Inc.", "Maple Ledger CRM Inc.");
    const first = await comparePdfLoader(routeArgs(viewer.get(`/compare.pdf?${query}`)));
    expect(first.headers.get("Content-Type")).toBe("application/pdf");
    expect(first.headers.get("Content-Disposition")).toMatch(/^attachment; filename="custodian-comparison-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const a = Buffer.from(await first.arrayBuffer());
    const b = Buffer.from(await (await comparePdfLoader(routeArgs(viewer.get(`/compare.pdf?${query}`)))).arrayBuffer());
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.equals(b)).toBe(true);
  });

  it("answers fewer than two or more than four vendors with a 422 naming the parameter, and a vendor of no one with a 404", async () => {
    const one = await reply(() => compareLoader(routeArgs(viewer.get(`/compare?${compareQuery("Northwind CRM GmbH")}`))));
    expect(one.status).toBe(422);
    expect(one.data).toBe('Parameter "vendor": tick at least 2 vendors to compare');
    const five = await reply(() => compareLoader(routeArgs(viewer.get("/compare?vendor=a&vendor=b&vendor=c&vendor=d&vendor=e"))));
    expect(five.data).toBe('Parameter "vendor": compare at most 4 vendors at a time');
    const unknown = await reply(() => compareLoader(routeArgs(viewer.get(`/compare?${compareQuery("Northwind CRM GmbH")}&vendor=nobody`))));
    expect(unknown.status).toBe(404);
  });
});

describe("the next review cycle", () => {
  it("cannot start while the vendor's assessment is still under way", async () => {
    const maple = vendorNamed("Maple Ledger CRM Inc.");
    const page = await nextCycleLoader(routeArgs(assessor.get(`/vendors/${maple.vendorId}/next-cycle`), { vendorId: maple.vendorId }));
    expect(page.blocked).toBe("An assessment of this vendor is already under way (in-progress): finish it before starting the next review.");
    const started = await reply(async () => nextCycleAction(routeArgs(await assessor.post(`/vendors/${maple.vendorId}/next-cycle`, {}), { vendorId: maple.vendorId })));
    expect(started.status).toBe(409);
  });

  it("starts from the last finalised assessment: same scope, its answers carried over and marked to confirm", async () => {
    const northwind = vendorNamed("Northwind CRM GmbH");
    const previous = listAnswerStates(getDb(), northwind.assessmentId);
    const started = await reply(async () =>
      nextCycleAction(routeArgs(await assessor.post(`/vendors/${northwind.vendorId}/next-cycle`, {}), { vendorId: northwind.vendorId })),
    );
    expect(started.status).toBe(302);
    const next = vendorNamed("Northwind CRM GmbH");
    expect(next.assessmentId).not.toBe(northwind.assessmentId);
    expect(started.location).toBe(`/assessments/${next.assessmentId}/changes`);
    const row = getDb().select().from(assessments).where(eq(assessments.id, next.assessmentId)).get()!;
    const old = getDb().select().from(assessments).where(eq(assessments.id, northwind.assessmentId)).get()!;
    expect(row).toMatchObject({ status: "draft", scopeSubjects: old.scopeSubjects, scopeSector: old.scopeSector });
    const carried = listCarryovers(getDb(), next.assessmentId);
    const created0 = getDb().select().from(events).where(eq(events.assessmentId, next.assessmentId)).get()!;
    const dropped = (created0.payload as { dropped: { questionId: string; reason: string }[] }).dropped;
    // Every answer of the finalised assessment still fits the same questionnaire version.
    expect(dropped).toEqual([]);
    expect(carried.map((c) => c.questionId).sort()).toEqual([...previous.keys()].sort());
    expect(getDb().select().from(answers).where(eq(answers.assessmentId, next.assessmentId)).all()).toHaveLength(carried.length);
    const created = getDb().select().from(events).where(eq(events.assessmentId, next.assessmentId)).get()!;
    expect(created).toMatchObject({ type: "assessment.created", actor: "Sam Lindqvist" });
    expect(created.payload).toMatchObject({ previousAssessmentId: northwind.assessmentId, carried: carried.length });

    const changes = await changesLoader(routeArgs(viewer.get(`/assessments/${next.assessmentId}/changes`), { assessmentId: next.assessmentId }));
    expect(changes.counts["to-confirm"]).toBe(carried.length);
    expect(changes.counts.changed).toBe(0);
    expect(changes.canConfirm).toBe(false);
  });

  it("shows what the vendor changed against the last cycle, and confirms the rest", async () => {
    const next = vendorNamed("Northwind CRM GmbH");
    const db = getDb();
    const admin = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.role, "admin")).get()!;
    const state = listAnswerStates(db, next.assessmentId).get("s1.change_notice_days")!;
    saveAnswers(db, {
      organisationId: next.organisationId,
      assessmentId: next.assessmentId,
      answerer: { userId: admin.id, name: admin.name },
      writes: [{ questionId: "s1.change_notice_days", answer: { value: 30, naReason: null }, base: { revision: state.revision, fingerprint: state.fingerprint } }],
    });
    const page = await changesLoader(routeArgs(assessor.get(`/assessments/${next.assessmentId}/changes`), { assessmentId: next.assessmentId }));
    const notice = page.sections.flatMap((s) => s.questions).find((q) => q.id === "s1.change_notice_days")!;
    expect(notice).toMatchObject({ state: "changed", last: { kind: "text", text: "60 days" }, now: { kind: "text", text: "30 days" } });
    expect(page.counts.changed).toBe(1);
    expect(page.canConfirm).toBe(true);

    const ticked = await reply(async () =>
      changesAction(
        routeArgs(
          await assessor.post(`/assessments/${next.assessmentId}/changes`, { intent: "confirm-ticked", question: "s1.pinning" }),
          { assessmentId: next.assessmentId },
        ),
      ),
    );
    expect(ticked.status).toBe(302);
    const afterOne = await changesLoader(routeArgs(assessor.get(`/assessments/${next.assessmentId}/changes`), { assessmentId: next.assessmentId }));
    const pinning = afterOne.sections.flatMap((s) => s.questions).find((q) => q.id === "s1.pinning")!;
    expect(pinning).toMatchObject({ state: "confirmed", confirmedBy: "Sam Lindqvist" });

    await reply(async () =>
      changesAction(routeArgs(await assessor.post(`/assessments/${next.assessmentId}/changes`, { intent: "confirm-all" }), { assessmentId: next.assessmentId })),
    );
    const done = await changesLoader(routeArgs(assessor.get(`/assessments/${next.assessmentId}/changes`), { assessmentId: next.assessmentId }));
    expect(done.counts["to-confirm"]).toBe(0);
    expect(done.counts.changed).toBe(1);
    const confirmations = db.select().from(events).where(eq(events.type, "answers.confirmed")).all();
    expect(confirmations.map((e) => (e.payload.questionIds as string[]).length)).toEqual([1, page.counts["to-confirm"] - 1]);
  });

  it("refuses a confirmation form that names no question properly", async () => {
    const next = vendorNamed("Northwind CRM GmbH");
    const bad = await reply(async () =>
      changesAction(
        routeArgs(await assessor.post(`/assessments/${next.assessmentId}/changes`, { intent: "confirm-ticked", question: "DROP TABLE" }), {
          assessmentId: next.assessmentId,
        }),
      ),
    );
    expect(bad.status).toBe(422);
    expect(bad.data).toBe('Field "question" must be question ids');
  });
});
