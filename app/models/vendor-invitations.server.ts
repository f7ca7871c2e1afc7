import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { assessments, users, vendorInvitations, vendors, type AssessmentStatus } from "#db/schema";
import { hashToken, newSecretToken } from "~/auth/tokens.server";
import { recordEvent } from "./events.server";
import { applyTransition, eventActor, type Actor } from "./workflow.server";

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_LINK_DAYS = 14;
export const MAX_LINK_DAYS = 90;
// Writing last-used on every portal request would make every page view a write.
const TOUCH_INTERVAL_MS = 60_000;

export interface InvitationRow {
  id: string;
  contactName: string;
  contactEmail: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type InvitationState = "active" | "expired" | "revoked";

export function invitationState(invitation: Pick<InvitationRow, "expiresAt" | "revokedAt">, now = new Date()): InvitationState {
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

const columns = {
  id: vendorInvitations.id,
  contactName: vendorInvitations.contactName,
  contactEmail: vendorInvitations.contactEmail,
  createdAt: vendorInvitations.createdAt,
  expiresAt: vendorInvitations.expiresAt,
  revokedAt: vendorInvitations.revokedAt,
  lastUsedAt: vendorInvitations.lastUsedAt,
};

/** The assessment's links, newest first. */
export function listInvitations(db: DB, organisationId: string, assessmentId: string): InvitationRow[] {
  return db
    .select(columns)
    .from(vendorInvitations)
    .where(and(eq(vendorInvitations.organisationId, organisationId), eq(vendorInvitations.assessmentId, assessmentId)))
    .orderBy(desc(vendorInvitations.createdAt), desc(vendorInvitations.id))
    .all();
}

export interface LiveContact {
  name: string;
  email: string;
  invitedOn: Date;
  /** Who sent the link, as the contact should address questions: "Sam Lindqvist (sam@…)", or null when that user is gone. */
  inviter: string | null;
}

/** The contacts whose link still works (not revoked, not expired): the only ones who can act on a mail. */
export function liveContacts(db: DB, assessmentId: string, now = new Date()): LiveContact[] {
  return db
    .select({
      name: vendorInvitations.contactName,
      email: vendorInvitations.contactEmail,
      invitedOn: vendorInvitations.createdAt,
      inviterName: users.name,
      inviterEmail: users.email,
    })
    .from(vendorInvitations)
    .leftJoin(users, eq(users.id, vendorInvitations.createdByUserId))
    .where(and(eq(vendorInvitations.assessmentId, assessmentId), isNull(vendorInvitations.revokedAt), gt(vendorInvitations.expiresAt, now)))
    .orderBy(vendorInvitations.createdAt, vendorInvitations.id)
    .all()
    .map(({ inviterName, inviterEmail, ...contact }) => ({ ...contact, inviter: inviterName ? `${inviterName} (${inviterEmail})` : null }));
}

// Invitations cannot reopen a decision that has been signed.
const closedStatuses: readonly AssessmentStatus[] = ["finalised"];

/**
 * Issues a link for one contact of one assessment and returns its token, the
 * only time it exists outside the contact's mailbox. A contact who already has
 * a live link gets a new one and the old one stops working. Inviting to a
 * draft sends the assessment. Throws a 409 Response for a finalised assessment.
 */
export function createInvitation(
  db: DB,
  input: { organisationId: string; assessmentId: string; contactName: string; contactEmail: string; days: number; actor: Actor & { kind: "user" } },
  now = new Date(),
): { invitationId: string; token: string; expiresAt: Date; replaced: boolean } {
  const { organisationId, assessmentId, actor } = input;
  const contactEmail = input.contactEmail.trim().toLowerCase();
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + input.days * DAY);
  return db.transaction((tx) => {
    const assessment = tx
      .select({ status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.id, assessmentId), eq(assessments.organisationId, organisationId)))
      .get();
    if (!assessment) throw new Response("Assessment not found", { status: 404 });
    if (closedStatuses.includes(assessment.status)) {
      throw new Response("This assessment is finalised: no one can be invited to answer it any more.", { status: 409 });
    }
    const live = tx
      .select({ id: vendorInvitations.id })
      .from(vendorInvitations)
      .where(
        and(
          eq(vendorInvitations.assessmentId, assessmentId),
          eq(vendorInvitations.contactEmail, contactEmail),
          isNull(vendorInvitations.revokedAt),
        ),
      )
      .get();
    if (live) {
      tx.update(vendorInvitations).set({ revokedAt: now, revokedByUserId: actor.userId }).where(eq(vendorInvitations.id, live.id)).run();
      recordEvent(
        tx,
        { organisationId, assessmentId, ...eventActor(actor), type: "invitation.revoked", payload: { invitationId: live.id, contactEmail, why: "replaced by a new link" } },
        now,
      );
    }
    const invitationId = newId();
    tx.insert(vendorInvitations)
      .values({
        id: invitationId,
        organisationId,
        assessmentId,
        contactName: input.contactName,
        contactEmail,
        tokenHash: hashToken(token),
        createdByUserId: actor.userId,
        createdAt: now,
        expiresAt,
      })
      .run();
    recordEvent(
      tx,
      {
        organisationId,
        assessmentId,
        ...eventActor(actor),
        type: "invitation.created",
        payload: { invitationId, contactName: input.contactName, contactEmail, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
    if (assessment.status === "draft") applyTransition(tx, { organisationId, assessmentId, action: "send", actor }, now);
    return { invitationId, token, expiresAt, replaced: Boolean(live) };
  });
}

/** Withdraws a link at once. Returns false when it was not live (already revoked). */
export function revokeInvitation(
  db: DB,
  input: { organisationId: string; assessmentId: string; invitationId: string; actor: Actor & { kind: "user" } },
  now = new Date(),
): boolean {
  const { organisationId, assessmentId, invitationId, actor } = input;
  return db.transaction((tx) => {
    const result = tx
      .update(vendorInvitations)
      .set({ revokedAt: now, revokedByUserId: actor.userId })
      .where(
        and(
          eq(vendorInvitations.id, invitationId),
          eq(vendorInvitations.organisationId, organisationId),
          eq(vendorInvitations.assessmentId, assessmentId),
          isNull(vendorInvitations.revokedAt),
        ),
      )
      .run();
    if (result.changes !== 1) return false;
    recordEvent(tx, { organisationId, assessmentId, ...eventActor(actor), type: "invitation.revoked", payload: { invitationId, why: "withdrawn" } }, now);
    return true;
  });
}

export interface LinkRecord {
  invitationId: string;
  organisationId: string;
  assessmentId: string;
  contactName: string;
  contactEmail: string;
  vendorName: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** The link a token opens, whatever its state, or null for a token never issued. */
export function findInvitationByToken(db: DB, token: string): LinkRecord | null {
  return (
    db
      .select({
        invitationId: vendorInvitations.id,
        organisationId: vendorInvitations.organisationId,
        assessmentId: vendorInvitations.assessmentId,
        contactName: vendorInvitations.contactName,
        contactEmail: vendorInvitations.contactEmail,
        vendorName: vendors.name,
        expiresAt: vendorInvitations.expiresAt,
        revokedAt: vendorInvitations.revokedAt,
        lastUsedAt: vendorInvitations.lastUsedAt,
      })
      .from(vendorInvitations)
      .innerJoin(assessments, eq(assessments.id, vendorInvitations.assessmentId))
      .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
      .where(eq(vendorInvitations.tokenHash, hashToken(token)))
      .get() ?? null
  );
}

export function touchInvitation(db: DB, link: Pick<LinkRecord, "invitationId" | "lastUsedAt">, now = new Date()) {
  if (link.lastUsedAt && now.getTime() - link.lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  db.update(vendorInvitations).set({ lastUsedAt: now }).where(eq(vendorInvitations.id, link.invitationId)).run();
}
