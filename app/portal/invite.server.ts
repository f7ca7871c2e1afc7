import { eq } from "drizzle-orm";
import type { DB } from "#db/database";
import { assessments } from "#db/schema";
import { trySendMail, type MailOutcome } from "~/mail/send-mail.server";
import { invitationMail } from "~/mail/templates";
import { createInvitation } from "~/models/vendor-invitations.server";
import type { UserActor } from "~/models/workflow.server";

export interface InvitationSent {
  link: string;
  expiresAt: Date;
  replaced: boolean;
  delivery: MailOutcome;
}

/**
 * Issues a vendor link and mails it. The link is returned so the page can show
 * it once to the assessor (for a contact the mail does not reach); the
 * database keeps only its hash. A mail server failure leaves the link working
 * and says so.
 */
export async function inviteVendorContact(
  db: DB,
  input: {
    organisation: { id: string; name: string };
    assessmentId: string;
    vendorName: string;
    contact: { name: string; email: string };
    days: number;
    actor: UserActor;
    origin: string;
  },
): Promise<InvitationSent> {
  const { organisation, assessmentId, vendorName, contact, days, actor, origin } = input;
  const created = createInvitation(db, {
    organisationId: organisation.id,
    assessmentId,
    contactName: contact.name,
    contactEmail: contact.email,
    days,
    actor,
  });
  const link = `${origin}/portal/${created.token}`;
  const mail = invitationMail({
    buyer: organisation.name,
    vendor: vendorName,
    contactName: contact.name,
    sender: actor.name,
    link,
    expiresAt: created.expiresAt,
    dueDate: db.select({ dueDate: assessments.dueDate }).from(assessments).where(eq(assessments.id, assessmentId)).get()?.dueDate ?? null,
  });
  const delivery = await trySendMail(db, {
    organisationId: organisation.id,
    to: contact.email.trim().toLowerCase(),
    subject: mail.subject,
    text: mail.text,
  });
  return { link, expiresAt: created.expiresAt, replaced: created.replaced, delivery };
}
