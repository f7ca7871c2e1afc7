import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { openDatabase, type DB } from "#db/database";
import { assessments, organisations, vendors } from "#db/schema";
import { demoUsers, demoVendors } from "#db/seed-demo-data";
import { loadAssessmentReport } from "~/assessments/report.server";
import { deriveDataMap } from "~/datamap/derive";
import type { Scope } from "~/datamap/schema";
import type { Answers } from "~/questionnaire";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { renderReportPdf } from "~/report";
import { assessDataMap, type AssessResult } from "~/residency";
import { scoreAssessment } from "~/scoring";
import { benchmark, median } from "./harness";

// Scoring, and the PDF report of the demo Northwind assessment made two ways:
// with pdfkit in process, and the way most web tools make PDFs, the report's
// web page printed by headless Chromium. Both read the same frozen score
// version from the same database, and both give every page its number.

const NORTHWIND = demoVendors.find((v) => v.name.startsWith("Northwind"))!;

interface ScoringState {
  input: Parameters<typeof scoreAssessment>[0];
}

export const scoring = benchmark<ScoringState>({
  name: "scoring",
  description: "scoring the demo Northwind assessment (answers, flows and scope in; findings, scores and decision out)",
  runs: 41,
  warmup: 5,
  budgetMs: 20_000,
  decimals: { scoring_ms: 2 },
  setup() {
    const questionnaire = getLatestQuestionnaire("hosted-crm");
    if (!questionnaire) throw new Error("bench: the hosted-crm questionnaire is missing");
    const answers: Answers = Object.fromEntries(
      Object.entries(NORTHWIND.assessment.answers).map(([id, given]) =>
        typeof given === "object" && !Array.isArray(given) ? [id, { value: null, naReason: given.na }] : [id, { value: given, naReason: null }],
      ),
    );
    const scope = NORTHWIND.assessment.scope as Scope;
    const residency: AssessResult = assessDataMap(deriveDataMap(questionnaire, answers, scope).dataMap);
    return { input: { questionnaire, answers, scope, residency, asOf: "2026-11-22" } };
  },
  run({ input }) {
    const started = performance.now();
    const result = scoreAssessment(input);
    const ms = performance.now() - started;
    if (result.status !== "scored") throw new Error("bench: the demo assessment did not score");
    return { scoring_ms: ms };
  },
});

/** Pages of a PDF, from its page tree (both pdfkit and Chromium write it uncompressed). */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString("latin1");
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  if (counts.length === 0) throw new Error("bench: no page tree in the PDF");
  return Math.max(...counts);
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the app when there is no build or the sources are newer than it, as `npm run build` would. */
function ensureBuild() {
  const server = path.resolve("build/server/index.js");
  if (existsSync(server) && statSync(server).mtimeMs >= newestSource(path.resolve("app"))) return;
  process.stderr.write("bench: building the app first (the build is missing or older than app/)\n");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build", "--logLevel", "warn"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("bench: the app build failed");
}

interface ReportState {
  dir: string;
  server: ChildProcess;
  db: DB;
  organisation: { id: string; name: string };
  assessmentId: string;
  browser: Browser;
  context: BrowserContext;
  reportUrl: string;
}

