import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { evidenceFiles, questionComments } from "#db/schema";
import type { SectionResult } from "~/answering/form-state";
import type { SectionView } from "~/answering/section.server";
import { getDb } from "~/db.server";
import { action as importAction } from "~/routes/assessment-import";
import { action as invitationsAction } from "~/routes/assessment-invitations";
import { action as questionAction } from "~/routes/assessment-question";
import { action as reviewAction } from "~/routes/assessment-review";
import { loader as portalEvidenceLoader } from "~/routes/portal-evidence-file";
import { action as checkAction } from "~/routes/portal-check";
import { action as portalImportAction } from "~/routes/portal-import";
import { action as portalQuestionAction } from "~/routes/portal-question";
import { action as portalSectionAction, loader as portalSectionLoader } from "~/routes/portal-section";
import { action as settingsAction } from "~/routes/settings";
import { pdf } from "../unit/evidence/fixtures";
import { reply, routeArgs, signedInAs, TestBrowser, type Reply } from "../support/auth";
import { formPost, invite, newAssessment, renderedSection, storedAnswer, withChanges, type Entries } from "../support/portal";

// Every form of the portal and the review pages, sent what an attacker or a
// broken client would send: never a 500, always a 4xx or a message by the
// field, and nothing saved before is lost.

vi.hoisted(() => {
  process.env.APP_KEY = Buffer.alloc(32, 31).toString("base64");
  process.env.EVIDENCE_KEY = Buffer.alloc(32, 32).toString("base64");
  process.env.EVIDENCE_DIR = `${process.cwd()}/.cache/test-evidence/hostile-${process.pid}-${Date.now()}`;
  process.env.EVIDENCE_MAX_BYTES = String(256 * 1024);
});

type Action = (args: ReturnType<typeof routeArgs>) => unknown;

let assessor: TestBrowser;
let legal: TestBrowser;
let admin: TestBrowser;
let assessmentId: string;
let token: string;
beforeAll(async () => {
  [assessor, legal, admin] = await Promise.all([signedInAs("assessor"), signedInAs("legal-reviewer"), signedInAs("admin")]);
  assessmentId = newAssessment("Hostile Input CRM Ltd", { status: "in-review" });
  token = (await invite(assessor, assessmentId, { name: "Mal Formed", email: "mal@hostile.example" })).token!;
});

