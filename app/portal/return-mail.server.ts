import type { DB } from "#db/database";
import { trySendToEach, type MailOutcome } from "~/mail/send-mail.server";
import { returnedQuestionsMail } from "~/mail/templates";
import { liveContacts } from "~/models/vendor-invitations.server";

export interface ReturnMailed {
  /** One outcome per contact with a working link; empty when nobody at the vendor can act on it. */
  outcomes: { to: string; delivery: MailOutcome }[];
}

/**
 * Tells the vendor's contacts that a question came back and why. Sent after
 * the return is saved: a mail server that refuses leaves the return in place
 * (the vendor still sees it in the portal) and the reviewer is told.
 */
export async function mailReturnedQuestion(
  db: DB,
  input: {
    organisation: { id: string; name: string };
    assessmentId: string;
    vendorName: string;
    dueDate: string | null;
    reviewer: string;
    question: { id: string; text: string; request: string };
  },
  now = new Date(),
): Promise<ReturnMailed> {
  const outcomes = await trySendToEach(db, input.organisation.id, liveContacts(db, input.assessmentId, now), (contact) =>
    returnedQuestionsMail({
      buyer: input.organisation.name,
      vendor: input.vendorName,
      contactName: contact.name,
      reviewer: input.reviewer,
      questions: [input.question],
      dueDate: input.dueDate,
    }),
  );
  return { outcomes };
}
