import { and, between, eq, gt, inArray, isNotNull, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "#db/database";
import { answers, assessments, organisations, portfolioEntries, remindersSent, riskAcceptances, users, vendors, type UserRole } from "#db/schema";
import { assessors, legalReviewers } from "~/auth/permissions";
import { requireAssessmentWorkspace } from "~/assessments/workspace.server";
import { getEnv } from "~/env.server";
import { refreshStalePortfolio } from "~/models/portfolio.server";
import { liveContacts } from "~/models/vendor-invitations.server";
import { addDays, isoDay, REVIEW_DUE_WINDOW_DAYS } from "~/portfolio/cadence";
import { referencedQuestions, sectionProgress } from "~/questionnaire";
import { getPinnedQuestionnaire } from "~/questionnaire/registry.server";
import { answersByQuestion, listAnswers } from "~/models/assessments.server";
import { CERTIFICATE_VALIDITY, certificateExpiries } from "~/scoring";
import { trySendMail, type MailOutcome, type MailSettings } from "./send-mail.server";
import { answersDueSoonMail, answersOverdueMail, certificateReminderMail, reviewReminderMail, riskAcceptanceReminderMail, type MailContent } from "./templates";

// Reminders (shared/reference/what-users-ask.md §3.6, §3.13): before a
// questionnaire's due date and once it has passed, to the vendor's contacts
// with a live link; when a vendor's review falls due and when it is overdue,
// to the organisation's assessors; before a risk acceptance ends and once it
// has lapsed, to its legal reviewers; before and after a certificate of a
// signed-off vendor expires, to the assessors (lapses and expiries only within
// LAPSED_NOTICE_DAYS of them). Each reminder goes once per recipient and
// date (reminders_sent). Run by the server every REMINDER_INTERVAL_MINUTES and
// by `tsx app/cli/send-reminders.ts`.

/** A questionnaire's contacts are reminded this many days before its due date. */
export const DUE_SOON_DAYS = 7;
/** Legal reviewers hear this many days before a risk acceptance ends. */
export const ACCEPTANCE_ENDING_DAYS = 14;
/** Assessors hear this many days before a certificate of a signed-off vendor expires. */
export const CERTIFICATE_NOTICE_DAYS = 30;
/**
 * A lapse or expiry is told within this many days of it, not later: a first
 * run on an old database does not mail about what ended years ago.
 */
export const LAPSED_NOTICE_DAYS = 30;

export type ReminderKind = "answers-due-soon" | "answers-overdue" | "review-due" | "review-overdue" | "acceptance-ending" | "acceptance-lapsed" | "certificate-expiring" | "certificate-expired";

export interface Reminder {
  kind: ReminderKind;
  organisationId: string;
  /** The assessment (answers) or the vendor (reviews). */
  subjectId: string;
  aboutDate: string;
  to: string;
  mail: MailContent;
}

export interface ReminderOutcome {
  kind: ReminderKind;
  to: string;
  subject: string;
  delivery: MailOutcome;
}

const openStatuses = ["sent", "in-progress", "returned"] as const;

function appUrl(): string {
  const env = getEnv();
  return env.APP_URL?.replace(/\/+$/, "") ?? `http://localhost:${env.PORT}`;
}

type Person = { name: string; email: string };

/** The organisation's users in `roles`, read once per organisation and role set in a run. */
function peopleLookup(db: DB): (organisationId: string, roles?: readonly UserRole[]) => Person[] {
  const seen = new Map<string, Person[]>();
  return (organisationId, roles = assessors) => {
    const key = `${organisationId}|${roles.join(",")}`;
    let people = seen.get(key);
    if (!people) {
      people = db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), inArray(users.role, [...roles])))
        .all();
      seen.set(key, people);
    }
    return people;
  };
}

/**
 * Certificates of each vendor's signed-off assessment (the portfolio's basis)
 * that were valid when it was finalised and expire within
 * CERTIFICATE_NOTICE_DAYS or have expired since.
 */
