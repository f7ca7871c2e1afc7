import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { largeUsers, seedLargePortfolio } from "#db/seed-large";
import { benchmark, median } from "./harness";

// The portfolio page of a large portfolio against the app's smallest page,
// both requested over HTTP from the built app, signed in. The budget is a
// ratio (portfolio_vs_minimal_page at most 3), so it holds on any machine.

export const LARGE_VENDORS = 2_000;
export const LARGE_ASSESSMENTS = 10_000;
/** Filtered and sorted: high-tier vendors whose review is overdue, most open findings first. */
export const PORTFOLIO_PATH = "/portfolio?tier=high&review=overdue&sort=findings&dir=desc";
/** The signed-in page with the least on it: the user's account. */
export const MINIMAL_PATH = "/account";
const REQUESTS_PER_RUN = 15;

interface State {
  dir: string;
  server: ChildProcess;
  baseUrl: string;
  cookie: string;
}

/** Like `npm start`: builds the app when there is no build; after changing the code, run `npm run build` first. */
function ensureBuild() {
  const serverBuild = path.resolve("build/server/index.js");
  if (existsSync(serverBuild)) {
    process.stderr.write(`bench: using the build of ${statSync(serverBuild).mtime.toISOString()}\n`);
    return;
  }
  process.stderr.write("bench: building the app…\n");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build", "--logLevel", "warn"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("The app build failed");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(databasePath: string): Promise<{ server: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: databasePath, REMINDER_INTERVAL_MINUTES: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Custodian is running on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on("data", onData);
    server.stderr?.on("data", onData);
    server.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with code ${code}:\n${output}`));
    });
  });
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

async function signIn(baseUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${baseUrl}/login`);
  cookiesOf(page, jar);
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error("No CSRF token on the sign-in page");
  const user = largeUsers.find((u) => u.role === "viewer")!;
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: header(), "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: user.email, password: user.password, csrf: token, redirectTo: "/" }),
  });
  if (response.status !== 302) throw new Error(`Signing in failed with ${response.status}`);
  cookiesOf(response, jar);
  return header();
}

async function timeGet(state: State, pathAndQuery: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${state.baseUrl}${pathAndQuery}`, { headers: { Cookie: state.cookie } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || !body.includes("</html>")) throw new Error(`GET ${pathAndQuery} answered ${response.status}`);
  return ms;
}

export const portfolioPage = benchmark<State>({
  name: "portfolio",
  description: `the portfolio page (${PORTFOLIO_PATH}) of ${LARGE_VENDORS.toLocaleString("en")} vendors and ${LARGE_ASSESSMENTS.toLocaleString("en")} assessments against ${MINIMAL_PATH}, over HTTP, signed in`,
  runs: 7,
  warmup: 1,
  budgetMs: 120_000,
  decimals: { portfolio_page_ms: 2, minimal_page_ms: 2, portfolio_vs_minimal_page: 2 },
  async setup() {
    ensureBuild();
    const dir = mkdtempSync(path.join(tmpdir(), "custodian-bench-portfolio-"));
    const databasePath = path.join(dir, "portfolio.db");
    const db = openDatabase(databasePath);
    try {
      migrateDatabase(db);
      seedLargePortfolio(db, { vendors: LARGE_VENDORS, assessments: LARGE_ASSESSMENTS });
      db.$client.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.$client.close();
    }
    process.stderr.write(`bench: built the large portfolio in ${databasePath}\n`);
    const { server, baseUrl } = await startServer(databasePath);
    try {
      return { dir, server, baseUrl, cookie: await signIn(baseUrl) };
    } catch (error) {
      server.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  },
  async run(state) {
    const portfolio: number[] = [];
    const minimal: number[] = [];
    // Interleaved, so a busy moment on the machine weighs on both pages alike.
    for (let i = 0; i < REQUESTS_PER_RUN; i++) {
      portfolio.push(await timeGet(state, PORTFOLIO_PATH));
      minimal.push(await timeGet(state, MINIMAL_PATH));
    }
    const portfolioMs = median(portfolio);
    const minimalMs = median(minimal);
    return { portfolio_page_ms: portfolioMs, minimal_page_ms: minimalMs, portfolio_vs_minimal_page: portfolioMs / minimalMs };
  },
  async teardown(state) {
    if (state.server.exitCode === null) {
      const exited = new Promise((resolve) => state.server.once("exit", resolve));
      state.server.kill("SIGTERM");
      const force = setTimeout(() => state.server.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(state.dir, { recursive: true, force: true });
  },
});
