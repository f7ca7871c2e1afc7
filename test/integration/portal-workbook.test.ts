import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answers } from "#db/schema";
import { getDb } from "~/db.server";
import { waitForJob } from "~/jobs/runner.server";
import { action as portalImportAction, loader as portalImportLoader } from "~/routes/portal-import";
import { action as portalImportJobAction, loader as portalImportJobLoader } from "~/routes/portal-import-job";
import { loader as portalWorkbookLoader } from "~/routes/portal-workbook";
import { action as buyerImportJobAction } from "~/routes/assessment-import-job";
import { reply, routeArgs, signedInAs, TestBrowser } from "../support/auth";
import { formPost, invite, newAssessment, statusOf } from "../support/portal";
import { fillWorkbook } from "../support/workbook";

// The vendor answers offline through their own link: download the workbook,
// fill it in, upload it, see every change, save. Nothing of the buyer's shows.

let assessor: TestBrowser;
let assessmentId: string;
let token: string;
let colleague: string;
let ip = 0;
const context = () => ({ cspNonce: "test", clientIp: `198.19.0.${++ip}` });

beforeAll(async () => {
  assessor = await signedInAs("assessor");
  assessmentId = newAssessment("Workbook Wren CRM Ltd", { without: ["s1.change_notice_days", "s3.backup_retention_days"] });
  token = (await invite(assessor, assessmentId, { name: "Wanda Wren", email: "wanda@wren.example" })).token!;
  colleague = (await invite(assessor, assessmentId, { name: "Walt Wren", email: "walt@wren.example" })).token!;
});

function stored(questionId: string) {
  return getDb()
    .select({ value: answers.value, answeredBy: answers.answeredBy })
    .from(answers)
    .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)))
    .get();
}