function certificatesToRemind(db: DB, today: string) {
  const signedOff = db
    .select({
      organisationId: portfolioEntries.organisationId,
      assessmentId: assessments.id,
      finalisedAt: assessments.finalisedAt,
      vendor: vendors.name,
      pin: { id: assessments.questionnaireId, version: assessments.questionnaireVersion, hash: assessments.questionnaireHash },
    })
    .from(portfolioEntries)
    .innerJoin(assessments, eq(assessments.id, portfolioEntries.basisAssessmentId))
    .innerJoin(vendors, eq(vendors.id, portfolioEntries.vendorId))
    .where(
      and(
        eq(portfolioEntries.basis, "finalised"),
        isNotNull(assessments.finalisedAt),
        // Only assessments with a certificate ending by then are opened: the run stays cheap with thousands of vendors.
        sql`exists (select 1 from ${answers}, json_each(${answers.value}) as row
          where ${answers.assessmentId} = ${assessments.id} and ${answers.questionId} = ${CERTIFICATE_VALIDITY.questionId}
          and json_type(${answers.value}) = 'array'
          and json_extract(row.value, ${"$." + CERTIFICATE_VALIDITY.column}) between ${addDays(today, -LAPSED_NOTICE_DAYS)} and ${addDays(today, CERTIFICATE_NOTICE_DAYS)})`,
      ),
    )
    .all();
  return signedOff.flatMap(({ pin, ...a }) => {
    const pinned = getPinnedQuestionnaire(pin);
    if (!pinned.ok) return [];
    // Only the certificates' answer and the answers its visibility reads, not the whole assessment.
    const question = pinned.questionnaire.sections.flatMap((s) => s.questions).find((q) => q.id === CERTIFICATE_VALIDITY.questionId);
    const visible = question?.effective.visible ?? false;
    const reads = typeof visible === "boolean" ? [] : referencedQuestions(visible).map((leaf) => leaf.q);
    const certificateAnswers = answersByQuestion(listAnswers(db, a.assessmentId, [CERTIFICATE_VALIDITY.questionId, ...reads]));
    const signedOn = isoDay(a.finalisedAt!);
    return certificateExpiries(pinned.questionnaire, certificateAnswers)
      .filter((c) => c.validUntil >= signedOn && c.validUntil >= addDays(today, -LAPSED_NOTICE_DAYS) && c.validUntil <= addDays(today, CERTIFICATE_NOTICE_DAYS))
      .map((c) => ({ ...a, ...c }));
  });
}

/**
 * The acceptances of findings of each vendor's signed-off assessment (the
 * portfolio's basis) ending within ACCEPTANCE_ENDING_DAYS or lapsed within
 * LAPSED_NOTICE_DAYS, when no later acceptance of the same finding replaced them.
 */
function acceptancesToRemind(db: DB, today: string) {
  const later = alias(riskAcceptances, "later");
  return db
    .select({
      id: riskAcceptances.id,
      organisationId: riskAcceptances.organisationId,
      assessmentId: riskAcceptances.assessmentId,
      finding: riskAcceptances.findingTitle,
      severity: riskAcceptances.findingSeverity,
      reason: riskAcceptances.reason,
      acceptedUntil: riskAcceptances.acceptedUntil,
      acceptedBy: riskAcceptances.acceptedBy,
      vendor: vendors.name,
    })
    .from(riskAcceptances)
    .innerJoin(portfolioEntries, and(eq(portfolioEntries.basisAssessmentId, riskAcceptances.assessmentId), eq(portfolioEntries.basis, "finalised")))
    .innerJoin(vendors, eq(vendors.id, portfolioEntries.vendorId))
    .where(
      and(
        between(riskAcceptances.acceptedUntil, addDays(today, -LAPSED_NOTICE_DAYS), addDays(today, ACCEPTANCE_ENDING_DAYS)),
        notExists(
          db
            .select({ id: later.id })
            .from(later)
            .where(
              and(
                eq(later.assessmentId, riskAcceptances.assessmentId),
                eq(later.findingId, riskAcceptances.findingId),
                or(gt(later.createdAt, riskAcceptances.createdAt), and(eq(later.createdAt, riskAcceptances.createdAt), gt(later.id, riskAcceptances.id))),
              ),
            ),
        ),
      ),
    )
    .all();
}

