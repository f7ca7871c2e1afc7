import { openDatabase, type DB } from "#db/database";
import { getEnv } from "./env.server";

let db: DB | undefined;

/** The app's one connection, opened on first use. Migrations run before the server, never here. */
export function getDb(): DB {
  db ??= openDatabase(getEnv().DATABASE_PATH);
  return db;
}
