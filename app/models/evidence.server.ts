import { and, asc, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { assessments, evidenceFiles, organisationSettings } from "#db/schema";
import { deleteEvidence, type EvidenceStore, type StoredEvidence } from "~/evidence/store.server";
import { recordEvent } from "./events.server";
import { eventActor, type Actor } from "./workflow.server";

const DAY = 24 * 60 * 60 * 1000;

export interface EvidenceRow {
  id: string;
  questionId: string;
  fileName: string;
  kind: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
  purgedAt: Date | null;
}

const columns = {
  id: evidenceFiles.id,
  questionId: evidenceFiles.questionId,
  fileName: evidenceFiles.fileName,
  kind: evidenceFiles.kind,
  mediaType: evidenceFiles.mediaType,
  size: evidenceFiles.size,
  sha256: evidenceFiles.sha256,
  uploadedBy: evidenceFiles.uploadedBy,
  createdAt: evidenceFiles.createdAt,
  purgedAt: evidenceFiles.purgedAt,
};

/**
 * A name safe to show and to offer as a download name: no folders, no control
 * or quoting characters, at most 120 characters, keeping the extension.
 */
export function cleanFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?;]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(-120);
  return cleaned === "" || cleaned.startsWith(".") ? `evidence.${extension}` : cleaned;
}

/** Records a file that app/evidence has checked and stored; the caller passes the upload's own name. */
export function recordEvidence(
  db: DB,
  input: { organisationId: string; assessmentId: string; questionId: string; fileName: string; stored: StoredEvidence; actor: Actor },
  now = new Date(),
): EvidenceRow {
  const { organisationId, assessmentId, questionId, stored, actor } = input;
  const id = newId();
  const fileName = cleanFileName(input.fileName, stored.extension);
  db.transaction((tx) => {
    tx.insert(evidenceFiles)
      .values({
        id,
        organisationId,
        assessmentId,
        questionId,
        fileName,
        kind: stored.kind,
        mediaType: stored.mediaType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        uploadedByUserId: actor.kind === "user" ? actor.userId : null,
        uploadedByInvitationId: actor.kind === "vendor" ? actor.invitationId : null,
        uploadedBy: actor.name,
        createdAt: now,
      })
      .run();
    recordEvent(
      tx,
      {
        organisationId,
        assessmentId,
        ...eventActor(actor),
        type: "evidence.uploaded",
        payload: { evidenceId: id, questionId, fileName, kind: stored.kind, size: stored.size, sha256: stored.sha256 },
      },
      now,
    );
  });
  return {
    id,
    questionId,
    fileName,
    kind: stored.kind,
    mediaType: stored.mediaType,
    size: stored.size,
    sha256: stored.sha256,
    uploadedBy: actor.name,
    createdAt: now,
    purgedAt: null,
  };
}

/** The assessment's evidence, oldest first. The caller has checked the assessment belongs to the organisation. */
export function listEvidence(db: DB, assessmentId: string): EvidenceRow[] {
  return db.select(columns).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, assessmentId)).orderBy(asc(evidenceFiles.createdAt)).all();
}

/** One file of one assessment of the organisation, with where its bytes are; null when it is not theirs. */
export function getEvidenceFile(db: DB, organisationId: string, assessmentId: string, evidenceId: string) {
  return (
    db
      .select({ ...columns, storageKey: evidenceFiles.storageKey })
      .from(evidenceFiles)
      .where(
        and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.assessmentId, assessmentId)),
      )
      .get() ?? null
  );
}

/** Every download is part of the trail: who took which file, and its checksum. */
export function recordEvidenceDownload(
  db: DB,
  input: { organisationId: string; assessmentId: string; evidence: Pick<EvidenceRow, "id" | "fileName" | "sha256">; actor: Actor },
  now = new Date(),
) {
  const { organisationId, assessmentId, evidence, actor } = input;
  db.transaction((tx) =>
    recordEvent(
      tx,
      {
        organisationId,
        assessmentId,
        ...eventActor(actor),
        type: "evidence.downloaded",
        payload: { evidenceId: evidence.id, fileName: evidence.fileName, sha256: evidence.sha256 },
      },
      now,
    ),
  );
}

export interface PurgeReport {
  purged: { organisationId: string; assessmentId: string; evidenceId: string; sha256: string }[];
}

/**
 * Deletes the files of finalised assessments whose organisation keeps
 * evidence for a limited time, once that time has passed since finalising.
 * Each row stays, with its checksum and the day it was purged, and each
 * assessment's purge is one evidence.purged event. Safe to run at any time and
 * more than once.
 */
export function purgeExpiredEvidence(db: DB, store: EvidenceStore, now = new Date()): PurgeReport {
  const candidates = db
    .select({
      id: evidenceFiles.id,
      organisationId: evidenceFiles.organisationId,
      assessmentId: evidenceFiles.assessmentId,
      storageKey: evidenceFiles.storageKey,
      sha256: evidenceFiles.sha256,
      fileName: evidenceFiles.fileName,
      finalisedAt: assessments.finalisedAt,
      retentionDays: organisationSettings.evidenceRetentionDays,
    })
    .from(evidenceFiles)
    .innerJoin(assessments, eq(assessments.id, evidenceFiles.assessmentId))
    .innerJoin(organisationSettings, eq(organisationSettings.organisationId, evidenceFiles.organisationId))
    .where(
      and(
        isNull(evidenceFiles.purgedAt),
        eq(assessments.status, "finalised"),
        isNotNull(assessments.finalisedAt),
        isNotNull(organisationSettings.evidenceRetentionDays),
        lte(assessments.finalisedAt, now),
      ),
    )
    .all()
    .filter((row) => row.finalisedAt && row.retentionDays != null && row.finalisedAt.getTime() + row.retentionDays * DAY <= now.getTime());

  const byAssessment = new Map<string, typeof candidates>();
  for (const row of candidates) byAssessment.set(row.assessmentId, [...(byAssessment.get(row.assessmentId) ?? []), row]);

  const report: PurgeReport = { purged: [] };
  for (const [assessmentId, rows] of byAssessment) {
    const organisationId = rows[0]!.organisationId;
    // The rows are marked first: a crash between the two steps leaves an orphaned encrypted file, never a row pointing at nothing unmarked.
    db.transaction((tx) => {
      tx.update(evidenceFiles)
        .set({ purgedAt: now })
        .where(inArray(evidenceFiles.id, rows.map((r) => r.id)))
        .run();
      recordEvent(
        tx,
        {
          organisationId,
          assessmentId,
          actor: "system (retention policy)",
          type: "evidence.purged",
          payload: {
            retentionDays: rows[0]!.retentionDays,
            finalisedAt: rows[0]!.finalisedAt!.toISOString(),
            files: rows.map((r) => ({ evidenceId: r.id, fileName: r.fileName, sha256: r.sha256 })),
          },
        },
        now,
      );
    });
    for (const row of rows) {
      deleteEvidence(store, row.storageKey);
      report.purged.push({ organisationId, assessmentId, evidenceId: row.id, sha256: row.sha256 });
    }
  }
  return report;
}
