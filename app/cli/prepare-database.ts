import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { seedDemoIfEmpty } from "#db/seed";
import { markRowsScoredUnderOldRules } from "~/models/portfolio.server";

/**
 * Migrates the database file, seeds the demo when it holds no organisation
 * yet, and marks portfolio rows scored under older rules for recomputing.
 */
export function prepareDatabase(path: string): { seeded: boolean; portfolioRowsToRescore: number } {
  const db = openDatabase(path);
  try {
    migrateDatabase(db);
    const { seeded } = seedDemoIfEmpty(db);
    return { seeded, portfolioRowsToRescore: markRowsScoredUnderOldRules(db) };
  } finally {
    db.$client.close();
  }
}
