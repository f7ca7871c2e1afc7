import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { assessments, events, organisations, vendors } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { action as scopeAction, loader as scopeLoader } from "~/routes/assessment-scope";
import { reply, routeArgs, signedInAs, type TestBrowser } from "../support/auth";
import { thrownResponse } from "../support/loader-args";

// The scope is changed as the demo administrator, Ada Okafor.
let admin: TestBrowser;
beforeAll(async () => {
  admin = await signedInAs("admin");
});

const get = (path: string, params: Record<string, string> = {}) => routeArgs(admin.get(path), params);

async function assessmentIdOf(vendorName: string) {
  const { vendors: list } = await dashboardLoader(get("/"));
  return list.find((v) => v.name === vendorName)!.latestAssessment!.id;
}

async function submit(assessmentId: string, entries: [string, string][]) {
  const request = await admin.post(`/assessments/${assessmentId}/scope`, {});
  const body = new URLSearchParams(entries);
  body.set("csrf", new URLSearchParams(await request.text()).get("csrf")!);
  return scopeAction(routeArgs(new Request(request.url, { method: "POST", headers: request.headers, body }), { assessmentId }));
}

/** The form page a failed save renders, and its status. */
async function submitExpectingPage(assessmentId: string, entries: [string, string][]) {
  const result = await reply(() => submit(assessmentId, entries));
  return { status: result.status, ...(result.data as { errors: Record<string, string>; submitted: Record<string, unknown>; conflict: { theirsFingerprint: string } | null }) };
}

async function renderedBase(assessmentId: string) {
  const data = await scopeLoader(get(`/assessments/${assessmentId}/scope`, { assessmentId }));
  return data.fingerprint;
}

function storedScope(assessmentId: string) {
  return getDb()
    .select({
      subjects: assessments.scopeSubjects,
      categories: assessments.scopeCategories,
      sector: assessments.scopeSector,
      subjectsCount: assessments.scopeSubjectsCount,
    })
    .from(assessments)
    .where(eq(assessments.id, assessmentId))
    .get();
}

function scopeEvents(assessmentId: string) {
  return getDb()
    .select({ actor: events.actor, payload: events.payload })
    .from(events)
    .where(and(eq(events.assessmentId, assessmentId), eq(events.type, "scope.changed")))
    .orderBy(desc(events.id))
    .all();
}

const kairosScope: [string, string][] = [
  ["subjects", "JP, SG, KR"],
  ["categories", "contact"],
  ["categories", "financial"],
  ["sector", "finance"],
  ["subjectsCount", "45,000"],
];

