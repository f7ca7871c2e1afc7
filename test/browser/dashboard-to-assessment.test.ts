import type { Browser } from "playwright-core";
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

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("a buyer %s", (_label, javaScriptEnabled) => {
  it("opens the dashboard, follows a vendor to its assessment and sees its scope and progress", async () => {
    const watched = await openPage(browser, { javaScriptEnabled });
    await signInAs(watched, app.baseUrl, "viewer");
    const { page } = watched;
    await page.goto(app.baseUrl);

    await page.getByRole("heading", { level: 1, name: "Vendors" }).waitFor();
    await expect(page.getByText("Acme Retail").count()).resolves.toBeGreaterThan(0);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.count()).resolves.toBe(5);
    const northwindRow = page.getByRole("row", { name: /Northwind CRM GmbH/ });
    await expect(northwindRow.getByText("Finalised").count()).resolves.toBe(1);
    await expect(northwindRow.getByText("Germany (DE)").count()).resolves.toBe(1);

    await page.getByRole("link", { name: "Northwind CRM GmbH" }).click();
    await page.getByRole("heading", { level: 1, name: "Northwind CRM GmbH" }).waitFor();
    await expect(page.getByText("Northwind Cloud CRM").count()).resolves.toBeGreaterThan(0);

    await page.getByRole("link", { name: /Assessment of/ }).click();
    await page.getByRole("heading", { level: 1, name: "Northwind CRM GmbH: Northwind Cloud CRM" }).waitFor();
    expect(page.url()).toMatch(/\/assessments\/[\w-]+$/);
    const scope = page.getByRole("region", { name: "Scope" });
    for (const region of ["Germany (DE)", "France (FR)", "United Kingdom (GB)", "Québec, Canada (CA-QC)"]) {
      await expect(scope.getByText(region).count()).resolves.toBe(1);
    }
    await expect(scope.getByText("850,000").count()).resolves.toBe(1);
    // The task list of sections, not the list of exports beside it.
    const sections = page.getByRole("region", { name: "Questionnaire sections" }).locator("ol.task-list").getByRole("listitem");
    await expect(sections.count()).resolves.toBeGreaterThanOrEqual(12);
    await expect(page.getByRole("region", { name: "Questionnaire sections" }).getByText("Completed").count()).resolves.toBe(
      await sections.count(),
    );

    await page.getByRole("link", { name: "Vendors" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Vendors" }).waitFor();
    assertNoProblems(watched);
    await watched.context.close();
  });
});

describe("the app's shell", () => {
  it("sends an enforced Content-Security-Policy that forbids framing, and the page runs under it", async () => {
    const watched = await openPage(browser);
    await signInAs(watched, app.baseUrl, "viewer");
    const response = await watched.page.goto(app.baseUrl);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy-report-only"]).toBeUndefined();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Hydration ran under the policy: a client-side navigation works and nothing was blocked.
    await watched.page.getByRole("link", { name: "Kairos Relations K.K." }).click();
    await watched.page.getByRole("heading", { level: 1, name: "Kairos Relations K.K." }).waitFor();
    assertNoProblems(watched);
    await watched.context.close();
  });

  it("shows a helpful 404 page for an unknown address", async () => {
    const watched = await openPage(browser);
    const response = await watched.page.goto(`${app.baseUrl}/no/such/page`);
    expect(response!.status()).toBe(404);
    await expect(watched.page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page not found");
    await expect(watched.page.getByRole("link", { name: "Go to the vendor dashboard" }).count()).resolves.toBe(1);
    // The browser itself logs the 404 of the document.
    assertNoProblems(watched, [/status of 404/]);
    await watched.context.close();
  });

  it("lets a keyboard user skip straight to the main content", async () => {
    const watched = await openPage(browser);
    await watched.page.goto(app.baseUrl);
    await watched.page.keyboard.press("Tab");
    const focused = await watched.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Skip to main content");
    await watched.page.keyboard.press("Enter");
    const target = await watched.page.evaluate(() => document.activeElement?.id);
    expect(target).toBe("main");
    await watched.context.close();
  });
});
