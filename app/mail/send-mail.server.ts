import nodemailer from "nodemailer";
import type { DB } from "#db/database";
import { getEnv } from "~/env.server";
import { insertOutboxMessage } from "~/models/outbox.server";

export interface OutgoingMail {
  /** The organisation the mail belongs to: its admins see it in the outbox. */
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  /**
   * The mail carries a secret that lets its holder act as the recipient (a
   * password reset link). Without SMTP it is never kept: it is written to the
   * server's log for the operator, and the outbox says only that it was sent.
   */
  confidential?: boolean;
}

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  /** Where confidential mail goes without SMTP; the server's standard output by default. */
  log?: (text: string) => void;
}

export type MailDelivery = { via: "smtp"; messageId: string } | { via: "outbox"; id: string } | { via: "server-log"; id: string };

function settingsFromEnv(): MailSettings {
  const env = getEnv();
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
}

/**
 * The one way the app sends mail. With SMTP_URL it goes to that server and
 * nothing is kept; without, it is stored (sealed) in the outbox table and shown
 * to the organisation's admins at /outbox, so a fresh install works with no
 * set-up; confidential mail then goes to the server's log instead.
 */
export async function sendMail(db: DB, mail: OutgoingMail, settings: MailSettings = settingsFromEnv()): Promise<MailDelivery> {
  if (!settings.smtpUrl && mail.confidential) {
    (settings.log ?? console.log)(`Mail to ${mail.to} (no SMTP_URL is set; confidential mail is printed here and not kept)\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    const id = insertOutboxMessage(
      db,
      {
        organisationId: mail.organisationId,
        recipient: mail.to,
        subject: mail.subject,
        body: "This message carried a link that lets whoever holds it act as the recipient, so it is not kept here. Without a mail server (SMTP_URL), it was written to the server's log for the person who runs Custodian to pass on.",
      },
      new Date(),
    );
    return { via: "server-log", id };
  }
  if (!settings.smtpUrl) {
    const id = insertOutboxMessage(
      db,
      { organisationId: mail.organisationId, recipient: mail.to, subject: mail.subject, body: mail.text },
      new Date(),
    );
    return { via: "outbox", id };
  }
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    const info = await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    return { via: "smtp", messageId: String(info.messageId) };
  } finally {
    transport.close();
  }
}

export type MailOutcome = MailDelivery | { via: "failed"; message: string };

/**
 * sendMail for mail that follows a change already saved (an invitation, a
 * returned question): a mail server that refuses does not undo the change, and
 * the caller says what failed.
 */
export async function trySendMail(db: DB, mail: OutgoingMail, settings?: MailSettings): Promise<MailOutcome> {
  try {
    return await sendMail(db, mail, ...(settings ? [settings] : []));
  } catch (error) {
    return { via: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}

/** One mail to each person, worded for them; what happened to each, in order. */
export async function trySendToEach<P extends { email: string }>(
  db: DB,
  organisationId: string,
  people: readonly P[],
  word: (person: P) => { subject: string; text: string },
): Promise<{ to: string; delivery: MailOutcome }[]> {
  const outcomes: { to: string; delivery: MailOutcome }[] = [];
  for (const person of people) {
    const to = person.email.trim().toLowerCase();
    outcomes.push({ to, delivery: await trySendMail(db, { organisationId, to, ...word(person) }) });
  }
  return outcomes;
}
