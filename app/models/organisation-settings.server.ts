import { eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { organisationSettings } from "#db/schema";
import { recordEvent } from "./events.server";
import { eventActor, type Actor } from "./workflow.server";

export interface OrganisationSettings {
  /** Days after finalising that evidence files are deleted; null keeps them. */
  evidenceRetentionDays: number | null;
  updatedAt: Date | null;
}

export function getOrganisationSettings(db: DB, organisationId: string): OrganisationSettings {
  const row = db
    .select({ evidenceRetentionDays: organisationSettings.evidenceRetentionDays, updatedAt: organisationSettings.updatedAt })
    .from(organisationSettings)
    .where(eq(organisationSettings.organisationId, organisationId))
    .get();
  return row ?? { evidenceRetentionDays: null, updatedAt: null };
}

/** Sets how long evidence of finalised assessments is kept; records settings.changed with before and after. */
export function setEvidenceRetention(
  db: DB,
  input: { organisationId: string; days: number | null; actor: Actor & { kind: "user" } },
  now = new Date(),
): "saved" | "unchanged" {
  const { organisationId, days, actor } = input;
  return db.transaction((tx) => {
    const before = tx
      .select({ days: organisationSettings.evidenceRetentionDays })
      .from(organisationSettings)
      .where(eq(organisationSettings.organisationId, organisationId))
      .get();
    if ((before?.days ?? null) === days) return "unchanged";
    tx.insert(organisationSettings)
      .values({ organisationId, evidenceRetentionDays: days, updatedAt: now, updatedByUserId: actor.userId })
      .onConflictDoUpdate({
        target: organisationSettings.organisationId,
        set: { evidenceRetentionDays: days, updatedAt: now, updatedByUserId: actor.userId },
      })
      .run();
    recordEvent(
      tx,
      {
        organisationId,
        ...eventActor(actor),
        type: "settings.changed",
        payload: { setting: "evidenceRetentionDays", before: before?.days ?? null, after: days },
      },
      now,
    );
    return "saved";
  });
}
