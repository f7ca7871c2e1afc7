import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { parseEnv } from "~/env.server";
import { sendReminders } from "~/mail/reminders.server";

// `npx tsx app/cli/send-reminders.ts [--today YYYY-MM-DD]`: sends every
// due-date and review reminder that is due and not sent yet, through SMTP_URL
// or into the outbox, and prints one line per mail. Exits 1 when any failed.
// The server runs the same every REMINDER_INTERVAL_MINUTES.

const args = process.argv.slice(2);
const todayAt = args.indexOf("--today");
const today = todayAt >= 0 ? args[todayAt + 1] : undefined;
const unknown = args.filter((a, i) => a !== "--today" && i !== todayAt + 1);
if (unknown.length > 0 || (todayAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(today ?? ""))) {
  process.stderr.write("usage: tsx app/cli/send-reminders.ts [--today YYYY-MM-DD]\n");
  process.exit(2);
}

let env;
try {
  env = parseEnv();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const db = openDatabase(env.DATABASE_PATH);
migrateDatabase(db);
const now = today ? new Date(`${today}T09:00:00Z`) : new Date();
const outcomes = await sendReminders(db, { now });
for (const o of outcomes) {
  const how = o.delivery.via === "failed" ? `FAILED: ${o.delivery.message}` : o.delivery.via === "smtp" ? "sent" : "kept in the outbox";
  process.stdout.write(`${o.kind}: ${o.to}: ${o.subject} (${how})\n`);
}
process.stdout.write(`${outcomes.length} reminder${outcomes.length === 1 ? "" : "s"}.\n`);
db.$client.close();
process.exit(outcomes.some((o) => o.delivery.via === "failed") ? 1 : 0);
