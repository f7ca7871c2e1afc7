import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { parseEnv } from "~/env.server";

const env = parseEnv();
const db = openDatabase(env.DATABASE_PATH);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${env.DATABASE_PATH}.`);
