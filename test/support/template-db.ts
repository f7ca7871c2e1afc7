import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/database";
import { migrateDatabase, migrationsFolder } from "#db/migrate";
import { seedDemoIfEmpty } from "#db/seed";

const cacheDir = path.resolve(".cache");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The template is keyed by the content of every migration (not just the
 * schema), the seed and the questionnaires, so any change to them rebuilds it.
 */
function templateKey(): string {
  const hash = createHash("sha256");
  const inputs = [
    ...filesUnder(migrationsFolder),
    ...filesUnder(path.resolve("db")).filter((f) => /seed.*\.ts$/.test(f)),
    ...filesUnder(path.resolve("questionnaires")),
  ];
  for (const file of inputs) {
    hash.update(path.relative(process.cwd(), file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Path of a migrated, demo-seeded database file; built once per content key. */
export function ensureTemplateDatabase(): string {
  mkdirSync(cacheDir, { recursive: true });
  const templatePath = path.join(cacheDir, `template-${templateKey()}.db`);
  if (existsSync(templatePath)) return templatePath;
  for (const stale of readdirSync(cacheDir).filter((f) => f.startsWith("template-"))) {
    rmSync(path.join(cacheDir, stale), { force: true });
  }
  const building = `${templatePath}.${process.pid}.tmp`;
  const db = openDatabase(building);
  migrateDatabase(db);
  seedDemoIfEmpty(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("journal_mode = DELETE");
  db.$client.close();
  renameSync(building, templatePath);
  return templatePath;
}

/** A private copy of the template for one test file or one server. */
export function copyTemplateDatabase(templatePath: string, name: string): string {
  const dir = path.join(cacheDir, "test-dbs");
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${name}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(templatePath, target);
  return target;
}

export function removeDatabaseFiles(dbPath: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
}
