import { formatDate } from "~/ui/format";

// The words of every mail Custodian sends: plain text, one idea per
// paragraph, dates that cannot be misread, links on a line of their own so
// every mail program makes them clickable. Pure: callers send through
// sendMail (app/mail/send-mail.server.ts).

export interface MailContent {
  subject: string;
  text: string;
}

function lines(...paragraphs: (string | null | false)[]): string {
  return paragraphs.filter((p): p is string => typeof p === "string").join("\n");
}

export function invitationMail(input: {
  buyer: string;
  vendor: string;
  contactName: string;
  sender: string;
  link: string;
  expiresAt: Date | string;
  dueDate: string | null;
}): MailContent {
  return {
    subject: `${input.buyer}: due diligence questionnaire for ${input.vendor}`,
    text: lines(
      `Hello ${input.contactName},`,
      "",
      `${input.buyer} asks ${input.vendor} to answer its due diligence questionnaire about your hosted CRM service. ${input.sender} sent you this link:`,
      "",
      input.link,
      "",
      `The link is for you alone and works until ${formatDate(input.expiresAt)}. You need no account: open it, answer the questions (your answers are saved as you go), attach documents where asked, check your answers and submit them.`,
      input.dueDate ? `\nPlease submit your answers by ${formatDate(input.dueDate)}.` : null,
      "",
      "If you would rather answer in a spreadsheet, the link's first page offers the questionnaire as an Excel workbook to download and upload again.",
      "",
      `If you did not expect this message, you can ignore it, or tell ${input.buyer}.`,
    ),
  };
}

export function returnedQuestionsMail(input: {
  buyer: string;
  vendor: string;
  contactName: string;
  reviewer: string;
  questions: { id: string; text: string; request: string }[];
  dueDate: string | null;
}): MailContent {
  const count = input.questions.length;
  return {
    subject: `${input.buyer}: ${count} question${count === 1 ? "" : "s"} returned to ${input.vendor}`,
    text: lines(
      `Hello ${input.contactName},`,
      "",
      `${input.reviewer} of ${input.buyer} has looked at your answers and asks you to look again at ${count === 1 ? "this question" : `these ${count} questions`}:`,
      "",
      ...input.questions.flatMap((q, i) => [`${i + 1}. ${q.text} (${q.id})`, `   ${q.request}`, ""]),
      `Open the link of your invitation to change the answers and submit them again${input.dueDate ? `, by ${formatDate(input.dueDate)}` : ""}.`,
      `If you no longer have the link, ask ${input.reviewer} for a new one.`,
    ),
  };
}

export function answersDueSoonMail(input: {
  buyer: string;
  vendor: string;
  contactName: string;
  dueDate: string;
  daysLeft: number;
  answered: number;
  required: number;
  invitedOn: Date | string | null;
  contactPerson: string;
}): MailContent {
  const when = input.daysLeft === 0 ? "today" : input.daysLeft === 1 ? "tomorrow" : `in ${input.daysLeft} days`;
  return {
    subject: `Reminder: ${input.buyer}'s questionnaire for ${input.vendor} is due ${when}, on ${formatDate(input.dueDate)}`,
    text: lines(
      `Hello ${input.contactName},`,
      "",
      `${input.buyer}'s due diligence questionnaire for ${input.vendor} is due on ${formatDate(input.dueDate)}.`,
      `${input.answered} of ${input.required} required questions are answered so far.`,
      "",
      `Use the link in the invitation you received${input.invitedOn ? ` on ${formatDate(input.invitedOn)}` : ""} to carry on; your answers are saved as you go. If you no longer have it, or need more time, write to ${input.contactPerson}.`,
    ),
  };
}

export function answersOverdueMail(input: {
  buyer: string;
  vendor: string;
  contactName: string;
  dueDate: string;
  answered: number;
  required: number;
  contactPerson: string;
}): MailContent {
  return {
    subject: `Overdue: ${input.buyer}'s questionnaire for ${input.vendor} was due on ${formatDate(input.dueDate)}`,
    text: lines(
      `Hello ${input.contactName},`,
      "",
      `${input.buyer}'s due diligence questionnaire for ${input.vendor} was due on ${formatDate(input.dueDate)} and has not been submitted yet.`,
      `${input.answered} of ${input.required} required questions are answered so far.`,
      "",
      `Please finish and submit it with the link of your invitation, or write to ${input.contactPerson} to agree a new date.`,
    ),
  };
}

