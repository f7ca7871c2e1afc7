import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { assessments, events, evidenceFiles } from "#db/schema";
import { evidenceStoreFromEnv } from "~/evidence/store.server";
import { getDb } from "~/db.server";
import { purgeExpiredEvidence } from "~/models/evidence.server";
import { verifyAuditTrail } from "~/models/events.server";
import { loader as auditLoader } from "~/routes/assessment-audit";
import { loader as auditExportLoader } from "~/routes/assessment-audit-export";
import { loader as buyerEvidenceLoader } from "~/routes/assessment-evidence-file";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";
import { parseAuditRecordLine } from "~/audit/export-format";
import { eventHash, GENESIS_HASH } from "~/audit/chain";
import { pdf } from "../unit/evidence/fixtures";
import { reply, routeArgs, signedInAs, TestBrowser } from "../support/auth";
import { formPost, invite, newAssessment, renderedSection, withChanges } from "../support/portal";
import type { SectionView } from "~/answering/section.server";
import { action as portalSectionAction, loader as portalSectionLoader } from "~/routes/portal-section";

vi.hoisted(() => {
  process.env.APP_KEY = Buffer.alloc(32, 41).toString("base64");
  process.env.EVIDENCE_KEY = Buffer.alloc(32, 42).toString("base64");
  process.env.EVIDENCE_DIR = `${process.cwd()}/.cache/test-evidence/retention-${process.pid}-${Date.now()}`;
});

const DAY = 86_400_000;
let admin: TestBrowser;
let viewer: TestBrowser;
beforeAll(async () => {
  [admin, viewer] = await Promise.all([signedInAs("admin"), signedInAs("viewer")]);
});

async function setRetention(browser: TestBrowser, days: string) {
  return reply(async () => settingsAction(routeArgs(await formPost(browser, "/settings", [["days", days]]))));
}

/** An assessment whose vendor uploaded one PDF, then finalised `daysAgo` days ago. */
async function finalisedWithEvidence(name: string, daysAgo: number, status: "finalised" | "in-review" = "finalised") {
  const id = newAssessment(name, { status: "in-progress" });
  const token = (await invite(admin, id, { name: "Flo File", email: `flo@${name.toLowerCase().replace(/\W+/g, "")}.example` })).token!;
  const view = ((await portalSectionLoader(routeArgs(admin.get(`/portal/${token}/sections/s1`), { token, sectionId: "s1" }))) as { view: SectionView }).view;
  const request = await formPost(new TestBrowser(), `/portal/${token}/sections/s1`, withChanges(renderedSection(view), [
    ["intent", "upload:s1.location_evidence"],
    ["s1.location_evidence.upload", new Blob([new Uint8Array(pdf())], { type: "application/pdf" }), "annex.pdf"],
  ]));
  expect((await reply(() => portalSectionAction(routeArgs(request, { token, sectionId: "s1" })))).status).toBe(200);
  getDb()
    .update(assessments)
    .set({ status, finalisedAt: status === "finalised" ? new Date(Date.now() - daysAgo * DAY) : null })
    .where(eq(assessments.id, id))
    .run();
  const file = getDb().select().from(evidenceFiles).where(eq(evidenceFiles.assessmentId, id)).get()!;
  return { id, file, onDisk: path.join(evidenceStoreFromEnv().dir, file.storageKey.slice(0, 2), file.storageKey) };
}

