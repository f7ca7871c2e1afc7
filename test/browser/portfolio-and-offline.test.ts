import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "~/questionnaire";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { startApp, type RunningApp } from "../support/app-server";
import { assertNoProblems, launchBrowser, openPage } from "../support/browser";
import { signInAs } from "../support/browser-sign-in";
import { fillWorkbook } from "../support/workbook";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const questionnaire = getLatestQuestionnaire("hosted-crm")!;
function choiceLabel(questionId: string, value: string): string {
  const question = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === questionId)!;
  if (question.type !== "single" && question.type !== "multi") throw new Error(`${questionId} has no choices`);
  return text(question.choices.find((c) => c.value === value)!.label);
}

// The browser logs every 4xx document it is served; a refused workbook is one.
const status422 = /Failed to load resource: the server responded with a status of 422/;

describe("the portfolio", () => {
  it("compares three vendors side by side, on the page and as a PDF", async () => {
    const watched = await openPage(browser, { acceptDownloads: true });
    await signInAs(watched, app.baseUrl, "viewer");
    const { page } = watched;
    await page.goto(`${app.baseUrl}/portfolio`);
    await page.getByRole("heading", { level: 1, name: "Portfolio" }).waitFor();
    await expect(page.getByRole("row", { name: /Northwind CRM GmbH/ }).getByText("Current").count()).resolves.toBe(1);

    for (const name of ["Northwind CRM GmbH", "Bluebird Customer Cloud, Inc.", "Maple Ledger CRM Inc."]) {
      await page.getByRole("checkbox", { name: `Compare ${name}` }).check();
    }
    await page.getByRole("button", { name: "Compare the ticked vendors" }).click();
    await page.getByRole("heading", { level: 1, name: "Compare vendors" }).waitFor();

    const summary = page.getByRole("region", { name: "Summary" }).getByRole("table");
    const headers = await summary.getByRole("columnheader").allTextContents();
    expect(headers).toEqual(["", "Northwind CRM GmbH", "Bluebird Customer Cloud, Inc.", "Maple Ledger CRM Inc."]);
    await expect(summary.getByRole("row", { name: /^Tier/ }).getByRole("cell").allTextContents()).resolves.toEqual(["Medium", "High", expect.any(String)]);
    const regions = page.getByRole("region", { name: "Flows and verdicts by where the data subjects are" });
    await expect(regions.getByRole("rowheader", { name: "Québec, Canada (CA-QC)" }).count()).resolves.toBe(1);
    await expect(regions.getByText("non-compliant", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("region", { name: "Knockout answers" }).getByRole("cell").first().textContent()).resolves.toBe("None");
    await expect(page.getByRole("region", { name: "Section scores" }).getByRole("row").count()).resolves.toBe(17);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the comparison (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^custodian-comparison-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    assertNoProblems(watched);
    await watched.context.close();
  });
});

describe("answering offline", () => {
  async function openImport(javaScriptEnabled = true) {
    const watched = await openPage(browser, { acceptDownloads: true, javaScriptEnabled });
    await signInAs(watched, app.baseUrl, "assessor");
    const { page } = watched;
    await page.goto(`${app.baseUrl}/portfolio?q=maple`);
    await page.getByRole("row", { name: /Maple Ledger CRM Inc\./ }).getByRole("link", { name: "In progress" }).click();
    await page.getByRole("heading", { level: 1, name: "Maple Ledger CRM Inc.: Maple Ledger" }).waitFor();
    await page.getByRole("link", { name: "Answer offline in a workbook" }).click();
    await page.getByRole("heading", { level: 1, name: "Answer offline in a workbook" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the questionnaire workbook (.xlsx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^maple-ledger-crm-inc-questionnaire-\d{4}-\d{2}-\d{2}\.xlsx$/);
    return { watched, page, workbook: await readFile((await download.path())!) };
  }

  it("exports the questionnaire, takes it back filled in, shows every change, and saves only when confirmed", async () => {
    const { watched, page, workbook } = await openImport();
    const filled = await fillWorkbook(workbook, {
      "s1.change_notice_days": { C: 45 },
      "s3.backup_encryption": { C: choiceLabel("s3.backup_encryption", "customer_key") },
      "s3.backup_retention_days": { C: 21 },
      "s4.separation_controls=tenant_keys": { C: "Yes" },
    });
    await page.getByLabel("Filled-in workbook").setInputFiles({
      name: "maple-filled.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: filled,
    });
    await page.getByRole("button", { name: "Check the workbook" }).click();
    await page.getByRole("heading", { level: 1, name: "Workbook import" }).waitFor();
    await page.getByRole("heading", { name: "Changes in the workbook" }).waitFor();
    const changes = page.getByRole("table", { name: "Answers the workbook changes" });
    await expect(changes.getByRole("row").count()).resolves.toBe(5);
    const notice = changes.getByRole("row", { name: /s1\.change_notice_days/ });
    await expect(notice.getByRole("cell").allTextContents()).resolves.toEqual([
      "2 Where our data is stored, C33",
      "90 days",
      "45 days",
      "Changed. Will be saved",
    ]);

    await page.goto(`${page.url().replace(/\/imports\/.*$/, "")}/answers`);
    await expect(page.getByText("45 days").count()).resolves.toBe(0);
    await page.goBack();

    await page.getByRole("button", { name: "Save 4 answers from the workbook" }).click();
    await page.getByRole("heading", { name: "Answers saved" }).waitFor();
    await page.getByRole("link", { name: "See all the answers" }).click();
    await page.getByRole("heading", { level: 1, name: /answers/i }).waitFor();
    await expect(page.getByText("45 days").count()).resolves.toBe(1);
    await expect(page.getByText("21 days").count()).resolves.toBe(1);
    await expect(page.getByText(choiceLabel("s3.backup_encryption", "customer_key")).count()).resolves.toBe(1);
    assertNoProblems(watched);
    await watched.context.close();
  });

  it("refuses a malformed workbook with the cells in error, and changes nothing", async () => {
    const { watched, page, workbook } = await openImport();
    const filled = await fillWorkbook(workbook, {
      "s1.change_notice_days": { C: "two weeks" },
      "s1.pinning": { C: "Sometimes" },
      "s3.last_restore_test": { C: "31/02/2026" },
    });
    await page.getByLabel("Filled-in workbook").setInputFiles({ name: "maple-broken.xlsx", mimeType: "application/octet-stream", buffer: filled });
    await page.getByRole("button", { name: "Check the workbook" }).click();
    await page.getByRole("heading", { name: "3 cells could not be accepted" }).waitFor();
    const errors = page.getByRole("table", { name: "Cells in error" });
    await expect(errors.getByRole("row").nth(1).textContent()).resolves.toContain('"Sometimes" is not one of the options');
    await expect(errors.getByRole("rowheader").allTextContents()).resolves.toEqual(["C15", "C33", "C19"]);
    await expect(errors.getByText("Enter a number (days), like 30").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: /Save .* from the workbook/ }).count()).resolves.toBe(0);

    await page.goto(`${page.url().replace(/\/imports\/.*$/, "")}/answers`);
    await expect(page.getByText("two weeks").count()).resolves.toBe(0);
    await expect(page.getByText("45 days").count()).resolves.toBe(1);
    assertNoProblems(watched, [status422]);
    await watched.context.close();
  });

  it("without JavaScript, a workbook goes through the same preview and is saved on confirmation", async () => {
    const { watched, page, workbook } = await openImport(false);
    const filled = await fillWorkbook(workbook, { "s1.change_notice_days": { C: 30 } });
    await page.getByLabel("Filled-in workbook").setInputFiles({ name: "maple.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled });
    await page.getByRole("button", { name: "Check the workbook" }).click();
    await page.getByRole("heading", { name: "Changes in the workbook" }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Save 1 answer from the workbook" }).click();
    await page.getByRole("heading", { name: "Answers saved" }).waitFor();
    await expect(page.getByText(/1 answer saved from the workbook by Sam Lindqvist/).count()).resolves.toBe(1);
    assertNoProblems(watched);
    await watched.context.close();
  });
});