/** Everything a form could have changed, to compare before and after. */
function snapshot() {
  const sqlite = getDb().$client;
  const count = (table: string) => (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  return {
    answers: sqlite.prepare("select question_id, value, revision from answers where assessment_id = ? order by question_id").all(assessmentId),
    tables: Object.fromEntries(
      ["evidence_files", "question_comments", "question_returns", "vendor_invitations", "sign_offs", "risk_acceptances", "attestations", "organisation_settings"].map((t) => [t, count(t)]),
    ),
    status: sqlite.prepare("select status from assessments where id = ?").get(assessmentId),
  };
}

async function send(action: Action, browser: TestBrowser, path: string, params: Record<string, string>, entries: Entries): Promise<Reply> {
  return reply(async () => action(routeArgs(await formPost(browser, path, entries), params)));
}

function raw(browser: TestBrowser, path: string, body: BodyInit, contentType: string): Request {
  const headers = browser.get(path).headers;
  headers.set("Content-Type", contentType);
  headers.set("Sec-Fetch-Site", "same-origin");
  return new Request(`http://localhost${path}`, { method: "POST", body, headers });
}

const huge = "x".repeat(50_000);
const markup = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe("hostile form fields", () => {
  const forms = () =>
    [
      ["the invitations form", invitationsAction, assessor, `/assessments/${assessmentId}/invitations`, { assessmentId }, "invite", ["name", "email", "days"]],
      ["the comment form", questionAction, assessor, `/assessments/${assessmentId}/questions/s1.facilities`, { assessmentId, questionId: "s1.facilities" }, "comment", ["body", "visibility"]],
      ["the return form", questionAction, assessor, `/assessments/${assessmentId}/questions/s1.facilities`, { assessmentId, questionId: "s1.facilities" }, "return", ["request"]],
      ["the sign-off form", reviewAction, legal, `/assessments/${assessmentId}/review`, { assessmentId }, "finalise", ["decision", "conditions", "note"]],
      ["the risk acceptance form", reviewAction, legal, `/assessments/${assessmentId}/review`, { assessmentId }, "accept-risk", ["findingId", "reason", "until"]],
      ["the retention setting", settingsAction, admin, "/settings", {}, null, ["days"]],
      ["the vendor's message form", portalQuestionAction, new TestBrowser(), `/portal/${token}/questions/s1.facilities`, { token, questionId: "s1.facilities" }, null, ["body"]],
      ["the attestation form", checkAction, new TestBrowser(), `/portal/${token}/check`, { token }, null, ["name", "title", "confirm"]],
    ] as const;

  it.each([
    ["huge strings", (f: string) => [[f, huge]] as Entries],
    ["control characters", (f: string) => [[f, "a\u0000b\u001bc"]] as Entries],
    ["a field sent twice", (f: string) => [[f, "one"], [f, "two"]] as Entries],
    ["a file where text belongs", (f: string) => [[f, new Blob(["%PDF-1.7"], { type: "application/pdf" }), "x.pdf"]] as Entries],
    ["nothing at all", () => [] as Entries],
  ])("%s get a 4xx naming the field, never a 500, and change nothing", async (_label, make) => {
    for (const [name, action, browser, path, params, intent, fields] of forms()) {
      for (const field of fields) {
        const before = snapshot();
        const entries: Entries = [...(intent ? ([["intent", intent]] as Entries) : []), ...make(field)];
        const result = await send(action as Action, browser, path, params, entries);
        expect(result.status, `${name}, field ${field}: ${JSON.stringify(result.data).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(result.status, `${name}, field ${field}`).toBeLessThan(500);
        expect(snapshot(), `${name}, field ${field}`).toEqual(before);
      }
    }
  });

  it.each([
    ["markup", markup],
    ["path tricks", "../../../../etc/passwd"],
  ])("%s alone are never a 500: refused by the field, or kept as the text they are", async (_label, value) => {
    for (const [name, action, browser, path, params, intent, fields] of forms()) {
      for (const field of fields) {
        const before = snapshot();
        const entries: Entries = [...(intent ? ([["intent", intent]] as Entries) : []), [field, value]];
        const result = await send(action as Action, browser, path, params, entries);
        expect(result.status, `${name}, field ${field}`).toBeLessThan(500);
        if (result.status >= 400) expect(snapshot(), `${name}, field ${field}`).toEqual(before);
      }
    }
  });

  it("keeps markup as the text it is where it is accepted", async () => {
    const result = await send(questionAction as Action, assessor, `/assessments/${assessmentId}/questions/s2.access_model`, { assessmentId, questionId: "s2.access_model" }, [
      ["intent", "comment"],
      ["body", markup],
      ["visibility", "internal"],
    ]);
    expect(result.status).toBe(302);
    expect(getDb().select({ body: questionComments.body }).from(questionComments).where(eq(questionComments.questionId, "s2.access_model")).get()?.body).toBe(markup);
  });

  it("refuses an email address that smuggles mail headers", async () => {
    const before = snapshot();
    const result = await send(invitationsAction as Action, assessor, `/assessments/${assessmentId}/invitations`, { assessmentId }, [
      ["intent", "invite"],
      ["name", "Eve"],
      ["email", "eve@hostile.example\r\nBcc: everyone@hostile.example"],
      ["days", "14"],
    ]);
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ errors: { email: "Email address: enter an email address like name@example.com" } });
    expect(snapshot()).toEqual(before);
  });

  it("refuses unknown intents and ids with 400 or 404", async () => {
    const cases: [Action, TestBrowser, string, Record<string, string>, Entries, number][] = [
      [invitationsAction as Action, assessor, `/assessments/${assessmentId}/invitations`, { assessmentId }, [["intent", "drop-table"]], 400],
      [invitationsAction as Action, assessor, `/assessments/${assessmentId}/invitations`, { assessmentId }, [["intent", "revoke"], ["invitationId", "../../etc"]], 409],
      [questionAction as Action, assessor, `/assessments/${assessmentId}/questions/s1.facilities`, { assessmentId, questionId: "s1.facilities" }, [["intent", "explode"]], 400],
      [questionAction as Action, assessor, `/assessments/${assessmentId}/questions/../../x`, { assessmentId, questionId: "../../x" }, [["intent", "comment"], ["body", "hi"], ["visibility", "shared"]], 404],
      [reviewAction as Action, legal, `/assessments/${assessmentId}/review`, { assessmentId }, [["intent", "approve-everything"]], 400],
    ];
    for (const [action, browser, path, params, entries, status] of cases) {
      const before = snapshot();
      expect((await send(action, browser, path, params, entries)).status, `${path} ${JSON.stringify(entries)}`).toBe(status);
      expect(snapshot()).toEqual(before);
    }
  });
});

describe("hostile bodies", () => {
  const targets = () =>
    [
      [invitationsAction, assessor, `/assessments/${assessmentId}/invitations`, { assessmentId }],
      [questionAction, assessor, `/assessments/${assessmentId}/questions/s1.facilities`, { assessmentId, questionId: "s1.facilities" }],
      [reviewAction, legal, `/assessments/${assessmentId}/review`, { assessmentId }],
      [settingsAction, admin, "/settings", {}],
      [portalSectionAction, new TestBrowser(), `/portal/${token}/sections/s1`, { token, sectionId: "s1" }],
      [portalQuestionAction, new TestBrowser(), `/portal/${token}/questions/s1.facilities`, { token, questionId: "s1.facilities" }],
      [checkAction, new TestBrowser(), `/portal/${token}/check`, { token }],
    ] as const;

  it.each([
    ["JSON instead of a form", 415, () => [JSON.stringify({ intent: "invite" }), "application/json"]],
    ["a form over the size limit", 413, () => ["x=".padEnd(1_100_000, "a"), "application/x-www-form-urlencoded"]],
    ["a truncated multipart body", 400, () => ['--b\r\nContent-Disposition: form-data; name="intent"\r\n\r\ninv', "multipart/form-data; boundary=b"]],
  ] as const)("%s is refused with %i and changes nothing", async (_label, status, body) => {
    for (const [action, browser, path, params] of targets()) {
      const before = snapshot();
      const [content = "", type = ""] = body();
      const result = await reply(async () => (action as Action)(routeArgs(raw(browser, path, content, type), params)));
      expect(result.status, path).toBe(status);
      expect(snapshot(), path).toEqual(before);
    }
  });
});

describe("hostile uploads", () => {
  let lockedToken: string;
  let lockedId: string;
  beforeAll(async () => {
    lockedId = newAssessment("Locked Upload CRM Ltd", { status: "in-progress" });
    lockedToken = (await invite(assessor, lockedId, { name: "Lou Locked", email: "lou@hostile.example" })).token!;
  });

  async function upload(entries: Entries, link = token) {
    const portal = await portalSectionLoader(routeArgs(new TestBrowser().get(`/portal/${link}/sections/s1`), { token: link, sectionId: "s1" }));
    const view = (portal as { view: SectionView }).view;
    const vendor = new TestBrowser();
    const request = await formPost(vendor, `/portal/${link}/sections/s1`, withChanges(renderedSection(view), entries));
    return reply(async () => portalSectionAction(routeArgs(request, { token: link, sectionId: "s1" })));
  }

  it("keeps only the last part of a name with folders in it", async () => {
    const sneaky = await upload([
      ["intent", "upload:s1.location_evidence"],
      ["s1.location_evidence.upload", new Blob([new Uint8Array(pdf())], { type: "application/pdf" }), "../../../etc/passwd.pdf"],
    ], lockedToken);
    expect(sneaky.status).toBe(200);
    const names = getDb().select({ name: evidenceFiles.fileName, key: evidenceFiles.storageKey }).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, lockedId)).all();
    expect(names.map((n) => n.name)).toEqual(["passwd.pdf"]);
    expect(names[0]!.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("refuses an upload in an assessment that is locked, and loses nothing", async () => {
    const inReview = newAssessment("In Review CRM Ltd", { status: "in-review" });
    const link = (await invite(assessor, inReview, { name: "Ivy Review", email: "ivy@hostile.example" })).token!;
    const before = snapshot();
    const result = await upload(
      [
        ["intent", "upload:s1.location_evidence"],
        ["s1.location_evidence.upload", new Blob([new Uint8Array(pdf())], { type: "application/pdf" }), "late.pdf"],
      ],
      link,
    );
    // The assessment is in review: the portal's sections are read-only.
    expect(result.status).toBe(409);
    expect(result.data).toMatch(/can no longer be changed/);
    expect(snapshot()).toEqual(before);
  });

  it("refuses a body larger than the evidence limit with 413, before reading it", async () => {
    const before = snapshot();
    const request = raw(new TestBrowser(), `/portal/${token}/sections/s1`, "x".repeat(256 * 1024 + 1024 * 1024 + 10), "multipart/form-data; boundary=b");
    const result = await reply(async () => portalSectionAction(routeArgs(request, { token, sectionId: "s1" })));
    expect(result.status).toBe(413);
    expect(snapshot()).toEqual(before);
  });

  it("answers a download of a path-like file id with 404", async () => {
    for (const evidenceId of ["../../../etc/passwd", "%2e%2e%2f", "A".repeat(5000)]) {
      const result = await reply(() => portalEvidenceLoader(routeArgs(new TestBrowser().get(`/portal/${token}/evidence/x`), { token, evidenceId })));
      expect(result.status).toBe(404);
    }
  });

  it("answers a huge answer with its field's message, and keeps the stored answer", async () => {
    const before = storedAnswer(lockedId, "s1.pinning");
    expect(before?.value).toBeDefined();
    const result = await upload([["s1.pinning", huge]], lockedToken);
    expect(result.status).toBe(422);
    expect((result.data as SectionResult).errors).toContainEqual(expect.objectContaining({ field: "s1.pinning" }));
    expect(storedAnswer(lockedId, "s1.pinning")).toEqual(before);
  });
});

describe("hostile workbook uploads", () => {
  let openId: string;
  let openToken: string;
  beforeAll(async () => {
    openId = newAssessment("Workbook Hostile CRM Ltd", { status: "in-progress" });
    openToken = (await invite(assessor, openId, { name: "Wes Book", email: "wes@hostile.example" })).token!;
  });

  const importTargets = () =>
    [
      ["the assessor's workbook import", importAction, assessor, `/assessments/${openId}/import`, { assessmentId: openId }],
      ["the vendor's workbook import", portalImportAction, new TestBrowser(), `/portal/${openToken}/import`, { token: openToken }],
    ] as const;

  const openSnapshot = () => ({
    answers: getDb().$client.prepare("select question_id, value, revision from answers where assessment_id = ? order by question_id").all(openId),
    jobs: getDb().$client.prepare("select count(*) as n from jobs where assessment_id = ?").get(openId),
  });

  it.each([
    ["JSON instead of a form", 415, () => [JSON.stringify({ workbook: "x" }), "application/json"]],
    ["a body over the workbook limit", 413, () => ["x".repeat(5 * 1024 * 1024 + 128 * 1024), "multipart/form-data; boundary=b"]],
    ["a truncated multipart body", 400, () => ['--b\r\nContent-Disposition: form-data; name="workbook"; filename="a.xlsx"\r\n\r\nPK', "multipart/form-data; boundary=b"]],
  ] as const)("%s is refused with %i, starts no import and changes nothing", async (_label, status, body) => {
    for (const [name, action, browser, path, params] of importTargets()) {
      const before = openSnapshot();
      const [content = "", type = ""] = body();
      const result = await reply(async () => (action as Action)(routeArgs(raw(browser, path, content, type), params)));
      expect(result.status, name).toBe(status);
      expect(openSnapshot(), name).toEqual(before);
    }
  });

  it("answers a file with the wrong name, a path in its name, or text in place of a file with 422 naming the field", async () => {
    for (const [name, action, browser, path, params] of importTargets()) {
      for (const entry of [
        ["workbook", new Blob(["a,b"], { type: "text/csv" }), "answers.csv"],
        ["workbook", new Blob(["PK"], { type: "application/octet-stream" }), "../../etc/passwd"],
        ["workbook", huge],
      ] as Entries) {
        const before = openSnapshot();
        const result = await send(action as Action, browser, path, params, [entry]);
        expect(result.status, name).toBe(422);
        expect(JSON.stringify(result.data), name).toContain('Field \\"workbook\\"');
        expect(openSnapshot(), name).toEqual(before);
      }
    }
  });
});
