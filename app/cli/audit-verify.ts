import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "#db/database";
import { describeVerification, verifyChain, type ChainRow } from "~/audit/chain";
import { parseAuditRecordLine } from "~/audit/export-format";
import { parseEnv } from "~/env.server";
import { verifyAuditTrail } from "~/models/events.server";

// `npm run audit:verify`: walks the audit trail's hash chain in DATABASE_PATH
// (or in an export, --file) and exits 0 when intact, 1 naming the first broken
// row, 2 on a usage error.

const usage = `Usage:
  npm run --silent audit:verify [-- --anchor ID:HASH ...]
      Check the audit trail of the database at DATABASE_PATH (default data/custodian.db).
  npm run --silent audit:verify -- --file EXPORT.jsonl [--anchor ID:HASH ...]
      Check a full export written by audit:export instead.
  --anchor ID:HASH   a head printed by an earlier run: the row must still have that hash.`;

function exit(code: number, message: string): never {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: { file: { type: "string" }, anchor: { type: "string", multiple: true }, help: { type: "boolean" } },
    strict: true,
  }).values;
} catch (error) {
  exit(2, `${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
if (args.help) exit(0, usage);

const anchors = (args.anchor ?? []).map((text) => {
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(text);
  if (!match) exit(2, `--anchor must be ID:HASH (a number, a colon, 64 hex digits), not ${text}`);
  return { id: Number(match[1]), hash: match[2]! };
});

if (args.file) {
  if (!existsSync(args.file)) exit(2, `No export at ${args.file}`);
  const rows: ChainRow[] = [];
  const lines = readFileSync(args.file, "utf8").split("\n");
  try {
    lines.forEach((line, index) => {
      if (line.trim() !== "") rows.push(parseAuditRecordLine(line, index + 1));
    });
  } catch (error) {
    exit(1, `${args.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = verifyChain(rows, { anchors });
  exit(result.ok ? 0 : 1, describeVerification(result));
}

let env;
try {
  env = parseEnv();
} catch (error) {
  exit(2, error instanceof Error ? error.message : String(error));
}
if (!existsSync(env.DATABASE_PATH)) exit(2, `No database at ${env.DATABASE_PATH} (DATABASE_PATH)`);
const db = openDatabase(env.DATABASE_PATH, { readonly: true });
const result = verifyAuditTrail(db, { anchors });
db.$client.close();
exit(result.ok ? 0 : 1, describeVerification(result));
