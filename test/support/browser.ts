import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumPath } from "./chromium";

// Without these, Chromium keeps trying to reach Google's hosts, which this
// machine's closed network refuses, many times a second.
const quietArgs = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: quietArgs });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far; a test fails when any is unexpected. */
  problems: string[];
}

/** A fresh context and page that records every console error and page error. */
export async function openPage(
  browser: Browser,
  { javaScriptEnabled = true, acceptDownloads = false } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ javaScriptEnabled, acceptDownloads });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

export function assertNoProblems(watched: WatchedPage, allowed: RegExp[] = []) {
  const unexpected = watched.problems.filter((p) => !allowed.some((a) => a.test(p)));
  if (unexpected.length > 0) throw new Error(`Unexpected errors in the browser:\n${unexpected.join("\n")}`);
}