export function reviewReminderMail(input: {
  buyer: string;
  recipientName: string;
  vendor: string;
  tier: string | null;
  reviewOn: string;
  overdue: boolean;
  lastReviewedOn: string | null;
  startLink: string;
}): MailContent {
  const tier = input.tier ? `${input.tier}-tier ` : "";
  return {
    subject: input.overdue
      ? `Overdue review: ${input.vendor} was due for review on ${formatDate(input.reviewOn)}`
      : `Review due: ${input.vendor} is due for review on ${formatDate(input.reviewOn)}`,
    text: lines(
      `Hello ${input.recipientName},`,
      "",
      input.overdue
        ? `The review of ${tier}vendor ${input.vendor} is overdue: it was due on ${formatDate(input.reviewOn)}.`
        : `The ${tier}vendor ${input.vendor} is due for its next review on ${formatDate(input.reviewOn)}.`,
      input.lastReviewedOn ? `Its last assessment was finalised on ${formatDate(input.lastReviewedOn)}.` : null,
      "",
      "Start the next review from the last one (its answers are carried over for the vendor to confirm):",
      "",
      input.startLink,
      "",
      `This reminder was sent to ${input.buyer}'s assessors by Custodian.`,
    ),
  };
}

export function riskAcceptanceReminderMail(input: {
  buyer: string;
  recipientName: string;
  vendor: string;
  finding: string;
  severity: string;
  acceptedBy: string;
  reason: string;
  acceptedUntil: string;
  lapsed: boolean;
  reviewLink: string;
}): MailContent {
  return {
    subject: input.lapsed
      ? `Risk acceptance lapsed: ${input.vendor}, "${input.finding}"`
      : `Risk acceptance ends on ${formatDate(input.acceptedUntil)}: ${input.vendor}, "${input.finding}"`,
    text: lines(
      `Hello ${input.recipientName},`,
      "",
      input.lapsed
        ? `The acceptance of a ${input.severity} risk of ${input.vendor} ran until ${formatDate(input.acceptedUntil)} and has lapsed: the finding counts as open again.`
        : `The acceptance of a ${input.severity} risk of ${input.vendor} runs until ${formatDate(input.acceptedUntil)}.`,
      "",
      `Finding: ${input.finding}`,
      `Accepted by ${input.acceptedBy}: ${input.reason}`,
      "",
      input.lapsed
        ? "Check that the vendor has remedied it, or accept it again with a new date and reason, on the review page:"
        : "Before then, check that the vendor has remedied it, or accept it again with a new date and reason, on the review page:",
      "",
      input.reviewLink,
      "",
      `This reminder was sent to ${input.buyer}'s legal reviewers by Custodian.`,
    ),
  };
}

export function certificateReminderMail(input: {
  buyer: string;
  recipientName: string;
  vendor: string;
  certificate: string;
  validUntil: string;
  expired: boolean;
  answersLink: string;
}): MailContent {
  return {
    subject: input.expired
      ? `Certificate expired: ${input.vendor}'s ${input.certificate} ran until ${formatDate(input.validUntil)}`
      : `Certificate expires on ${formatDate(input.validUntil)}: ${input.vendor}'s ${input.certificate}`,
    text: lines(
      `Hello ${input.recipientName},`,
      "",
      input.expired
        ? `${input.vendor}'s ${input.certificate}, valid when its assessment was signed off, ran until ${formatDate(input.validUntil)} and has expired.`
        : `${input.vendor}'s ${input.certificate}, valid when its assessment was signed off, expires on ${formatDate(input.validUntil)}.`,
      "Ask the vendor for the renewed certificate, or a letter from the certification body, and keep it with the assessment.",
      "",
      "The certificates the vendor declared are in its answers:",
      "",
      input.answersLink,
      "",
      `This reminder was sent to ${input.buyer}'s assessors by Custodian.`,
    ),
  };
}

export function answersSubmittedMail(input: {
  buyer: string;
  recipientName: string;
  vendor: string;
  attestedBy: string;
  attestedTitle: string;
  answeredReturns: number;
  reviewLink: string;
}): MailContent {
  return {
    subject: `${input.vendor} submitted its answers to ${input.buyer}'s questionnaire`,
    text: lines(
      `Hello ${input.recipientName},`,
      "",
      `${input.attestedBy}, ${input.attestedTitle} at ${input.vendor}, submitted the answers and attested that they are complete and accurate.`,
      input.answeredReturns > 0
        ? `The submission answers ${input.answeredReturns === 1 ? "the question" : `the ${input.answeredReturns} questions`} returned to the vendor.`
        : null,
      "",
      "Review the answers, the flows and the score, and sign off:",
      "",
      input.reviewLink,
    ),
  };
}
