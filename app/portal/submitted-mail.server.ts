import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "#db/database";
import { users, vendorInvitations } from "#db/schema";
import { trySendToEach, type MailOutcome } from "~/mail/send-mail.server";
import { answersSubmittedMail } from "~/mail/templates";

/**
 * Tells the buyer's people who are waiting on the vendor that it submitted:
 * whoever sent this assessment's vendor links, and whoever returned the
 * questions the submission answers. Sent after the submission is saved; a
 * mail server that refuses changes nothing.
 */
export async function mailSubmission(
  db: DB,
  input: {
    organisation: { id: string; name: string };
    assessmentId: string;
    vendorName: string;
    attestation: { name: string; title: string };
    answeredReturns: { returnedByUserId: string }[];
    reviewLink: string;
  },
): Promise<{ to: string; delivery: MailOutcome }[]> {
  const inviters = db
    .selectDistinct({ userId: vendorInvitations.createdByUserId })
    .from(vendorInvitations)
    .where(eq(vendorInvitations.assessmentId, input.assessmentId))
    .all()
    .flatMap((r) => (r.userId ? [r.userId] : []));
  const ids = [...new Set([...inviters, ...input.answeredReturns.map((r) => r.returnedByUserId)])];
  if (ids.length === 0) return [];
  const recipients = db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, input.organisation.id), inArray(users.id, ids)))
    .orderBy(users.email)
    .all();
  return trySendToEach(db, input.organisation.id, recipients, (person) =>
    answersSubmittedMail({
      buyer: input.organisation.name,
      recipientName: person.name,
      vendor: input.vendorName,
      attestedBy: input.attestation.name,
      attestedTitle: input.attestation.title,
      answeredReturns: input.answeredReturns.length,
      reviewLink: input.reviewLink,
    }),
  );
}
