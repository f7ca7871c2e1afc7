import type { DB } from "#db/database";
import { sendMail, type MailDelivery } from "~/mail/send-mail.server";
import { createInvitation } from "~/models/vendor-invitations.server";
import type { UserActor } from "~/models/workflow.server";
import { formatDate } from "~/ui/format";

export interface InvitationSent {
  link: string;
  expiresAt: Date;
  replaced: boolean;
  delivery: MailDelivery | { via: "failed"; message: string };
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
  const text = [
    `Hello ${contact.name},`,
    "",
    `${organisation.name} asks ${vendorName} to answer its due diligence questionnaire about your hosted CRM service. ${actor.name} sent you this link:`,
    "",
    link,
    "",
    `The link is for you alone and works until ${formatDate(created.expiresAt)}. You need no account: open it, answer the questions (your answers are saved as you go), attach documents where asked, check your answers and submit them.`,
    "",
    `If you did not expect this message, you can ignore it, or tell ${organisation.name}.`,
  ].join("\n");
  let delivery: InvitationSent["delivery"];
  try {
    delivery = await sendMail(db, {
      organisationId: organisation.id,
      to: contact.email.trim().toLowerCase(),
      subject: `${organisation.name}: due diligence questionnaire for ${vendorName}`,
      text,
    });
  } catch (error) {
    delivery = { via: "failed", message: error instanceof Error ? error.message : String(error) };
  }
  return { link, expiresAt: created.expiresAt, replaced: created.replaced, delivery };
}
