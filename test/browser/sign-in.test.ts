import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "#db/seed-demo-data";
import { startApp, type RunningApp } from "../support/app-server";
import { assertNoProblems, launchBrowser, openPage } from "../support/browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ APP_KEY: Buffer.alloc(32, 3).toString("base64") }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const assessor = demoUsers.find((u) => u.role === "assessor")!;

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("the demo assessor %s", (_label, javaScriptEnabled) => {
  it("signs in, sees their name and organisation in the header, and signs out", async () => {
    const watched = await openPage(browser, { javaScriptEnabled });
    const { page } = watched;
    await page.goto(`${app.baseUrl}/login`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await expect(page.getByRole("navigation", { name: "Main" }).count()).resolves.toBe(0);

    await page.getByLabel("Email address").fill(assessor.email);
    await page.getByLabel("Password").fill(assessor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Vendors" }).waitFor();

    const header = page.getByRole("banner");
    await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents()).resolves.toEqual([
      "Vendors",
      "Portfolio",
      "Residency policy",
    ]);
    await expect(header.getByText("Sam Lindqvist").count()).resolves.toBe(1);
    await expect(header.getByText("Acme Retail").count()).resolves.toBe(1);
    const cookies = await watched.context.cookies();
    expect(cookies.find((c) => c.name === "custodian_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await header.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
    await expect(header.getByText("Sam Lindqvist").count()).resolves.toBe(0);
    await expect(header.getByRole("navigation", { name: "Main" }).count()).resolves.toBe(0);
    expect((await watched.context.cookies()).find((c) => c.name === "custodian_session")).toBeUndefined();
    assertNoProblems(watched);
    await watched.context.close();
  });

  it("is told what is wrong with a wrong password, by an error summary that links to the field", async () => {
    const watched = await openPage(browser, { javaScriptEnabled });
    const { page } = watched;
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel("Email address").fill(assessor.email);
    await page.getByLabel("Password").fill("not-my-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    const summary = page.getByRole("alert");
    await summary.getByText("There is a problem").waitFor();
    await summary.getByRole("link", { name: "The email address or the password is not right" }).click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("email");
    // The server never sends the password back; with JavaScript the field simply keeps what was typed.
    if (!javaScriptEnabled) await expect(page.getByLabel("Password").inputValue()).resolves.toBe("");
    // The browser logs the 401 answer to the form post.
    assertNoProblems(watched, [/status of 401/]);
    await watched.context.close();
  });
});
