import { afterAll, inject } from "vitest";
import { copyTemplateDatabase, removeDatabaseFiles } from "./template-db";

// Each test file gets its own copy of the migrated, seeded template, set
// before any app module opens the database (vitest isolates modules per file).
const databasePath = copyTemplateDatabase(inject("templateDatabasePath"), "integration");
process.env.DATABASE_PATH = databasePath;

afterAll(async () => {
  const { getDb } = await import("~/db.server");
  getDb().$client.close();
  removeDatabaseFiles(databasePath);
});
