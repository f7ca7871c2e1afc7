import { spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answers, assessments, organisations, remindersSent, riskAcceptances, users, vendorInvitations, vendors } from "#db/schema";
import { newId } from "#db/ids";
import { getDb } from "~/db.server";
import { inviteVendorContact } from "~/portal/invite.server";
import { formatDate } from "~/ui/format";
import { collectReminders, sendReminders } from "~/mail/reminders.server";
import { createInvitation } from "~/models/vendor-invitations.server";
import { getPortfolioEntries } from "~/models/portfolio.server";
import { addDays } from "~/portfolio/cadence";
import { action as questionAction } from "~/routes/assessment-question";
import { action as checkAction } from "~/routes/portal-check";
import { reply, routeArgs, signedInAs, TestBrowser } from "../support/auth";
import { formPost, newAssessment } from "../support/portal";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

// Mail goes through a real SMTP server on loopback; the tests read what arrived.

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  // Before anything reads the environment: mail sent the app's own way goes to this server.
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Custodian <no-reply@custodian.example>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp.stop();
});

const settings = () => ({ smtpUrl: smtp.url, from: "Custodian <no-reply@custodian.example>" });
const BASE = "https://custodian.example";

function vendorAssessment(name: string) {
  const db = getDb();
  const row = db
    .select({ id: assessments.id, vendorId: vendors.id, organisationId: assessments.organisationId, dueDate: assessments.dueDate, status: assessments.status })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(eq(vendors.name, name))
    .get();
  if (!row) throw new Error(`No demo assessment of ${name}`);
  return row;
}

function assessor() {
  return getDb().select({ id: users.id, name: users.name, role: users.role, email: users.email }).from(users).where(eq(users.role, "assessor")).get()!;
}

const at = (day: string) => new Date(`${day}T09:00:00Z`);
const isoToday = () => new Date().toISOString().slice(0, 10);

/** A vendor of its own with a questionnaire due on `dueDate`, so no other test's reminders get in the way. */
function vendorDueOn(name: string, dueDate: string) {
  const db = getDb();
  const pin = db.select().from(assessments).limit(1).get()!;
  const vendorId = newId();
  const assessmentId = newId();
  const created = at(addDays(dueDate, -30));
  db.insert(vendors).values({ id: vendorId, organisationId: pin.organisationId, name, service: `${name} Cloud`, updatedAt: created, createdAt: created }).run();
  db.insert(assessments)
    .values({
      id: assessmentId,
      organisationId: pin.organisationId,
      vendorId,
      questionnaireId: pin.questionnaireId,
      questionnaireVersion: pin.questionnaireVersion,
      questionnaireHash: pin.questionnaireHash,
      scopeSubjects: ["DE"],
      status: "sent",
      dueDate,
      createdAt: created,
      updatedAt: created,
    })
    .run();
  return { id: assessmentId, vendorId, organisationId: pin.organisationId, dueDate };
}

function invite(assessment: { id: string; organisationId: string }, contactName: string, contactEmail: string, on: string) {
  const user = assessor();
  createInvitation(
    getDb(),
    {
      organisationId: assessment.organisationId,
      assessmentId: assessment.id,
      contactName,
      contactEmail,
      days: 30,
      actor: { kind: "user", userId: user.id, name: user.name, role: user.role },
    },
    at(on),
  );
}