/** Every reminder due on `today` that has not been sent yet. Reads only. */
export function collectReminders(db: DB, now = new Date(), baseUrl = appUrl()): Reminder[] {
  const today = isoDay(now);
  const staffOf = peopleLookup(db);
  const reminders: Reminder[] = [];
  const orgNames = new Map(db.select({ id: organisations.id, name: organisations.name }).from(organisations).all().map((o) => [o.id, o.name]));

  const due = db
    .select({
      id: assessments.id,
      organisationId: assessments.organisationId,
      dueDate: assessments.dueDate,
      vendor: vendors.name,
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(and(inArray(assessments.status, [...openStatuses]), isNotNull(assessments.dueDate), lte(assessments.dueDate, addDays(today, DUE_SOON_DAYS))))
    .all();
  for (const a of due) {
    const dueDate = a.dueDate!;
    const buyer = orgNames.get(a.organisationId) ?? "Your customer";
    const workspace = requireAssessmentWorkspace(db, a.organisationId, a.id);
    const progress = sectionProgress(workspace.questionnaire, workspace.answers).total;
    const contacts = liveContacts(db, a.id, now);
    const overdue = dueDate < today;
    const kind: ReminderKind = overdue ? "answers-overdue" : "answers-due-soon";
    // Without a live link no vendor contact can act: the assessors hear of it instead.
    const recipients =
      contacts.length > 0
        ? contacts.map((c) => ({ name: c.name, email: c.email, invitedOn: c.invitedOn, contactPerson: c.inviter ?? buyer }))
        : staffOf(a.organisationId).map((s) => ({ name: s.name, email: s.email, invitedOn: null, contactPerson: "the vendor" }));
    for (const r of recipients) {
      const common = { buyer, vendor: a.vendor, contactName: r.name, dueDate, answered: progress.requiredAnswered, required: progress.required, contactPerson: r.contactPerson };
      const daysLeft = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      reminders.push({
        kind,
        organisationId: a.organisationId,
        subjectId: a.id,
        aboutDate: dueDate,
        to: r.email,
        mail: overdue ? answersOverdueMail(common) : answersDueSoonMail({ ...common, daysLeft, invitedOn: r.invitedOn }),
      });
    }
  }

  for (const organisationId of orgNames.keys()) refreshStalePortfolio(db, organisationId, now);
  const reviews = db
    .select({
      vendorId: portfolioEntries.vendorId,
      organisationId: portfolioEntries.organisationId,
      vendor: vendors.name,
      tier: portfolioEntries.tier,
      nextReviewOn: portfolioEntries.nextReviewOn,
      lastReviewedOn: portfolioEntries.lastReviewedOn,
    })
    .from(portfolioEntries)
    .innerJoin(vendors, eq(vendors.id, portfolioEntries.vendorId))
    // A review already under way (a newer assessment than the finalised one) needs no reminder.
    .where(and(isNotNull(portfolioEntries.nextReviewOn), lte(portfolioEntries.nextReviewOn, addDays(today, REVIEW_DUE_WINDOW_DAYS)), eq(portfolioEntries.latestStatus, "finalised")))
    .all();
  for (const r of reviews) {
    const reviewOn = r.nextReviewOn!;
    const overdue = reviewOn < today;
    for (const person of staffOf(r.organisationId)) {
      reminders.push({
        kind: overdue ? "review-overdue" : "review-due",
        organisationId: r.organisationId,
        subjectId: r.vendorId,
        aboutDate: reviewOn,
        to: person.email,
        mail: reviewReminderMail({
          buyer: orgNames.get(r.organisationId) ?? "",
          recipientName: person.name,
          vendor: r.vendor,
          tier: r.tier,
          reviewOn,
          overdue,
          lastReviewedOn: r.lastReviewedOn,
          startLink: `${baseUrl}/vendors/${r.vendorId}/next-cycle`,
        }),
      });
    }
  }

  for (const a of acceptancesToRemind(db, today)) {
    const lapsed = a.acceptedUntil < today;
    for (const person of staffOf(a.organisationId, legalReviewers)) {
      reminders.push({
        kind: lapsed ? "acceptance-lapsed" : "acceptance-ending",
        organisationId: a.organisationId,
        subjectId: a.id,
        aboutDate: a.acceptedUntil,
        to: person.email,
        mail: riskAcceptanceReminderMail({
          buyer: orgNames.get(a.organisationId) ?? "",
          recipientName: person.name,
          vendor: a.vendor,
          finding: a.finding,
          severity: a.severity,
          acceptedBy: a.acceptedBy,
          reason: a.reason,
          acceptedUntil: a.acceptedUntil,
          lapsed,
          reviewLink: `${baseUrl}/assessments/${a.assessmentId}/review`,
        }),
      });
    }
  }

  for (const c of certificatesToRemind(db, today)) {
    const expired = c.validUntil < today;
    for (const person of staffOf(c.organisationId)) {
      reminders.push({
        kind: expired ? "certificate-expired" : "certificate-expiring",
        organisationId: c.organisationId,
        subjectId: `${c.assessmentId}/${c.key}`,
        aboutDate: c.validUntil,
        to: person.email,
        mail: certificateReminderMail({
          buyer: orgNames.get(c.organisationId) ?? "",
          recipientName: person.name,
          vendor: c.vendor,
          certificate: c.certificate,
          validUntil: c.validUntil,
          expired,
          answersLink: `${baseUrl}/assessments/${c.assessmentId}/answers`,
        }),
      });
    }
  }

  const sent = new Set(
    db
      .select({ kind: remindersSent.kind, subjectId: remindersSent.subjectId, aboutDate: remindersSent.aboutDate, recipient: remindersSent.recipient })
      .from(remindersSent)
      .all()
      .map((s) => `${s.kind}|${s.subjectId}|${s.aboutDate}|${s.recipient}`),
  );
  return reminders.filter((r) => !sent.has(`${r.kind}|${r.subjectId}|${r.aboutDate}|${r.to}`));
}

/**
 * Sends every reminder due and not yet sent. A reminder is claimed in
 * reminders_sent before it is sent and released if sending fails, so two runs
 * at once never send it twice and a failed one is tried again next run.
 */
export async function sendReminders(db: DB, options: { now?: Date; baseUrl?: string; mail?: MailSettings } = {}): Promise<ReminderOutcome[]> {
  const now = options.now ?? new Date();
  const outcomes: ReminderOutcome[] = [];
  for (const reminder of collectReminders(db, now, options.baseUrl)) {
    const claimed = db
      .insert(remindersSent)
      .values({
        organisationId: reminder.organisationId,
        kind: reminder.kind,
        subjectId: reminder.subjectId,
        aboutDate: reminder.aboutDate,
        recipient: reminder.to,
        sentAt: now,
      })
      .onConflictDoNothing()
      .run();
    if (claimed.changes !== 1) continue;
    const delivery = await trySendMail(
      db,
      { organisationId: reminder.organisationId, to: reminder.to, subject: reminder.mail.subject, text: reminder.mail.text },
      options.mail,
    );
    if (delivery.via === "failed") {
      db.delete(remindersSent)
        .where(
          and(
            eq(remindersSent.kind, reminder.kind),
            eq(remindersSent.subjectId, reminder.subjectId),
            eq(remindersSent.aboutDate, reminder.aboutDate),
            eq(remindersSent.recipient, reminder.to),
          ),
        )
        .run();
    }
    outcomes.push({ kind: reminder.kind, to: reminder.to, subject: reminder.mail.subject, delivery });
  }
  return outcomes;
}

/** Runs sendReminders every `minutes`, never two runs at once; returns a function that stops it. */
export function startReminderSchedule(db: DB, minutes: number, log: (line: string) => void = console.log): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendReminders(db)
      .then((outcomes) => {
        const failed = outcomes.filter((o) => o.delivery.via === "failed").length;
        if (outcomes.length > 0) log(`Reminders: ${outcomes.length - failed} sent, ${failed} failed.`);
      })
      .catch((error: unknown) => log(`Reminders could not run: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

