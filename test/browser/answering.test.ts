import { asc, eq } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/database";
import { newId } from "#db/ids";
import { assessments, organisations, vendors } from "#db/schema";
import { fieldId } from "~/answering/form-state";
import { startApp, type RunningApp } from "../support/app-server";
import { assertNoProblems, launchBrowser, openPage } from "../support/browser";
import { signInAs } from "../support/browser-sign-in";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A new vendor with an unanswered assessment of the demo organisation, so each journey starts blank. */
function newAssessment(vendorName: string): string {
  const db = openDatabase(app.databasePath);
  try {
    const organisation = db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.createdAt)).get()!;
    const pinned = db
      .select({ id: assessments.questionnaireId, version: assessments.questionnaireVersion, hash: assessments.questionnaireHash })
      .from(assessments)
      .where(eq(assessments.organisationId, organisation.id))
      .get()!;
    const vendorId = newId();
    const assessmentId = newId();
    db.insert(vendors).values({ id: vendorId, organisationId: organisation.id, name: vendorName, service: `${vendorName} CRM`, updatedAt: new Date() }).run();
    db.insert(assessments)
      .values({
        id: assessmentId,
        organisationId: organisation.id,
        vendorId,
        questionnaireId: pinned.id,
        questionnaireVersion: pinned.version,
        questionnaireHash: pinned.hash,
        status: "sent",
        scopeSubjects: ["DE"],
        updatedAt: new Date(),
      })
      .run();
    return assessmentId;
  } finally {
    db.$client.close();
  }
}

const partiesLegend = /List every affiliate, subprocessor/;
const parentCountry = "Where is that parent company established?";

function question(page: Page, questionId: string): Locator {
  return page.locator(`[id="question-${fieldId(questionId)}"]`);
}

async function waitForSaved(page: Page, questionId: string) {
  await question(page, questionId).locator(".autosave-status", { hasText: "Saved" }).waitFor();
}

function partyRow(page: Page, n: number): Locator {
  return page.getByRole("group", { name: partiesLegend }).getByRole("group", { name: `Row ${n}`, exact: true });
}

async function fillParty(row: Locator, party: { key: string; legalName: string; country: string; service: string; access: string }) {
  await row.getByLabel("Short name").fill(party.key);
  await row.getByLabel("Legal name", { exact: true }).fill(party.legalName);
  await row.getByLabel("Relationship").selectOption("subprocessor");
  await row.getByLabel("Where the legal entity is established").selectOption(party.country);
  await row.getByLabel("What it does for the service").fill(party.service);
  await row.getByLabel("Access to our data").selectOption(party.access);
}

const aws = { key: "AWS", legalName: "Amazon Web Services EMEA SARL", country: "LU", service: "Hosting", access: "hosts" };
const zendesk = { key: "Zendesk", legalName: "Zendesk, Inc.", country: "US-CA", service: "Support desk", access: "remote" };

async function expectEveryAnswer(page: Page, vendorName: string) {
  await expect(page.getByLabel("What is the legal name of the company").inputValue()).resolves.toBe(vendorName);
  await expect(page.getByLabel("Where is that company established?").inputValue()).resolves.toBe("JP");
  await expect(page.getByLabel("Which company ultimately owns or controls yours").inputValue()).resolves.toBe("Oriole Holdings");
  await expect(page.getByLabel(parentCountry).inputValue()).resolves.toBe("SG");
  const first = partyRow(page, 1);
  const second = partyRow(page, 2);
  await expect(first.getByLabel("Short name").inputValue()).resolves.toBe("AWS");
  await expect(first.getByLabel("Where the legal entity is established").inputValue()).resolves.toBe("LU");
  await expect(second.getByLabel("Short name").inputValue()).resolves.toBe("Zendesk");
  await expect(second.getByLabel("Legal name", { exact: true }).inputValue()).resolves.toBe("Zendesk, Inc.");
  await expect(second.getByLabel("Access to our data").inputValue()).resolves.toBe("remote");
}