describe("the buyer's scoping form", () => {
  it("shows the stored scope, saves a new one, records scope.changed with before and after, and returns to the assessment", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const shown = await scopeLoader(get(`/assessments/${id}/scope`, { assessmentId: id }));
    expect(shown.scope).toEqual({ subjects: ["JP", "SG"], categories: ["contact"], sector: "general", subjectsCount: 40_000 });

    const response = await thrownResponse(() => submit(id, [["base", shown.fingerprint], ...kairosScope]));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/assessments/${id}`);
    expect(storedScope(id)).toEqual({ subjects: ["JP", "SG", "KR"], categories: ["contact", "financial"], sector: "finance", subjectsCount: 45_000 });
    expect(scopeEvents(id)[0]).toEqual({
      actor: "Ada Okafor",
      payload: {
        before: { subjects: ["JP", "SG"], categories: ["contact"], sector: "general", subjectsCount: 40_000 },
        after: { subjects: ["JP", "KR", "SG"], categories: ["contact", "financial"], sector: "finance", subjectsCount: 45_000 },
      },
    });
  });

  it("saving the same scope again records nothing", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const count = scopeEvents(id).length;
    await thrownResponse(() => submit(id, [["base", "0000000000000000"], ...kairosScope]));
    expect(scopeEvents(id)).toHaveLength(count);
  });

  it("names each field in error, keeps what was typed, and changes nothing", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const before = storedScope(id);
    const result = await submitExpectingPage(id, [
      ["base", await renderedBase(id)],
      ["subjects", "JP, Narnia"],
      ["categories", "gossip"],
      ["subjectsCount", "lots"],
    ]);
    expect(result.status).toBe(422);
    expect(result.errors).toEqual({
      subjects: expect.stringMatching(/^Region 2: /),
      categories: "Choose categories from the list",
      sector: "Choose a sector",
      subjectsCount: "Enter a whole number of people, like 25000",
    });
    expect(result.submitted).toEqual({ subjects: "JP, Narnia", categories: ["gossip"], sector: "", subjectsCount: "lots" });
    expect(storedScope(id)).toEqual(before);
  });

  it("shows both scopes when someone else changed it first, and overwrites only when asked", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const myBase = await renderedBase(id);
    await thrownResponse(() =>
      submit(id, [["base", myBase], ["subjects", "CA-QC"], ["categories", "contact"], ["sector", "general"], ["subjectsCount", "120000"]]),
    );

    const mine: [string, string][] = [["subjects", "CA-QC, CA-ON, CA-BC, US"], ["categories", "contact"], ["sector", "general"], ["subjectsCount", "150000"]];
    const result = await submitExpectingPage(id, [["base", myBase], ...mine]);
    expect(result.status).toBe(409);
    expect(result.conflict).toMatchObject({
      theirs: { subjects: ["CA-QC"], subjectsCount: 120_000 },
      yours: { subjects: ["CA-QC", "CA-ON", "CA-BC", "US"], subjectsCount: 150_000 },
    });
    expect(result.submitted.subjects).toBe("CA-QC, CA-ON, CA-BC, US");
    expect(storedScope(id)?.subjects).toEqual(["CA-QC"]);

    await thrownResponse(() => submit(id, [["intent", "use-mine"], ["base", myBase], ["theirs_base", result.conflict!.theirsFingerprint], ...mine]));
    expect(storedScope(id)).toMatchObject({ subjects: ["CA-QC", "CA-ON", "CA-BC", "US"], subjectsCount: 150_000 });

    const keep = await thrownResponse(() => submit(id, [["intent", "keep-theirs"], ["base", myBase], ["subjects", "FR"]]));
    expect(keep.headers.get("Location")).toBe(`/assessments/${id}`);
    expect(storedScope(id)?.subjects).toEqual(["CA-QC", "CA-ON", "CA-BC", "US"]);
  });

  it("answers 404 for another organisation's assessment and 409 once the assessment is finalised", async () => {
    const db = getDb();
    const org = newId();
    const vendor = newId();
    const foreign = newId();
    db.insert(organisations).values({ id: org, name: "Initech" }).run();
    db.insert(vendors).values({ id: vendor, organisationId: org, name: "X", service: "X", updatedAt: new Date() }).run();
    db.insert(assessments)
      .values({ id: foreign, organisationId: org, vendorId: vendor, questionnaireId: "hosted-crm", questionnaireVersion: "1.0.0", questionnaireHash: "x", updatedAt: new Date() })
      .run();
    expect((await thrownResponse(() => submit(foreign, kairosScope))).status).toBe(404);
    expect(storedScope(foreign)?.subjects).toEqual([]);

    const northwind = await assessmentIdOf("Northwind CRM GmbH");
    const before = storedScope(northwind);
    const base = await renderedBase(northwind);
    expect((await thrownResponse(() => submit(northwind, [["base", base], ...kairosScope]))).status).toBe(409);
    expect(storedScope(northwind)).toEqual(before);
  });

  it("refuses unknown intents and malformed bases with 400", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const bad = await thrownResponse(() => submit(id, [["intent", "drop-table"], ...kairosScope]));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Field "intent"/);
    const base = await thrownResponse(() => submit(id, [["base", "<script>"], ...kairosScope]));
    expect(base.status).toBe(400);
    expect(await base.text()).toMatch(/Field "base"/);
  });
});
