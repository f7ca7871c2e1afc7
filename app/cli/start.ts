import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { demoUsers } from "#db/seed-demo-data";
import { openDatabase } from "#db/database";
import { parseEnv } from "~/env.server";
import { startReminderSchedule } from "~/mail/reminders.server";
import { scheduleEvidenceRetention } from "~/evidence/retention-job.server";
import { evidenceStoreFromEnv } from "~/evidence/store.server";
import { createHttpApp } from "~/server/http.server";
import { prepareDatabase } from "./prepare-database";

// `npm start`: build if there is no build, migrate, seed an empty database, serve.
process.env.NODE_ENV ??= "production";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let env;
try {
  env = parseEnv();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const serverBuildPath = path.resolve("build/server/index.js");
if (!existsSync(serverBuildPath)) {
  console.log("No build found: building the app (about 10 seconds)…");
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (result.status !== 0) fail("The build failed; see the messages above.");
}

const { seeded } = prepareDatabase(env.DATABASE_PATH);
if (seeded) {
  console.log(`Seeded the demo organisation "Acme Retail" into ${env.DATABASE_PATH}.`);
  console.log("Demo accounts (also listed in README.md):");
  for (const user of demoUsers) console.log(`  ${user.role.padEnd(14)} ${user.email.padEnd(30)} ${user.password}`);
}

const build = (await import(pathToFileURL(serverBuildPath).href)) as ServerBuild;
const app = createHttpApp(build, { trustProxy: env.TRUST_PROXY });
const server = app.listen(env.PORT, env.HOST, () => {
  const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  console.log(`Custodian is running on http://${shownHost}:${env.PORT}`);
});
server.on("error", (error) => fail(`Could not listen on ${env.HOST}:${env.PORT}: ${error.message}`));

// Evidence of finalised assessments is deleted after each organisation's retention period (docs/decisions/012).
const retentionDb = openDatabase(env.DATABASE_PATH);
scheduleEvidenceRetention(() => retentionDb, evidenceStoreFromEnv);

// Due-date and review reminders, on their own connection; the first run comes one interval after start.
const stopReminders =
  env.REMINDER_INTERVAL_MINUTES > 0 ? startReminderSchedule(openDatabase(env.DATABASE_PATH), env.REMINDER_INTERVAL_MINUTES) : () => {};

function shutDown() {
  stopReminders();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", shutDown);
process.on("SIGINT", shutDown);