describe("evidence retention", () => {
  it("is set by an administrator, in days, and recorded with before and after", async () => {
    expect((await setRetention(admin, "-5")).status).toBe(422);
    expect((await setRetention(admin, "99999")).data).toMatchObject({ errors: { days: "Keep evidence for: at most 3650 days (ten years)" } });
    expect((await setRetention(viewer, "30")).status).toBe(403);
    expect((await setRetention(admin, "30")).location).toBe("/settings?saved=1");
    expect(await settingsLoader(routeArgs(admin.get("/settings")))).toMatchObject({ retentionDays: 30 });
    const changed = getDb().select({ actor: events.actor, payload: events.payload }).from(events).where(eq(events.type, "settings.changed")).all();
    expect(changed.at(-1)).toEqual({ actor: "Ada Okafor", payload: { setting: "evidenceRetentionDays", before: null, after: 30 } });
  });

  it("deletes the files of assessments finalised longer ago, keeps each row with its checksum and the day, records the purge, and runs again harmlessly", async () => {
    expect((await setRetention(admin, "30")).status).toBe(302);
    const old = await finalisedWithEvidence("Old Finalised CRM Ltd", 40);
    const recent = await finalisedWithEvidence("Recent Finalised CRM Ltd", 10);
    const open = await finalisedWithEvidence("Still Open CRM Ltd", 400, "in-review");
    for (const f of [old, recent, open]) expect(existsSync(f.onDisk)).toBe(true);

    const report = purgeExpiredEvidence(getDb(), evidenceStoreFromEnv());
    expect(report.purged).toEqual([expect.objectContaining({ assessmentId: old.id, evidenceId: old.file.id, sha256: old.file.sha256 })]);
    expect(existsSync(old.onDisk)).toBe(false);
    expect(existsSync(recent.onDisk)).toBe(true);
    expect(existsSync(open.onDisk)).toBe(true);
    const row = getDb().select().from(evidenceFiles).where(eq(evidenceFiles.id, old.file.id)).get()!;
    expect(row.sha256).toBe(old.file.sha256);
    expect(row.purgedAt).toBeInstanceOf(Date);
    const purged = getDb().select({ actor: events.actor, payload: events.payload }).from(events).where(and(eq(events.type, "evidence.purged"), eq(events.assessmentId, old.id))).all();
    expect(purged).toEqual([
      { actor: "system (retention policy)", payload: expect.objectContaining({ retentionDays: 30, files: [{ evidenceId: old.file.id, fileName: "annex.pdf", sha256: old.file.sha256 }] }) },
    ]);

    expect(purgeExpiredEvidence(getDb(), evidenceStoreFromEnv()).purged).toEqual([]);
    const download = await reply(() => buyerEvidenceLoader(routeArgs(admin.get("/x"), { assessmentId: old.id, evidenceId: old.file.id })));
    expect(download.status).toBe(410);
    expect(download.data).toContain(`Its checksum (SHA-256 ${old.file.sha256}) is still on record`);
    expect(verifyAuditTrail(getDb()).ok).toBe(true);
  });

  it("has a command that applies it and says what it did", async () => {
    await finalisedWithEvidence("Command Purge CRM Ltd", 90);
    getDb().$client.pragma("wal_checkpoint(TRUNCATE)");
    const run = spawnSync(process.execPath, ["--import", "tsx", "app/cli/purge-evidence.ts"], {
      env: { ...process.env, DATABASE_PATH: getDb().$client.name },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("Evidence retention: deleted 1 file of 1 finalised assessment.");
  });
});

describe("the audit trail of an assessment", () => {
  it("shows every step in words, with the answer before and after, each row checked against its hash", async () => {
    const { id } = await finalisedWithEvidence("Trail Words CRM Ltd", 1, "in-review");
    const page = (await auditLoader(routeArgs(viewer.get(`/assessments/${id}/audit`), { assessmentId: id }))) as {
      events: { type: string; actor: string; intact: boolean; words: { summary: string; change: { before: string; after: string } | null } }[];
    };
    const summaries = page.events.map((e) => e.words.summary);
    expect(summaries).toContain("Invited Flo File <flo@trailwordscrmltd.example> to answer through a vendor link");
    expect(summaries).toContain("Uploaded annex.pdf for “Attach the annex of your data processing agreement, or another document, that lists these locations.” (s1.location_evidence)");
    const attached = page.events.find((e) => e.type === "answer.changed");
    expect(attached?.words.change).toEqual({ before: "Not answered", after: "annex.pdf" });
    expect(attached?.actor).toBe("Flo File (Trail Words CRM Ltd)");
    expect(page.events.every((e) => e.intact)).toBe(true);
  });

  it("exports as JSON lines whose every row matches its hash", async () => {
    const { id } = await finalisedWithEvidence("Trail Export CRM Ltd", 1, "in-review");
    const exported = await reply(() => auditExportLoader(routeArgs(viewer.get(`/assessments/${id}/audit.jsonl`), { assessmentId: id })));
    expect(exported.headers.get("Content-Type")).toBe("application/x-ndjson; charset=utf-8");
    const rows = (exported.data as string).trim().split("\n").map((line, i) => parseAuditRecordLine(line, i + 1));
    expect(rows.map((r) => r.type)).toEqual(["invitation.created", "evidence.uploaded", "answer.changed"]);
    for (const row of rows) expect(eventHash(row.prevHash ?? GENESIS_HASH, row)).toBe(row.hash);
    expect(rows.every((r) => r.assessmentId === id)).toBe(true);
  });
});