describe("a person answering a section with a table", () => {
  it("with JavaScript: every change autosaves, the follow-up appears at once, and every answer is there on return", async () => {
    const vendorName = "Oriole CRM Ltd";
    const id = newAssessment(vendorName);
    const watched = await openPage(browser);
    await signInAs(watched, app.baseUrl, "admin");
    const { page } = watched;
    await page.goto(`${app.baseUrl}/assessments/${id}`);
    await page.getByRole("link", { name: "Your company, group and partners" }).click();
    await page.getByRole("heading", { level: 1, name: "Your company, group and partners" }).waitFor();
    // Once JavaScript runs, the reason for "not applicable" hides until the box is ticked.
    await page.getByLabel("Why does it not apply?").waitFor({ state: "hidden" });
    await page.getByLabel("This question does not apply to us").check();
    await page.getByLabel("Why does it not apply?").waitFor();
    await page.getByLabel("This question does not apply to us").uncheck();

    await page.getByLabel("What is the legal name of the company").fill(vendorName);
    await page.getByLabel("Where is that company established?").selectOption("JP");
    await waitForSaved(page, "s0.country");

    await expect(page.getByLabel(parentCountry).count()).resolves.toBe(0);
    await page.getByLabel("Which company ultimately owns or controls yours").fill("Oriole Holdings");
    await page.getByLabel(parentCountry).waitFor();
    await page.getByLabel(parentCountry).selectOption("SG");
    await waitForSaved(page, "s0.parent_country");

    await fillParty(partyRow(page, 1), aws);
    await page.getByRole("button", { name: "Add another row" }).click();
    await partyRow(page, 2).getByLabel("Short name").waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("s0.parties[1].key");
    await fillParty(partyRow(page, 2), zendesk);
    await page.getByLabel("What is the legal name of the company").focus();
    await waitForSaved(page, "s0.parties");
    await waitForSaved(page, "s0.legal_name");

    await page.getByRole("link", { name: /Assessment of/ }).click();
    await page.getByRole("heading", { level: 1, name: `${vendorName}: ${vendorName} CRM` }).waitFor();
    const s0 = page.getByRole("region", { name: "Questionnaire sections" }).getByRole("listitem").filter({ hasText: "Your company, group and partners" });
    await expect(s0.getByText("Completed").count()).resolves.toBe(1);
    await page.getByRole("link", { name: "Your company, group and partners" }).click();
    await page.getByRole("heading", { level: 1, name: "Your company, group and partners" }).waitFor();
    await expectEveryAnswer(page, vendorName);

    await page.getByRole("link", { name: "Check all answers" }).click();
    await page.getByRole("heading", { level: 1, name: `Answers of ${vendorName}` }).waitFor();
    const table = page.getByRole("table", { name: /List every affiliate/ });
    await expect(table.getByRole("cell", { name: "Zendesk, Inc.", exact: true }).count()).resolves.toBe(1);
    await expect(table.getByRole("cell", { name: "California, United States (US-CA)", exact: true }).count()).resolves.toBe(1);
    // Autosaves of a row still being filled in come back as 422 with the row's messages.
    assertNoProblems(watched, [/status of 422/]);
    await watched.context.close();
  });

  it("without JavaScript: a plain submit per section does the same, rows are added by a button, and the follow-up appears after saving", async () => {
    const vendorName = "Puffin CRM Ltd";
    const id = newAssessment(vendorName);
    const watched = await openPage(browser, { javaScriptEnabled: false });
    await signInAs(watched, app.baseUrl, "admin");
    const { page } = watched;
    await page.goto(`${app.baseUrl}/assessments/${id}`);
    await page.getByRole("link", { name: "Your company, group and partners" }).click();
    await page.getByRole("heading", { level: 1, name: "Your company, group and partners" }).waitFor();

    await page.getByLabel("What is the legal name of the company").fill(vendorName);
    await page.getByLabel("Where is that company established?").selectOption("JP");
    await fillParty(partyRow(page, 1), aws);
    await expect(partyRow(page, 2).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Add another row" }).click();
    await partyRow(page, 2).getByLabel("Short name").waitFor();
    await expect(partyRow(page, 1).getByLabel("Short name").inputValue()).resolves.toBe("AWS");
    await fillParty(partyRow(page, 2), zendesk);

    // An invalid answer keeps everything else typed.
    await page.getByLabel("Where do you publish your subprocessor list?").fill("not a web address");
    await page.getByLabel("Which company ultimately owns or controls yours").fill("Oriole Holdings");
    await expect(page.getByLabel(parentCountry).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    await summary.getByRole("link", { name: "Enter a web address starting with https://" }).waitFor();
    await expect(page.getByLabel("Where do you publish your subprocessor list?").inputValue()).resolves.toBe("not a web address");
    await expect(partyRow(page, 2).getByLabel("Short name").inputValue()).resolves.toBe("Zendesk");
    await page.getByText(/Your answers added a question to this section/).waitFor();

    await page.getByLabel(parentCountry).selectOption("SG");
    await page.getByLabel("Where do you publish your subprocessor list?").fill("https://puffin.example/subprocessors");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByRole("heading", { level: 1, name: "Where our data is stored" }).waitFor();

    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Your company, group and partners" }).click();
    await page.getByRole("heading", { level: 1, name: "Your company, group and partners" }).waitFor();
    await expectEveryAnswer(page, vendorName);

    // Enter in a text field saves; it never presses a row's "Remove" button.
    await page.getByLabel("What is the legal name of the company").press("Enter");
    await page.getByText("Your answers were saved.").waitFor();
    await expect(partyRow(page, 2).getByLabel("Short name").inputValue()).resolves.toBe("Zendesk");
    // The page with the invalid answer came back as 422.
    assertNoProblems(watched, [/status of 422/]);
    await watched.context.close();
  });
});

describe("two people on one section", () => {
  it("a stale write is shown with both values, not lost, with and without JavaScript", async () => {
    const id = newAssessment("Quail CRM Ltd");
    const scripted = await openPage(browser);
    await signInAs(scripted, app.baseUrl, "admin");
    const plain = await openPage(browser, { javaScriptEnabled: false });
    await signInAs(plain, app.baseUrl, "admin");
    const url = `${app.baseUrl}/assessments/${id}/sections/s1`;
    const noticeDays = "How many days before you add or change a storage location do you tell us?";
    for (const { page } of [scripted, plain]) {
      await page.goto(url);
      await page.getByRole("heading", { level: 1, name: "Where our data is stored" }).waitFor();
    }
    await scripted.page.getByLabel("Add by name").first().waitFor({ state: "attached" });

    // Without JavaScript, a colleague saves 45 days.
    await plain.page.getByLabel(noticeDays).fill("45");
    await plain.page.getByRole("button", { name: "Save", exact: true }).click();
    await plain.page.getByText("Your answers were saved.").waitFor();

    // With JavaScript, from the page opened before, 120 days: a conflict, not an overwrite.
    await scripted.page.getByLabel(noticeDays).fill("120");
    await scripted.page.getByLabel(noticeDays).blur();
    const conflict = question(scripted.page, "s1.change_notice_days").getByRole("group", { name: "Two versions of this answer" });
    await conflict.waitFor();
    await conflict.getByText("45 days").waitFor();
    await conflict.getByText("120 days").waitFor();
    await expect(conflict.getByText(/Ada Okafor changed this answer after you opened the page/).count()).resolves.toBe(1);
    await expect(scripted.page.getByLabel(noticeDays).inputValue()).resolves.toBe("120");

    const check = await openPage(browser, { javaScriptEnabled: false });
    await signInAs(check, app.baseUrl, "admin");
    await check.page.goto(url);
    await expect(check.page.getByLabel(noticeDays).inputValue()).resolves.toBe("45");

    await conflict.getByRole("button", { name: "Use my answer" }).click();
    await waitForSaved(scripted.page, "s1.change_notice_days");
    await check.page.reload();
    await expect(check.page.getByLabel(noticeDays).inputValue()).resolves.toBe("120");

    // The colleague's page is now stale: their 60 days meets the 120 just saved.
    await plain.page.getByLabel(noticeDays).fill("60");
    await plain.page.getByRole("button", { name: "Save", exact: true }).click();
    const summary = plain.page.getByRole("alert").filter({ hasText: "Someone else changed some answers" });
    await summary.waitFor();
    const theirs = question(plain.page, "s1.change_notice_days").getByRole("group", { name: "Two versions of this answer" });
    await theirs.getByText("120 days").waitFor();
    await theirs.getByText("60 days").waitFor();
    await expect(plain.page.getByLabel(noticeDays).inputValue()).resolves.toBe("60");
    await theirs.getByRole("button", { name: "Keep their answer" }).click();
    await plain.page.getByText("Your answers were saved.").waitFor();
    await expect(plain.page.getByLabel(noticeDays).inputValue()).resolves.toBe("120");

    for (const watched of [scripted, plain, check]) {
      // Both stale writes came back as 409.
      assertNoProblems(watched, [/status of 409/]);
      await watched.context.close();
    }
  });
});

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("a buyer %s", (_label, javaScriptEnabled) => {
  it("scopes an assessment from its page: a field in error keeps what was typed, and the saved scope shows on the assessment", async () => {
    const vendorName = javaScriptEnabled ? "Robin CRM Ltd" : "Swift CRM Ltd";
    const id = newAssessment(vendorName);
    const watched = await openPage(browser, { javaScriptEnabled });
    await signInAs(watched, app.baseUrl, "admin");
    const { page } = watched;
    await page.goto(`${app.baseUrl}/assessments/${id}`);
    await page.getByRole("link", { name: "Change the scope" }).click();
    await page.getByRole("heading", { level: 1, name: "Scope of the assessment" }).waitFor();
    const subjects = page.getByLabel("Where are the people whose data the CRM will hold?");
    await expect(subjects.inputValue()).resolves.toBe("DE");

    await subjects.fill("DE, FR, Narnia");
    await page.getByLabel("Health", { exact: true }).first().check();
    await page.getByRole("button", { name: "Save scope" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    await expect(summary.getByRole("link").count()).resolves.toBe(1);
    await expect(subjects.inputValue()).resolves.toBe("DE, FR, Narnia");

    await subjects.fill("DE, FR, CA-QC");
    if (javaScriptEnabled) {
      await page.getByLabel("Add by name").selectOption("JP");
      await expect(subjects.inputValue()).resolves.toBe("DE, FR, CA-QC, JP");
      await page.getByText("Germany (DE), France (FR), Québec, Canada (CA-QC), Japan (JP)").waitFor();
    }
    await page.getByRole("group", { name: "Which sector is your organisation in?" }).getByLabel("Health").check();
    await page.getByLabel("About how many people").fill("12,000");
    await page.getByRole("button", { name: "Save scope" }).click();
    await page.getByRole("heading", { level: 1, name: `${vendorName}: ${vendorName} CRM` }).waitFor();
    const scope = page.getByRole("region", { name: "Scope" });
    await scope.getByText("Québec, Canada (CA-QC)").waitFor();
    await expect(scope.getByText("12,000").count()).resolves.toBe(1);
    await expect(scope.getByText("Health", { exact: true }).count()).resolves.toBe(2);
    assertNoProblems(watched, [/status of 422/]);
    await watched.context.close();
  });
});
