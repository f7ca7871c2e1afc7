import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { seedDemoIfEmpty } from "#db/seed";

/** Migrates the database file and, when it holds no organisation yet, seeds the demo. */
export function prepareDatabase(path: string): { seeded: boolean } {
  const db = openDatabase(path);
  try {
    migrateDatabase(db);
    return seedDemoIfEmpty(db);
  } finally {
    db.$client.close();
  }
}
