import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { DB } from "./database";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies every pending migration in db/migrations. Idempotent. */
export function migrateDatabase(db: DB) {
  migrate(db, { migrationsFolder });
}
