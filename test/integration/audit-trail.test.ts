import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/database";
import { migrateDatabase, migrationsFolder } from "#db/migrate";
import { events, organisations } from "#db/schema";
import { GENESIS_HASH } from "~/audit/chain";
import { getDb } from "~/db.server";
import { recordEvent, verifyAuditTrail } from "~/models/events.server";

const scratch = mkdtempSync(path.join(tmpdir(), "custodian-audit-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A private copy of this file's database, for tampering with as an attacker holding the file would. */
async function copyOfDatabase(): Promise<{ db: DB; file: string }> {
  const file = path.join(scratch, `copy-${(copies += 1)}.db`);
  await getDb().$client.backup(file);
  return { db: openDatabase(file), file };
}

function organisationId(): string {
  return getDb().select({ id: organisations.id }).from(organisations).get()!.id;
}

function runCli(script: string, args: string[], databasePath: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `app/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("the audit trail", () => {
  it("starts intact: the demo seed's events are chained from the genesis hash", () => {
    const result = verifyAuditTrail(getDb());
    expect(result.ok).toBe(true);
    const first = getDb().select({ prevHash: events.prevHash }).from(events).orderBy(events.id).get()!;
    expect(first.prevHash).toBe(GENESIS_HASH);
  });

  it("chains each event recorded in a change's transaction to the one before", () => {
    const db = getDb();
    const before = db.select({ hash: events.hash }).from(events).orderBy(desc(events.id)).get()!;
    db.transaction((tx) => {
      recordEvent(tx, { organisationId: organisationId(), actor: "Sam Lindqvist", type: "assessment.sent", payload: { to: "Vendor", at: new Date(0) } });
    });
    const after = db.select({ prevHash: events.prevHash, payload: events.payload }).from(events).orderBy(desc(events.id)).get()!;
    expect(after.prevHash).toBe(before.hash);
    expect(after.payload).toEqual({ to: "Vendor", at: "1970-01-01T00:00:00.000Z" });
    expect(verifyAuditTrail(db).ok).toBe(true);
  });

  it("refuses an event written around recordEvent", () => {
    expect(() =>
      getDb()
        .insert(events)
        .values({ organisationId: organisationId(), actor: "x", type: "x.y", payload: {}, createdAt: new Date() })
        .run(),
    ).toThrow("events must be written with recordEvent");
  });

  it("still refuses updates and deletes", () => {
    const db = getDb();
    expect(() => db.update(events).set({ actor: "Mallory" }).where(eq(events.id, 1)).run()).toThrow("events is append-only");
    expect(() => db.delete(events).where(eq(events.id, 1)).run()).toThrow("events is append-only");
  });

  it("names the row an attacker edited directly, after dropping the trigger", async () => {
    const { db } = await copyOfDatabase();
    db.$client.exec("DROP TRIGGER events_no_update");
    db.$client.prepare("UPDATE events SET payload = ? WHERE id = 5").run(JSON.stringify({ decision: "approved" }));
    expect(verifyAuditTrail(db)).toMatchObject({
      ok: false,
      problem: { id: 5, kind: "edited", message: "event 5 does not match its hash: the row was edited after it was recorded" },
    });
    db.$client.close();
  });

  it("names the row after one deleted from the middle, and notices the newest row deleted", async () => {
    const { db } = await copyOfDatabase();
    db.$client.exec("DROP TRIGGER events_no_delete");
    db.$client.exec("DELETE FROM events WHERE id = 3");
    expect(verifyAuditTrail(db)).toMatchObject({ ok: false, problem: { id: 4, kind: "deleted" } });
    db.$client.close();

    const { db: other } = await copyOfDatabase();
    other.$client.exec("DROP TRIGGER events_no_delete");
    const last = other.select({ id: events.id }).from(events).orderBy(desc(events.id)).get()!.id;
    other.$client.prepare("DELETE FROM events WHERE id = ?").run(last);
    expect(verifyAuditTrail(other)).toMatchObject({ ok: false, problem: { id: last, kind: "deleted" } });
    other.$client.close();
  });
});

describe("npm run audit:verify and audit:export", () => {
  it("exits 0 with a one-line summary on an intact trail, and 1 naming the row after an edit", async () => {
    const { db, file } = await copyOfDatabase();
    const intact = runCli("audit-verify", [], file);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/^Audit trail intact: \d+ events, ids 1 to \d+; head \d+:[0-9a-f]{64}$/);

    db.$client.exec("DROP TRIGGER events_no_update");
    db.$client.exec("UPDATE events SET actor = 'Mallory' WHERE id = 2");
    db.$client.close();
    const broken = runCli("audit-verify", [], file);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe(
      "Audit trail broken at event 2 (edited): event 2 does not match its hash: the row was edited after it was recorded.",
    );
  });

  it("exports JSON lines with every hash, which verify on their own and fail when a line is edited", async () => {
    const { db, file } = await copyOfDatabase();
    const count = db.select({ id: events.id }).from(events).all().length;
    db.$client.close();
    const out = path.join(scratch, "trail.jsonl");
    const exported = runCli("audit-export", ["--out", out], file);
    expect(exported.status).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(count);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 1, prevHash: GENESIS_HASH, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(runCli("audit-verify", ["--file", out], file).status).toBe(0);
    writeFileSync(out, lines.map((line, i) => (i === 2 ? line.replace('"actor":"', '"actor":"X') : line)).join("\n"));
    const broken = runCli("audit-verify", ["--file", out], file);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^Audit trail broken at event 3 \(edited\)/);
  });
});

describe("upgrading a database from before the hash chain", () => {
  it("chains the events it already holds, oldest first", () => {
    const oldMigrations = path.join(scratch, "old-migrations");
    cpSync(migrationsFolder, oldMigrations, { recursive: true });
    const journalPath = path.join(oldMigrations, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === "0003_accounts_sessions_audit_chain"));
    writeFileSync(journalPath, JSON.stringify(journal));

    const db = openDatabase(path.join(scratch, "old.db"));
    migrate(db, { migrationsFolder: oldMigrations });
    db.$client.exec(`
      INSERT INTO organisations (id, name) VALUES ('org', 'Old Org');
      INSERT INTO events (organisation_id, actor, type, payload, created_at) VALUES
        ('org', 'Ada', 'assessment.created', '{"b":1,"a":[1,2]}', 1000),
        ('org', 'Sam', 'assessment.sent', '{}', 2000),
        ('org', 'Lea', 'assessment.finalised', '{"decision":"approved"}', 3000);`);

    migrateDatabase(db);
    expect(verifyAuditTrail(db)).toMatchObject({ ok: true, count: 3, lastId: 3 });
    recordEvent(db, { organisationId: "org", actor: "Ada", type: "user.password-reset", payload: {} });
    expect(verifyAuditTrail(db)).toMatchObject({ ok: true, count: 4 });
    db.$client.close();
  });
});
