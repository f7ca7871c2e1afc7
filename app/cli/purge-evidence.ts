import { openDatabase } from "#db/database";
import { describePurge } from "~/evidence/retention-job.server";
import { evidenceStoreFromEnv } from "~/evidence/store.server";
import { parseEnv } from "~/env.server";
import { purgeExpiredEvidence } from "~/models/evidence.server";

// `npx tsx app/cli/purge-evidence.ts`: applies every organisation's evidence
// retention period now (the server also does it at start and daily).
let env;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const db = openDatabase(env.DATABASE_PATH);
try {
  const report = purgeExpiredEvidence(db, evidenceStoreFromEnv());
  console.log(describePurge(report));
  for (const file of report.purged) console.log(`  ${file.evidenceId}  sha256 ${file.sha256}`);
} finally {
  db.$client.close();
}
