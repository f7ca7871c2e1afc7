import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { assertNoProblems, launchBrowser, openPage, type WatchedPage } from "../support/browser";
import { signInAs } from "../support/browser-sign-in";

let app: RunningApp;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  dir = mkdtempSync(path.join(tmpdir(), "custodian-report-download-"));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openNorthwind(watched: WatchedPage) {
  const { page } = watched;
  await page.goto(app.baseUrl);
  await page.getByRole("link", { name: "Northwind CRM GmbH" }).click();
  await page.getByRole("link", { name: /Assessment of/ }).click();
  await page.getByRole("heading", { level: 1, name: "Northwind CRM GmbH: Northwind Cloud CRM" }).waitFor();
}

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("the report %s", (label, javaScriptEnabled) => {
  it("downloads as a PDF from the assessment page: the finalised score version, page after page", async () => {
    const watched = await openPage(browser, { javaScriptEnabled, acceptDownloads: true });
    await signInAs(watched, app.baseUrl, "viewer");
    await openNorthwind(watched);
    const { page } = watched;
    const score = page.getByRole("region", { name: "Score and report" });
    await expect(score.getByText(/The report shows score version 1/).count()).resolves.toBe(1);

    const [download] = await Promise.all([page.waitForEvent("download"), score.getByRole("link", { name: "Download the report (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^custodian-report-northwind-crm-gmbh-\d{4}-\d{2}-\d{2}-v1\.pdf$/);
    const file = path.join(dir, `${javaScriptEnabled ? "js" : "no-js"}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThan(10);
    expect(execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" })).toContain("Approve with conditions");
    assertNoProblems(watched);
    await watched.context.close();
  });

  it(`reads as a web page with the same sections (${label})`, async () => {
    const watched = await openPage(browser, { javaScriptEnabled });
    await signInAs(watched, app.baseUrl, "viewer");
    await openNorthwind(watched);
    const { page } = watched;
    await page.getByRole("region", { name: "Score and report" }).getByRole("link", { name: "Read the report" }).click();
    await page.getByRole("heading", { level: 1, name: /Vendor risk report/ }).waitFor();
    for (const heading of ["Executive summary", "Risk score", "Where the data goes", "Flows, legal bases and citations", "Transfer impact notes", "Sign-off"]) {
      await expect(page.getByRole("heading", { level: 2, name: heading }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole("img", { name: /Where the data goes/ }).count()).resolves.toBe(1);
    await expect(page.getByText("permitted with safeguard").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: "Download the PDF" }).count()).resolves.toBe(1);
    assertNoProblems(watched);
    await watched.context.close();
  });
});

describe("re-scoring", () => {
  it("a legal reviewer re-scores the finalised assessment and sees version 2 and what changed", async () => {
    const watched = await openPage(browser);
    await signInAs(watched, app.baseUrl, "legal-reviewer");
    await openNorthwind(watched);
    const { page } = watched;
    const score = page.getByRole("region", { name: "Score and report" });
    await score.getByRole("button", { name: "Re-score under current rules" }).click();
    await score.getByText("Score version 2 saved (re-scored).").waitFor();
    await expect(score.getByRole("heading", { name: "What changed from version 1 to version 2" }).count()).resolves.toBe(1);
    const versions = score.getByRole("table", { name: "Score versions" }).getByRole("row");
    await expect(versions.count()).resolves.toBe(3);
    assertNoProblems(watched);
    await watched.context.close();
  });
});
