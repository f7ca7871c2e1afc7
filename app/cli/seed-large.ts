import { existsSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { largeUsers, seedLargePortfolio } from "#db/seed-large";

// `npx tsx app/cli/seed-large.ts --database FILE [--vendors 2000] [--assessments 10000]`
// builds a large portfolio (docs/decisions/013) into FILE, or into
// DATABASE_PATH when no --database is given. The file must be new or empty:
// an existing database, the demo's above all, is refused.

function usage(message: string): never {
  process.stderr.write(`seed-large: ${message}\nusage: tsx app/cli/seed-large.ts --database FILE [--vendors N] [--assessments N]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const options = new Map<string, string>();
for (let i = 0; i < args.length; i += 2) {
  const name = args[i]!;
  const value = args[i + 1];
  if (!["--database", "--vendors", "--assessments"].includes(name) || value === undefined) usage(`unexpected argument "${name}"`);
  options.set(name, value);
}
const target = options.get("--database") ?? process.env.DATABASE_PATH;
if (!target) usage("say where to build it: --database FILE, or set DATABASE_PATH");
const demoPath = path.resolve("data/custodian.db");
if (path.resolve(target) === demoPath) usage(`${target} is the demo database; give another file`);
const count = (name: string, fallback: number) => {
  const raw = options.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) usage(`${name} must be a whole number from 1`);
  return Number(raw);
};
const vendors = count("--vendors", 2_000);
const assessments = count("--assessments", 10_000);
if (assessments < vendors) usage("--assessments must be at least --vendors");

const started = performance.now();
const fresh = !existsSync(target);
const db = openDatabase(target);
try {
  migrateDatabase(db);
  const result = seedLargePortfolio(db, { vendors, assessments });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  process.stdout.write(
    `Built ${result.vendors.toLocaleString("en")} vendors, ${result.assessments.toLocaleString("en")} assessments and ${result.answers.toLocaleString("en")} answers into ${target}${fresh ? "" : " (it was empty)"} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  process.stdout.write("Sign in with:\n");
  for (const user of largeUsers) process.stdout.write(`  ${user.role.padEnd(14)} ${user.email.padEnd(26)} ${user.password}\n`);
} catch (error) {
  process.stderr.write(`seed-large: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
