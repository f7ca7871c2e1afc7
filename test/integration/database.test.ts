import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "#db/database";
import { migrateDatabase } from "#db/migrate";
import { answers, events, organisations, vendors } from "#db/schema";
import { seedDemoIfEmpty } from "#db/seed";
import { prepareDatabase } from "~/cli/prepare-database";
import { getDb } from "~/db.server";

const scratch: string[] = [];
function scratchDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "custodian-db-"));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the database file", () => {
  it("is opened in WAL mode with foreign keys on and a busy timeout", () => {
    const sqlite = getDb().$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("is created, migrated and seeded on first start, and left alone on the second", () => {
    const file = path.join(scratchDir(), "nested", "custodian.db");
    expect(prepareDatabase(file)).toEqual({ seeded: true, portfolioRowsToRescore: 0 });

    const db = openDatabase(file);
    const vendorCount = () => db.select({ n: count() }).from(vendors).get()!.n;
    const before = vendorCount();
    expect(before).toBe(4);
    db.update(vendors).set({ name: "Renamed by a user" }).where(eq(vendors.name, "Kairos Relations K.K.")).run();
    db.$client.close();

    expect(prepareDatabase(file)).toEqual({ seeded: false, portfolioRowsToRescore: 0 });
    const again = openDatabase(file);
    expect(again.select({ n: count() }).from(vendors).get()!.n).toBe(before);
    expect(again.select({ n: count() }).from(organisations).get()!.n).toBe(1);
    expect(again.select({ id: vendors.id }).from(vendors).where(eq(vendors.name, "Renamed by a user")).get()).toBeDefined();
    again.$client.close();
  });

  it("applies migrations idempotently", () => {
    const file = path.join(scratchDir(), "twice.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    migrateDatabase(db);
    expect(seedDemoIfEmpty(db).seeded).toBe(true);
    expect(seedDemoIfEmpty(db).seeded).toBe(false);
    db.$client.close();
  });

  it("refuses a foreign key that points nowhere", () => {
    expect(() =>
      getDb()
        .insert(answers)
        .values({ id: "a1", assessmentId: "missing", questionId: "s1.pinning", value: "none", answeredBy: "x", answeredAt: new Date() })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe("the event log", () => {
  it("refuses to rewrite or delete history", () => {
    const db = getDb();
    const first = db.select({ id: events.id }).from(events).limit(1).get()!;
    expect(() => db.update(events).set({ type: "tampered" }).where(eq(events.id, first.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(events).where(eq(events.id, first.id)).run()).toThrow(/append-only/);
  });
});