async function upload(vendor: TestBrowser, bytes: Uint8Array | Buffer, as = token) {
  const request = await formPost(vendor, `/portal/${as}/import`, [
    ["workbook", new Blob([new Uint8Array(bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), "wren.xlsx"],
  ]);
  return reply(async () => portalImportAction(routeArgs(request, { token: as }, context())));
}

const jobOf = (location: string | null) => /\/imports\/([^/]+)$/.exec(location ?? "")![1]!;

describe("answering offline through the vendor portal", () => {
  it("downloads the workbook with the answers so far, and the import page offers both steps", async () => {
    const vendor = new TestBrowser();
    const page = await reply(async () => portalImportLoader(routeArgs(vendor.get(`/portal/${token}/import`), { token }, context())));
    expect(page.data).toMatchObject({ locked: false, status: "sent" });
    const response = (await portalWorkbookLoader(routeArgs(vendor.get(`/portal/${token}/questionnaire.xlsx`), { token }, context()))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="workbook-wren-crm-ltd-questionnaire-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  });

  it("previews the vendor's workbook, saves nothing until confirmed, then saves it in the vendor's name", async () => {
    const vendor = new TestBrowser();
    const response = (await portalWorkbookLoader(routeArgs(vendor.get(`/portal/${token}/questionnaire.xlsx`), { token }, context()))) as Response;
    const filled = await fillWorkbook(new Uint8Array(await response.arrayBuffer()), {
      "s1.change_notice_days": { C: 45 },
      "s3.backup_retention_days": { C: 30 },
    });
    const started = await upload(vendor, filled);
    expect(started.status).toBe(302);
    expect(started.location).toMatch(new RegExp(`^/portal/${token}/imports/[A-Za-z0-9_-]+$`));
    const jobId = jobOf(started.location);
    await waitForJob(jobId);

    const shown = await reply(async () => portalImportJobLoader(routeArgs(vendor.get(`/portal/${token}/imports/${jobId}`), { token, jobId }, context())));
    expect(shown.status).toBe(200);
    const data = shown.data as { valid: boolean; result: { preview: { changes: { questionId: string; outcome: string }[] } } };
    expect(data.valid).toBe(true);
    expect(data.result.preview.changes.map((c) => [c.questionId, c.outcome])).toEqual([
      ["s1.change_notice_days", "will-save"],
      ["s3.backup_retention_days", "will-save"],
    ]);
    expect(JSON.stringify(shown.data)).not.toMatch(/Acme Retail|score|finding/i);
    expect(stored("s1.change_notice_days")).toBeUndefined();

    // A colleague's link of the same vendor does not open this contact's upload.
    const other = await reply(async () => portalImportJobLoader(routeArgs(new TestBrowser().get(`/portal/${colleague}/imports/${jobId}`), { token: colleague, jobId }, context())));
    expect(other.status).toBe(404);

    const confirm = await formPost(vendor, `/portal/${token}/imports/${jobId}`, [["intent", "apply"]]);
    const applied = await reply(async () => portalImportJobAction(routeArgs(confirm, { token, jobId }, context())));
    expect(applied.location).toBe(`/portal/${token}/imports/${jobId}`);
    expect(stored("s1.change_notice_days")).toEqual({ value: 45, answeredBy: "Wanda Wren (Workbook Wren CRM Ltd)" });
    expect(stored("s3.backup_retention_days")?.value).toBe(30);
    expect(statusOf(assessmentId)).toBe("in-progress");

    const again = await formPost(vendor, `/portal/${token}/imports/${jobId}`, [["intent", "apply"]]);
    expect((await reply(async () => portalImportJobAction(routeArgs(again, { token, jobId }, context())))).status).toBe(409);
  });

  it("answers a file that is not a workbook with a 422 that says so, and a button it does not know with a 422", async () => {
    const vendor = new TestBrowser();
    const garbageJob = jobOf((await upload(vendor, Buffer.from("%PDF-1.7 not a workbook"))).location);
    await waitForJob(garbageJob);
    const refused = await reply(async () => portalImportJobLoader(routeArgs(vendor.get(`/portal/${token}/imports/${garbageJob}`), { token, jobId: garbageJob }, context())));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.data)).toContain("is not an Excel workbook (.xlsx)");

    const filled = await fillWorkbook(
      new Uint8Array(await ((await portalWorkbookLoader(routeArgs(vendor.get(`/portal/${token}/questionnaire.xlsx`), { token }, context()))) as Response).arrayBuffer()),
      { "s1.change_notice_days": { C: 60 } },
    );
    const jobId = jobOf((await upload(vendor, filled)).location);
    await waitForJob(jobId);
    const odd = await formPost(vendor, `/portal/${token}/imports/${jobId}`, [["intent", "overwrite"]]);
    expect((await reply(async () => portalImportJobAction(routeArgs(odd, { token, jobId }, context())))).status).toBe(422);
    const discard = await formPost(vendor, `/portal/${token}/imports/${jobId}`, [["intent", "discard"]]);
    expect((await reply(async () => portalImportJobAction(routeArgs(discard, { token, jobId }, context())))).location).toBe(`/portal/${token}/import`);
    expect(stored("s1.change_notice_days")?.value).toBe(45);
  });

  it("lets the buyer's assessor see a vendor's import too, but the vendor never sees one of the buyer's", async () => {
    const buyerJob = await formPost(assessor, `/assessments/${assessmentId}/imports/unknown`, [["intent", "apply"]]);
    expect((await reply(() => buyerImportJobAction(routeArgs(buyerJob, { assessmentId, jobId: "unknown" })))).status).toBe(404);
  });

  it("refuses an upload once the vendor has submitted", async () => {
    getDb().$client.prepare("update assessments set status = 'submitted' where id = ?").run(assessmentId);
    const vendor = new TestBrowser();
    const page = await reply(async () => portalImportLoader(routeArgs(vendor.get(`/portal/${token}/import`), { token }, context())));
    expect(page.data).toMatchObject({ locked: true });
    expect((await upload(vendor, Buffer.from("PK"))).status).toBe(409);
  });
});
