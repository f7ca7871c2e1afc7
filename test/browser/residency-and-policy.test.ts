import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

async function openAssessmentOf(page: Page, vendor: string) {
  await page.goto(app.baseUrl);
  await page.getByRole("link", { name: vendor }).click();
  await page.getByRole("heading", { level: 1, name: vendor }).waitFor();
  await page.getByRole("link", { name: /Assessment of/ }).click();
  await page.getByRole("heading", { level: 2, name: "Where the data goes" }).waitFor();
}

const verdictWords = ["permitted", "permitted with safeguard", "non-compliant", "prohibited"];

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("a legal reader %s", (_label, javaScriptEnabled) => {
  it("sees every flow of Northwind's assessment in tables by subject region and in a picture with a legend", async () => {
    const watched = await openPage(browser, { javaScriptEnabled });
    await signInAs(watched, app.baseUrl, "legal-reviewer");
    const { page } = watched;
    await openAssessmentOf(page, "Northwind CRM GmbH");
    const section = page.getByRole("region", { name: "Where the data goes" });
    await expect(section.getByText(/Rules version: the jurisdiction catalogue of \d{1,2} \w{3} \d{4}/).count()).resolves.toBe(1);

    const tables = section.getByRole("table");
    const captions = await tables.locator("caption").allTextContents();
    expect(captions.map((c) => c.replace(/: \d+ flows?$/, ""))).toEqual([
      "Data subjects in Germany (DE)",
      "Data subjects in France (FR)",
      "Data subjects in United Kingdom (GB)",
      "Data subjects in Québec, Canada (CA-QC)",
    ]);
    const germany = tables.first();
    const indiaRow = germany.getByRole("row", { name: /India \(IN\)/ });
    await expect(indiaRow.getByText("permitted with safeguard", { exact: true }).count()).resolves.toBe(1);
    await expect(indiaRow.getByText("Remote access", { exact: true }).count()).resolves.toBe(1);
    await expect(indiaRow.getByText("GDPR Art. 46(2)(c)", { exact: true }).count()).resolves.toBe(1);
    const hostRow = germany.getByRole("row", { name: /via Tessellate Helpdesk Inc\./ });
    await expect(hostRow.getByRole("cell", { name: "Virginia, United States (US-VA)", exact: true }).count()).resolves.toBe(1);
    await expect(hostRow.getByText("Verify", { exact: true }).count()).resolves.toBeGreaterThan(0);

    // Every body row carries one of the four verdict words.
    const verdicts = await section.locator("tbody tr .verdict").allTextContents();
    const rows = await section.locator("tbody tr").count();
    expect(verdicts).toHaveLength(rows);
    expect(verdicts.every((v) => verdictWords.includes(v))).toBe(true);

    // One line per (subject region, destination) pair in the tables, in the colour and pattern of its worst verdict.
    const pairs = new Set<string>();
    for (let i = 0; i < captions.length; i++) {
      const destinations = await tables.nth(i).locator("tbody tr td:nth-child(2)").allTextContents();
      for (const d of destinations) pairs.add(`${i}:${d}`);
    }
    const picture = section.getByRole("img", { name: /Where the data goes, by where the data subjects are/ });
    await expect(picture.count()).resolves.toBe(1);
    await expect(picture.locator("path.flow-line").count()).resolves.toBe(pairs.size);
    await expect(picture.locator('path.flow-line[data-verdict="non-compliant"]').count()).resolves.toBeGreaterThan(0);
    await expect(picture.locator('path.flow-line[data-verdict="non-compliant"]').first().getAttribute("stroke-dasharray")).resolves.toBe("7 5");
    const legend = await section.getByRole("list", { name: "Legend" }).getByRole("listitem").allTextContents();
    expect(legend).toEqual([
      "permitted (solid line)",
      "permitted with safeguard (long dashes)",
      "non-compliant (short dashes)",
      "prohibited (dots)",
    ]);

    const policy = page.getByRole("region", { name: "Acme Retail's own residency policy" });
    await expect(policy.getByText("not from the law", { exact: false }).count()).resolves.toBe(1);
    const indiaFinding = policy.getByRole("row", { name: /India \(IN\)/ }).first();
    await expect(indiaFinding.getByText("Policy (Acme Retail's own rule)").count()).resolves.toBe(1);
    assertNoProblems(watched);
    await watched.context.close();
  });

  it("adds a policy rule, is told which field is wrong first, and sees the rule's findings on an assessment", async () => {
    const watched = await openPage(browser, { javaScriptEnabled });
    await signInAs(watched, app.baseUrl, "legal-reviewer");
    const { page } = watched;
    const ruleName = `Parties established in the EEA or the UK (${javaScriptEnabled ? "with" : "without"} JavaScript)`;
    await page.goto(app.baseUrl);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Residency policy" }).click();
    await page.getByRole("heading", { level: 1, name: "Residency policy" }).waitFor();
    await expect(page.getByRole("row", { name: /EU customers' data is stored and backed up in the EEA/ }).count()).resolves.toBe(1);

    await page.getByLabel("Parties are established in a region").check();
    await page.getByLabel("the EEA", { exact: true }).check();
    await page.getByLabel(/And these regions/).fill("GB, XX");
    await page.getByRole("button", { name: "Add rule" }).click();
    const summary = page.getByRole("alert");
    await summary.getByText("There is a problem").waitFor();
    await expect(summary.getByRole("link", { name: "Name: enter a name for the rule" }).count()).resolves.toBe(1);
    await expect(summary.getByRole("link", { name: /Allowed regions: "XX" is not an ISO 3166 code/ }).count()).resolves.toBe(1);

    await page.getByLabel("Name", { exact: true }).fill(ruleName);
    await page.getByLabel(/And these regions/).fill("GB");
    if (!javaScriptEnabled) {
      // The server re-rendered the form from what was sent; the choices are still made.
      await expect(page.getByLabel("Parties are established in a region").isChecked()).resolves.toBe(true);
    }
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByRole("status").getByText(`Rule added: ${ruleName}.`).waitFor();
    await expect(page.getByRole("row", { name: new RegExp(ruleName.replace(/[()]/g, "\\$&")) }).count()).resolves.toBe(1);

    await openAssessmentOf(page, "Northwind CRM GmbH");
    const policy = page.getByRole("region", { name: "Acme Retail's own residency policy" });
    const table = policy.getByRole("table", { name: new RegExp(ruleName.replace(/[()]/g, "\\$&")) });
    await expect(table.count()).resolves.toBe(1);
    const helpdesk = table.getByRole("row", { name: /Tessellate Helpdesk Inc\. \(helpdesk\) is established in the United States \(US\)/ });
    await expect(helpdesk.count()).resolves.toBeGreaterThan(0);
    await expect(helpdesk.first().getByText("Policy (Acme Retail's own rule)").count()).resolves.toBe(1);
    // Without JavaScript the form with errors came back from the server as 422.
    assertNoProblems(watched, [/status of 422/]);
    await watched.context.close();
  });
});
