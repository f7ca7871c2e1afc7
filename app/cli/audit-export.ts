import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { openDatabase } from "#db/database";
import { toAuditRecord } from "~/audit/export-format";
import { parseEnv } from "~/env.server";
import { readAuditTrail } from "~/models/events.server";

// `npm run audit:export`: the audit trail of DATABASE_PATH as JSON lines, with
// each row's previous hash and hash, to standard output or --out FILE. A full
// export can be checked on its own with `npm run audit:verify -- --file FILE`.

const usage = `Usage:
  npm run --silent audit:export [-- --out FILE] [--organisation ID]
      One JSON object per event, oldest first. --organisation keeps one
      organisation's events (such an extract has gaps, so verify full exports).`;

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: { out: { type: "string" }, organisation: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  }).values;
} catch (error) {
  fail(2, `${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

let env;
try {
  env = parseEnv();
} catch (error) {
  fail(2, error instanceof Error ? error.message : String(error));
}

const db = openDatabase(env.DATABASE_PATH, { readonly: true });
const out: Writable = args.out ? createWriteStream(args.out, { mode: 0o600 }) : process.stdout;
let count = 0;
for (const row of readAuditTrail(db, { organisationId: args.organisation })) {
  count += 1;
  // Waiting for a slow reader keeps memory flat on a long trail.
  if (!out.write(`${JSON.stringify(toAuditRecord(row))}\n`)) await once(out, "drain");
}
db.$client.close();
if (args.out) {
  out.end();
  await once(out, "finish");
  console.error(`Wrote ${count} events to ${args.out}.`);
}
