import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { asc, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/database";
import { newId } from "#db/ids";
import { answers, assessments, organisations, vendors } from "#db/schema";
import { startApp, type RunningApp } from "../support/app-server";
import { assertNoProblems, launchBrowser, openPage, type WatchedPage } from "../support/browser";
import { signInAs } from "../support/browser-sign-in";
import { fillWorkbook } from "../support/workbook";
import { pdf } from "../unit/evidence/fixtures";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startApp({
      APP_KEY: Buffer.alloc(32, 51).toString("base64"),
      EVIDENCE_KEY: Buffer.alloc(32, 52).toString("base64"),
      EVIDENCE_DIR: `${process.cwd()}/.cache/test-evidence/browser-${process.pid}-${Date.now()}`,
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A draft assessment of a new vendor, answered like Northwind's except two required questions left to the vendor. */
function draftAssessment(vendorName: string): string {
  const db = openDatabase(app.databasePath);
  try {
    const organisation = db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.createdAt)).get()!;
    const source = db
      .select({ id: assessments.id, qid: assessments.questionnaireId, version: assessments.questionnaireVersion, hash: assessments.questionnaireHash, subjects: assessments.scopeSubjects })
      .from(assessments)
      .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
      .where(eq(vendors.name, "Northwind CRM GmbH"))
      .get()!;
    const vendorId = newId();
    const assessmentId = newId();
    db.insert(vendors).values({ id: vendorId, organisationId: organisation.id, name: vendorName, service: `${vendorName} CRM`, updatedAt: new Date() }).run();
    db.insert(assessments)
      .values({ id: assessmentId, organisationId: organisation.id, vendorId, questionnaireId: source.qid, questionnaireVersion: source.version, questionnaireHash: source.hash, scopeSubjects: source.subjects, status: "draft", updatedAt: new Date() })
      .run();
    for (const row of db.select({ questionId: answers.questionId, value: answers.value, naReason: answers.naReason }).from(answers).where(eq(answers.assessmentId, source.id)).all()) {
      if (row.questionId === "s0.legal_name" || row.questionId === "s1.pinning") continue;
      db.insert(answers).values({ id: newId(), assessmentId, ...row, answeredBy: "Imported earlier", answeredAt: new Date() }).run();
    }
    return assessmentId;
  } finally {
    db.$client.close();
  }
}

function auditVerify() {
  const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli/audit-verify.ts"], {
    env: { ...process.env, DATABASE_PATH: app.databasePath },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

async function attest(page: Page) {
  await page.getByLabel("Your job title").fill("Head of Compliance");
  await page.getByLabel("I confirm this statement").check();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByText("Submitted.", { exact: false }).first().waitFor();
}

describe("an assessment from invitation to sign-off", () => {
  it("the assessor invites, the vendor answers with evidence and submits, a question comes back and is answered, legal signs off, and the trail shows every step", async () => {
    const vendorName = "Wren CRM Ltd";
    const id = draftAssessment(vendorName);
    const watched: WatchedPage[] = [];

    // The assessor invites a contact from the assessment page.
    const assessor = await openPage(browser);
    watched.push(assessor);
    await signInAs(assessor, app.baseUrl, "assessor");
    await assessor.page.goto(`${app.baseUrl}/assessments/${id}`);
    await assessor.page.getByRole("link", { name: "Vendor links: invite contacts to answer" }).click();
    await heading(assessor.page, "Vendor links");
    await assessor.page.getByLabel("Contact's name").fill("Dana Ruiz");
    await assessor.page.getByLabel("Email address").fill("dana@wren.example");
    await assessor.page.getByRole("button", { name: "Send the link" }).click();
    const shown = assessor.page.getByLabel("The new vendor link");
    await shown.waitFor();
    const link = (await shown.textContent())!.trim();
    expect(link).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
    await assessor.page.getByRole("row", { name: /Dana Ruiz/ }).getByText("Works").waitFor();

    // The vendor opens the link: no account, no buyer navigation.
    const vendor = await openPage(browser);
    watched.push(vendor);
    await vendor.page.goto(link);
    await heading(vendor.page, "Hosted CRM due diligence");
    await vendor.page.getByText("Hello Dana Ruiz.").waitFor();
    await expect(vendor.page.getByRole("navigation", { name: "Main" }).count()).resolves.toBe(0);
    await vendor.page.getByRole("link", { name: "Your company, group and partners" }).click();
    await heading(vendor.page, "Your company, group and partners");
    await vendor.page.getByLabel("What is the legal name of the company").fill(vendorName);
    await vendor.page.getByRole("button", { name: "Save and continue" }).click();
    await heading(vendor.page, "Where our data is stored");
    await vendor.page.getByLabel("Yes, and the contract commits to it").check();
    await vendor.page.getByLabel("Add a file").setInputFiles({ name: "DPA annex 3.pdf", mimeType: "application/pdf", buffer: pdf() });
    await vendor.page.getByRole("button", { name: "Upload file" }).click();
    await vendor.page.getByText("DPA annex 3.pdf was attached and your answers were saved.").waitFor();
    await vendor.page.getByRole("link", { name: "Download DPA annex 3.pdf" }).waitFor();
    await vendor.page.getByRole("link", { name: "Check your answers" }).last().click();
    await heading(vendor.page, "Check your answers before submitting");
    await vendor.page.getByText("DPA annex 3.pdf").first().waitFor();
    await attest(vendor.page);

    // The reviewer returns one question with a request.
    await assessor.page.goto(`${app.baseUrl}/assessments/${id}`);
    await assessor.page.getByRole("link", { name: "View all answers" }).click();
    await heading(assessor.page, `Answers of ${vendorName}`);
    await assessor.page.getByRole("link", { name: /Comments, history and returns for “Can our tenant be kept in a chosen region/ }).click();
    await heading(assessor.page, /Can our tenant be kept in a chosen region/);
    await assessor.page.getByLabel("What you need from the vendor").fill("Which regions can be chosen? Name them and the contract clause.");
    await assessor.page.getByRole("button", { name: "Return to the vendor" }).click();
    await assessor.page.getByText("The question was returned to the vendor.").waitFor();

    // The vendor sees what came back and why, answers it, and submits again.
    await vendor.page.goto(link);
    const returned = vendor.page.getByRole("region", { name: "Questions returned to you" });
    await returned.getByText("Which regions can be chosen? Name them and the contract clause.").waitFor();
    await returned.getByRole("link", { name: /Can our tenant be kept in a chosen region/ }).click();
    await heading(vendor.page, "Where our data is stored");
    await vendor.page.getByText("Returned to you").waitFor();
    await vendor.page.getByLabel("Yes, as a setting, without a contractual commitment").check();
    await vendor.page.getByRole("button", { name: "Save", exact: true }).click();
    await vendor.page.getByText("Your answers were saved.").waitFor();
    await vendor.page.getByRole("link", { name: "Check your answers" }).last().click();
    await heading(vendor.page, "Check your answers before submitting");
    await attest(vendor.page);

    // The legal reviewer signs off, the decision offered being the score's recommendation.
    const legal = await openPage(browser);
    watched.push(legal);
    await signInAs(legal, app.baseUrl, "legal-reviewer");
    await legal.page.goto(`${app.baseUrl}/assessments/${id}`);
    await legal.page.getByRole("link", { name: "Review and sign-off" }).click();
    await heading(legal.page, "Review and sign-off");
    await legal.page.getByText("Head of Compliance").first().waitFor();
    const changed = legal.page.getByRole("region", { name: "Answers changed after the first submission" });
    await changed.getByText("Only the questions you returned were changed.").waitFor();
    await expect(changed.getByRole("row", { name: /Can our tenant be kept in a chosen region.*Returned with a request/ }).count()).resolves.toBe(1);
    const recommended = legal.page.getByRole("group", { name: "Decision" }).getByRole("radio", { checked: true });
    await expect(recommended.count()).resolves.toBe(1);
    await legal.page.getByLabel("Approved with conditions").check();
    await legal.page.getByLabel("Conditions", { exact: true }).fill("Name the pinned regions in the contract before go-live.");
    await legal.page.getByRole("button", { name: "Sign off and finalise" }).click();
    await legal.page.getByText("The assessment is signed off and finalised.").waitFor();
    await legal.page.getByRole("definition").getByText("Approved with conditions").first().waitFor();
    await legal.page.getByRole("definition").getByText("Name the pinned regions in the contract before go-live.").waitFor();

    // The trail shows every step, and the chain verifies.
    await legal.page.getByRole("link", { name: "See the full audit trail" }).click();
    await heading(legal.page, "Audit trail");
    for (const step of [
      "Invited Dana Ruiz <dana@wren.example> to answer through a vendor link",
      "Sent the assessment to the vendor",
      "Started answering (first save through the vendor link)",
      "Uploaded DPA annex 3.pdf for",
      "Submitted the answers",
      "Returned “Can our tenant be kept in a chosen region",
      "Signed off: approved with conditions",
    ]) {
      await expect(legal.page.getByText(step, { exact: false }).count(), step).resolves.toBeGreaterThan(0);
    }
    await expect(legal.page.getByText("does not match its hash").count()).resolves.toBe(0);

    const intact = auditVerify();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/^Audit trail intact: \d+ events/);

    // Someone with the database file edits one row: verification fails and names it.
    const db = openDatabase(app.databasePath);
    const row = db.$client.prepare("select id from events where assessment_id = ? and type = 'assessment.finalised'").get(id) as { id: number };
    db.$client.exec("DROP TRIGGER events_no_update");
    db.$client.prepare("update events set payload = json_set(payload, '$.decision', 'approved') where id = ?").run(row.id);
    db.$client.close();
    const broken = auditVerify();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe(`Audit trail broken at event ${row.id} (edited): event ${row.id} does not match its hash: the row was edited after it was recorded.`);
    await legal.page.reload();
    await legal.page.getByRole("alert").getByText(`(row ${row.id})`, { exact: false }).waitFor();

    for (const w of watched) {
      // Autosaves of a row being filled in may come back as 422; nothing else may be logged.
      assertNoProblems(w, [/status of 422/]);
      await w.context.close();
    }
  });
});

describe("answering in a workbook through the vendor link", () => {
  it("the vendor downloads the questionnaire as a workbook, uploads it filled in, sees every change and saves it", async () => {
    const vendorName = "Kestrel CRM Ltd";
    const id = draftAssessment(vendorName);
    const assessor = await openPage(browser);
    await signInAs(assessor, app.baseUrl, "assessor");
    await assessor.page.goto(`${app.baseUrl}/assessments/${id}/invitations`);
    await assessor.page.getByLabel("Contact's name").fill("Kim Lee");
    await assessor.page.getByLabel("Email address").fill("kim@kestrel.example");
    await assessor.page.getByRole("button", { name: "Send the link" }).click();
    const shown = assessor.page.getByLabel("The new vendor link");
    await shown.waitFor();
    const link = (await shown.textContent())!.trim();

    const vendor = await openPage(browser, { acceptDownloads: true });
    await vendor.page.goto(link);
    await vendor.page.getByRole("link", { name: "Download the questionnaire as a workbook and upload it filled in" }).click();
    await heading(vendor.page, "Answer in a workbook");
    const [download] = await Promise.all([
      vendor.page.waitForEvent("download"),
      vendor.page.getByRole("link", { name: "Download the questionnaire workbook (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kestrel-crm-ltd-questionnaire-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const filled = await fillWorkbook(await readFile((await download.path())!), { "s0.legal_name": { C: "Kestrel CRM Limited" } });
    await vendor.page.getByLabel("Filled-in workbook").setInputFiles({
      name: "kestrel.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: filled,
    });
    await vendor.page.getByRole("button", { name: "Check the workbook" }).click();
    await heading(vendor.page, "Workbook import");
    const changes = vendor.page.getByRole("table", { name: "Answers the workbook changes" });
    await changes.getByRole("row", { name: /s0\.legal_name/ }).getByText("Kestrel CRM Limited").waitFor();
    await vendor.page.getByRole("button", { name: "Save 1 answer from the workbook" }).click();
    await vendor.page.getByRole("heading", { name: "Answers saved" }).waitFor();
    await vendor.page.getByRole("link", { name: "Check your answers" }).click();
    await heading(vendor.page, "Check your answers before submitting");
    await vendor.page.getByText("Kestrel CRM Limited").first().waitFor();
    await expect(vendor.page.getByText(/Acme Retail's score|Findings/).count()).resolves.toBe(0);
    assertNoProblems(vendor);
    assertNoProblems(assessor);
    await vendor.context.close();
    await assessor.context.close();
  });
});