async function startApp(databasePath: string): Promise<{ server: ChildProcess; baseUrl: string }> {
  const port = await freeLoopbackPort();
  const server = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: databasePath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: the app did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes("Custodian is running on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on("data", check);
    server.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench: the app exited with code ${code}:\n${output}`));
    });
  });
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

async function stopApp(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timeout = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timeout);
}

// Page numbers in Chromium's margin, as the pdfkit report has them: the same content both ways.
const footerTemplate =
  '<div style="font-size:7px;width:100%;padding:0 15mm;text-align:right;font-family:sans-serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

const CHROMIUM_RUNS = 9;
const PDFKIT_PER_ROUND = 5;

export const reportPdf = benchmark<ReportState>({
  name: "report-pdf",
  description: `the demo Northwind report as a PDF: pdfkit in process (median of ${CHROMIUM_RUNS * PDFKIT_PER_ROUND}) against the report page printed by headless Chromium (median of ${CHROMIUM_RUNS}, one browser, the app already running), interleaved`,
  // One run holds both series, so the speed-up is the ratio of the two medians printed beside it.
  runs: 1,
  budgetMs: 120_000,
  decimals: { pdf_ms: 1, pdf_render_ms: 1, chromium_pdf_ms: 0, pdf_speedup_vs_chromium: 1 },
  async setup() {
    ensureBuild();
    const dir = mkdtempSync(path.join(tmpdir(), "custodian-bench-report-"));
    const databasePath = path.join(dir, "custodian.db");
    const { server, baseUrl } = await startApp(databasePath);
    try {
      const db = openDatabase(databasePath, { readonly: true });
      const row = db
        .select({ id: assessments.id, organisationId: organisations.id, organisationName: organisations.name })
        .from(assessments)
        .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
        .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
        .where(eq(vendors.name, NORTHWIND.name))
        .get();
      if (!row) throw new Error("bench: the demo Northwind assessment is missing");
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
      });
      const context = await browser.newContext();
      const viewer = demoUsers.find((u) => u.role === "viewer")!;
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel("Email address").fill(viewer.email);
      await page.getByLabel("Password").fill(viewer.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
      await page.close();
      return {
        dir,
        server,
        db,
        organisation: { id: row.organisationId, name: row.organisationName },
        assessmentId: row.id,
        browser,
        context,
        reportUrl: `${baseUrl}/assessments/${row.id}/report`,
      };
    } catch (error) {
      await stopApp(server);
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  },
  async run(state) {
    const { db, organisation, assessmentId, context, reportUrl } = state;
    const pdfkit = async () => {
      const started = performance.now();
      const model = loadAssessmentReport(db, organisation, assessmentId).model;
      const loaded = performance.now();
      const bytes = await renderReportPdf(model);
      const done = performance.now();
      return { bytes, total: done - started, render: done - loaded };
    };
    const printed = async () => {
      const page = await context.newPage();
      const started = performance.now();
      const response = await page.goto(reportUrl, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`bench: ${reportUrl} answered ${response?.status()}`);
      const bytes = await page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate,
        margin: { top: "18mm", bottom: "18mm", left: "15mm", right: "15mm" },
      });
      const ms = performance.now() - started;
      await page.close();
      return { bytes, ms };
    };
    // Rounds interleave the two, so a busy machine slows both alike; the first round only warms up
    // (fonts parsed, code compiled, the page's assets cached).
    const total: number[] = [];
    const render: number[] = [];
    const chromiumTimes: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    let chromiumBytes: Uint8Array = new Uint8Array();
    for (let round = 0; round <= CHROMIUM_RUNS; round++) {
      const print = await printed();
      chromiumBytes = print.bytes;
      if (round > 0) chromiumTimes.push(print.ms);
      for (let i = 0; i < PDFKIT_PER_ROUND; i++) {
        const made = await pdfkit();
        bytes = made.bytes;
        if (round > 0) {
          total.push(made.total);
          render.push(made.render);
        }
      }
    }
    if (process.env.BENCH_KEEP_PDFS) {
      writeFileSync(path.join(process.env.BENCH_KEEP_PDFS, "pdfkit.pdf"), bytes);
      writeFileSync(path.join(process.env.BENCH_KEEP_PDFS, "chromium.pdf"), chromiumBytes);
    }
    const pdfMs = median(total);
    const chromiumMs = median(chromiumTimes);
    return {
      pdf_ms: pdfMs,
      pdf_render_ms: median(render),
      pdf_pages: pdfPageCount(bytes),
      pdf_kilobytes: bytes.byteLength / 1024,
      chromium_pdf_ms: chromiumMs,
      chromium_pdf_pages: pdfPageCount(chromiumBytes),
      chromium_pdf_kilobytes: chromiumBytes.byteLength / 1024,
      pdf_speedup_vs_chromium: chromiumMs / pdfMs,
    };
  },
  async teardown(state) {
    await state.context.close().catch(() => undefined);
    await state.browser.close().catch(() => undefined);
    state.db.$client.close();
    await stopApp(state.server);
    rmSync(state.dir, { recursive: true, force: true });
  },
});