describe("mail through SMTP", () => {
  it("an invitation arrives with the vendor's link, its expiry and the due date", async () => {
    const gull = vendorDueOn("Gull CRM Ltd", "2030-06-28");
    const org = getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).get()!;
    const user = assessor();
    const sent = await inviteVendorContact(getDb(), {
      organisation: org,
      assessmentId: gull.id,
      vendorName: "Gull CRM Ltd",
      contact: { name: "Chloé Tremblay", email: "chloe@gull.example" },
      days: 14,
      actor: { kind: "user", userId: user.id, name: user.name, role: user.role },
      origin: BASE,
    });
    expect(sent.delivery.via).toBe("smtp");
    const received = await smtp.waitFor((m) => m.to.includes("chloe@gull.example"));
    expect(received.from).toBe("Custodian <no-reply@custodian.example>");
    expect(received.subject).toBe("Acme Retail: due diligence questionnaire for Gull CRM Ltd");
    expect(received.text).toContain("Hello Chloé Tremblay,");
    expect(received.text).toContain(`\n${sent.link}\n`);
    expect(sent.link).toMatch(new RegExp(`^${BASE}/portal/[A-Za-z0-9_-]{43}$`));
    expect(received.text).toContain(`works until ${formatDate(sent.expiresAt)}`);
    expect(received.text).toContain("Please submit your answers by 28 Jun 2030.");
    expect(received.text).toContain("offers the questionnaire as an Excel workbook");
  });

  it("a returned question reaches every contact with a working link, with the reviewer's request, and nobody else", async () => {
    const id = newAssessment("Kite CRM Ltd", { status: "submitted" });
    const kite = { id, organisationId: getDb().select({ o: assessments.organisationId }).from(assessments).where(eq(assessments.id, id)).get()!.o };
    invite(kite, "Noor Haddad", "noor@kite.example", isoToday());
    invite(kite, "Olek Nowak", "olek@kite.example", isoToday());
    const revokedAt = new Date();
    invite(kite, "Pia Lund", "pia@kite.example", isoToday());
    getDb().update(vendorInvitations).set({ revokedAt }).where(eq(vendorInvitations.contactEmail, "pia@kite.example")).run();

    const assessorBrowser = await signedInAs("assessor");
    const request = await formPost(assessorBrowser, `/assessments/${id}/questions/s1.pinning`, [
      ["intent", "return"],
      ["request", "Which regions can be pinned? Name them, with the data centre operator of each."],
    ]);
    const returned = await reply(() => questionAction(routeArgs(request, { assessmentId: id, questionId: "s1.pinning" })));
    expect(returned.status).toBe(302);
    expect(returned.location).toBe(`/assessments/${id}/questions/s1.pinning?done=return&told=2&failed=0`);

    for (const [name, email] of [["Noor Haddad", "noor@kite.example"], ["Olek Nowak", "olek@kite.example"]]) {
      const mail = await smtp.waitFor((m) => m.to.includes(email!));
      expect(mail.subject).toBe("Acme Retail: 1 question returned to Kite CRM Ltd");
      expect(mail.text).toContain(`Hello ${name},`);
      expect(mail.text).toContain("Sam Lindqvist of Acme Retail has looked at your answers");
      expect(mail.text).toMatch(/1\. .+ \(s1\.pinning\)/);
      expect(mail.text).toContain("Which regions can be pinned? Name them, with the data centre operator of each.");
    }
    expect(smtp.messages.filter((m) => m.to.includes("pia@kite.example"))).toEqual([]);
  });

  it("the assessor who sent the vendor link hears when the vendor submits, with who attested", async () => {
    const id = newAssessment("Lark CRM Ltd", { status: "in-progress" });
    const organisationId = getDb().select({ o: assessments.organisationId }).from(assessments).where(eq(assessments.id, id)).get()!.o;
    const user = assessor();
    const { token } = createInvitation(getDb(), {
      organisationId,
      assessmentId: id,
      contactName: "Lou Lark",
      contactEmail: "lou@lark.example",
      days: 14,
      actor: { kind: "user", userId: user.id, name: user.name, role: user.role },
    });
    const request = await formPost(new TestBrowser(), `/portal/${token}/check`, [["name", "Lou Lark"], ["title", "Chief Privacy Officer"], ["confirm", "yes"]]);
    const submitted = await reply(() => checkAction(routeArgs(request, { token })));
    expect(submitted.status).toBe(302);
    const mail = await smtp.waitFor((m) => m.subject === "Lark CRM Ltd submitted its answers to Acme Retail's questionnaire");
    expect(mail.to).toEqual([user.email]);
    expect(mail.text).toContain(`Hello ${user.name},`);
    expect(mail.text).toContain("Lou Lark, Chief Privacy Officer at Lark CRM Ltd, submitted the answers");
    expect(mail.text).toContain(`/assessments/${id}/review`);
  });

  it("assessors hear 30 days before a signed-off vendor's certificate expires and once it has, about certificates valid at sign-off only", async () => {
    const northwind = vendorAssessment("Northwind CRM GmbH");
    const expiring = await sendReminders(getDb(), { now: at("2027-05-10"), baseUrl: BASE, mail: settings() });
    const notices = expiring.filter((o) => o.kind === "certificate-expiring");
    expect(notices.map((o) => `${o.to} ${o.subject}`).sort()).toEqual([
      "admin@acme-retail.example Certificate expires on 31 May 2027: Northwind CRM GmbH's ISO/IEC 27001:2022",
      "admin@acme-retail.example Certificate expires on 31 May 2027: Northwind CRM GmbH's ISO/IEC 27701",
      "assessor@acme-retail.example Certificate expires on 31 May 2027: Northwind CRM GmbH's ISO/IEC 27001:2022",
      "assessor@acme-retail.example Certificate expires on 31 May 2027: Northwind CRM GmbH's ISO/IEC 27701",
    ]);
    const mail = await smtp.waitFor((m) => m.to.includes("assessor@acme-retail.example") && m.subject.includes("ISO/IEC 27001:2022"));
    expect(mail.text).toContain("Ask the vendor for the renewed certificate");
    expect(mail.text).toContain(`${BASE}/assessments/${northwind.id}/answers`);
    expect((await sendReminders(getDb(), { now: at("2027-05-11"), baseUrl: BASE, mail: settings() })).filter((o) => o.kind.startsWith("certificate-"))).toEqual([]);

    const expired = await sendReminders(getDb(), { now: at("2027-06-01"), baseUrl: BASE, mail: settings() });
    expect(expired.filter((o) => o.kind === "certificate-expired")).toHaveLength(4);
    // Bluebird's SOC 2 report has no validity date and Bluebird is not signed off: nothing about it.
    expect(expired.some((o) => o.subject.includes("Bluebird"))).toBe(false);

    // A certificate that expired more than 30 days before a run is not told, however late the first run.
    const certificates = and(eq(answers.assessmentId, northwind.id), eq(answers.questionId, "s12.certifications"));
    const stored = getDb().select({ value: answers.value }).from(answers).where(certificates).get()!.value as object[];
    try {
      getDb().update(answers).set({ value: [...stored, { scheme: "c5", issuer: "BSI", valid_until: "2027-04-15" }] }).where(certificates).run();
      const due = (day: string) => collectReminders(getDb(), at(day), BASE).filter((r) => r.kind === "certificate-expired" && r.mail.subject.includes("BSI C5"));
      expect(due("2027-05-15")).toHaveLength(2);
      expect(due("2027-05-16")).toEqual([]);
    } finally {
      getDb().update(answers).set({ value: stored }).where(certificates).run();
    }
  });

  // Reminders are sent once per date: the tests run in date order, 2028 first.
  it("assessors are reminded when a vendor's review falls due and again when it is overdue, with a link to start it", async () => {
    const northwind = vendorAssessment("Northwind CRM GmbH");
    const entry = getPortfolioEntries(getDb(), northwind.organisationId, [northwind.vendorId]).get(northwind.vendorId)!;
    expect(entry.nextReviewOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const due = await sendReminders(getDb(), { now: at(addDays(entry.nextReviewOn!, -30)), baseUrl: BASE, mail: settings() });
    expect(due.filter((o) => o.kind === "review-due").map((o) => o.to).sort()).toEqual(["admin@acme-retail.example", "assessor@acme-retail.example"]);
    const dueMail = await smtp.waitFor((m) => m.subject.startsWith("Review due: Northwind CRM GmbH"));
    expect(dueMail.text).toContain(`${BASE}/vendors/${northwind.vendorId}/next-cycle`);

    const overdue = await sendReminders(getDb(), { now: at(addDays(entry.nextReviewOn!, 1)), baseUrl: BASE, mail: settings() });
    expect(overdue.filter((o) => o.kind === "review-overdue")).toHaveLength(2);
    const overdueMail = await smtp.waitFor((m) => m.subject.startsWith("Overdue review: Northwind CRM GmbH"));
    expect(overdueMail.text).toContain("is overdue");
  });

  it("a vendor contact with a live link is reminded before the due date, once", async () => {
    const tern = vendorDueOn("Tern CRM Ltd", "2031-03-10");
    invite(tern, "Chloé Tremblay", "chloe@tern.example", "2031-03-01");
    const user = assessor();

    const first = await sendReminders(getDb(), { now: at("2031-03-05"), baseUrl: BASE, mail: settings() });
    expect(first.filter((o) => o.to === "chloe@tern.example").map((o) => o.kind)).toEqual(["answers-due-soon"]);
    const received = await smtp.waitFor((m) => m.to.includes("chloe@tern.example"));
    expect(received.subject).toBe("Reminder: Acme Retail's questionnaire for Tern CRM Ltd is due in 5 days, on 10 Mar 2031");
    expect(received.text).toMatch(/0 of \d+ required questions are answered so far\./);
    expect(received.text).toContain("the invitation you received on 1 Mar 2031");
    expect(received.text).toContain(`write to ${user.name} (${user.email})`);

    const again = await sendReminders(getDb(), { now: at("2031-03-06"), baseUrl: BASE, mail: settings() });
    expect(again.filter((o) => o.to === "chloe@tern.example")).toEqual([]);
    expect(smtp.messages.filter((m) => m.to.includes("chloe@tern.example"))).toHaveLength(1);
  });

  it("once the due date has passed the contact hears that the answers are overdue", async () => {
    const outcomes = await sendReminders(getDb(), { now: at("2031-03-12"), baseUrl: BASE, mail: settings() });
    expect(outcomes.filter((o) => o.to === "chloe@tern.example").map((o) => o.kind)).toEqual(["answers-overdue"]);
    const received = await smtp.waitFor((m) => m.to.includes("chloe@tern.example") && m.subject.startsWith("Overdue:"));
    expect(received.subject).toBe("Overdue: Acme Retail's questionnaire for Tern CRM Ltd was due on 10 Mar 2031");
    expect(received.text).toContain("has not been submitted yet");
  });

  it("without a live vendor link, the assessors are reminded of a questionnaire falling due", async () => {
    vendorDueOn("Heron CRM Ltd", "2032-05-10");
    const outcomes = await sendReminders(getDb(), { now: at("2032-05-08"), baseUrl: BASE, mail: settings() });
    const about = outcomes.filter((o) => o.subject.includes("Heron"));
    expect(about.map((o) => o.to).sort()).toEqual(["admin@acme-retail.example", "assessor@acme-retail.example"]);
    const received = await smtp.waitFor((m) => m.to.includes("assessor@acme-retail.example") && m.subject.includes("Heron"));
    expect(received.subject).toContain("is due in 2 days");
    expect(received.text).toContain("Hello Sam Lindqvist,");
  });

  it("a reminder the mail server refuses is not marked sent, so the next run tries it again", async () => {
    const ibis = vendorDueOn("Ibis CRM Ltd", "2033-01-10");
    const refused = { smtpUrl: "smtp://127.0.0.1:1", from: "Custodian <no-reply@custodian.example>" };
    const failed = await sendReminders(getDb(), { now: at("2033-01-13"), baseUrl: BASE, mail: refused });
    const ibisFailed = failed.filter((o) => o.subject.includes("Ibis"));
    expect(ibisFailed.map((o) => o.delivery.via)).toEqual(["failed", "failed"]);
    expect(getDb().select().from(remindersSent).where(eq(remindersSent.subjectId, ibis.id)).all()).toEqual([]);

    const retried = await sendReminders(getDb(), { now: at("2033-01-13"), baseUrl: BASE, mail: settings() });
    expect(retried.filter((o) => o.subject.includes("Ibis")).map((o) => o.delivery.via)).toEqual(["smtp", "smtp"]);
    expect(getDb().select().from(remindersSent).where(eq(remindersSent.subjectId, ibis.id)).all()).toHaveLength(2);
  });

  it("legal reviewers hear before a risk acceptance ends and once it has lapsed, about the newest acceptance of a finding only", async () => {
    const northwind = vendorAssessment("Northwind CRM GmbH");
    const legal = getDb().select({ id: users.id, name: users.name }).from(users).where(eq(users.role, "legal-reviewer")).get()!;
    const accept = (findingId: string, until: string, reason: string, createdAt: Date) =>
      getDb()
        .insert(riskAcceptances)
        .values({
          id: newId(),
          organisationId: northwind.organisationId,
          assessmentId: northwind.id,
          findingId,
          findingTitle: `Finding ${findingId}`,
          findingSeverity: "high",
          reason,
          acceptedUntil: until,
          acceptedByUserId: legal.id,
          acceptedBy: legal.name,
          createdAt,
        })
        .run();
    accept("F-ending", "2035-06-30", "The vendor moves the backups to Frankfurt in Q2.", at("2035-01-02"));
    accept("F-renewed", "2035-06-30", "First acceptance.", at("2035-01-02"));
    accept("F-renewed", "2036-06-30", "Renewed for a year after the vendor's delay.", at("2035-03-01"));
    // Lapsed months before the runs below: nobody is told so late.
    accept("F-old", "2035-01-31", "Long over.", at("2034-12-01"));

    const before = await sendReminders(getDb(), { now: at("2035-06-20"), baseUrl: BASE, mail: settings() });
    const ending = before.filter((o) => o.kind === "acceptance-ending");
    expect(ending.map((o) => o.to).sort()).toEqual(["admin@acme-retail.example", "legal@acme-retail.example"]);
    expect(ending.every((o) => o.subject === 'Risk acceptance ends on 30 Jun 2035: Northwind CRM GmbH, "Finding F-ending"')).toBe(true);
    const mail = await smtp.waitFor((m) => m.to.includes("legal@acme-retail.example") && m.subject.startsWith("Risk acceptance ends"));
    expect(mail.text).toContain(`Accepted by ${legal.name}: The vendor moves the backups to Frankfurt in Q2.`);
    expect(mail.text).toContain(`${BASE}/assessments/${northwind.id}/review`);

    const again = await sendReminders(getDb(), { now: at("2035-06-21"), baseUrl: BASE, mail: settings() });
    expect(again.filter((o) => o.kind.startsWith("acceptance-"))).toEqual([]);

    const lapsed = await sendReminders(getDb(), { now: at("2035-07-01"), baseUrl: BASE, mail: settings() });
    expect(lapsed.filter((o) => o.kind === "acceptance-lapsed").map((o) => o.subject)).toEqual([
      'Risk acceptance lapsed: Northwind CRM GmbH, "Finding F-ending"',
      'Risk acceptance lapsed: Northwind CRM GmbH, "Finding F-ending"',
    ]);
    const lapsedMail = await smtp.waitFor((m) => m.subject.startsWith("Risk acceptance lapsed"));
    expect(lapsedMail.text).toContain("has lapsed: the finding counts as open again");
    expect([...before, ...again, ...lapsed].filter((o) => o.subject.includes("F-old") || o.subject.includes("F-renewed"))).toEqual([]);
  });

  it("the reminders command sends what is due through SMTP_URL and says what it sent", async () => {
    const jay = vendorDueOn("Jay CRM Ltd", "2034-02-10");
    invite(jay, "Ken Sato", "ken.sato@jay.example", "2034-02-01");
    const today = "2034-02-13";
    const output = await new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "app/cli/send-reminders.ts", "--today", today], {
        env: { ...process.env, SMTP_URL: smtp.url, APP_URL: BASE, MAIL_FROM: "Custodian <no-reply@custodian.example>" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => (err += c.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, out, err });
      });
    });
    expect(output.err).toBe("");
    expect(output.code).toBe(0);
    expect(output.out).toContain("answers-overdue: ken.sato@jay.example: Overdue: Acme Retail's questionnaire for Jay CRM Ltd was due on 10 Feb 2034 (sent)");
    expect(output.out).toMatch(/\(sent\)\n\d+ reminders?\.\n$/);
    const received = await smtp.waitFor((m) => m.to.includes("ken.sato@jay.example"));
    expect(received.from).toBe("Custodian <no-reply@custodian.example>");
    expect(received.text).toContain("Hello Ken Sato,");
  }, 60_000);
});
