import { and, eq } from "drizzle-orm";
import { newId } from "#db/ids";
import { answers, assessments, organisations, vendors, type AssessmentStatus } from "#db/schema";
import { rawList, toRawInput } from "~/answering/form-state";
import type { SectionView } from "~/answering/section.server";
import { getDb } from "~/db.server";
import { isVisible } from "~/questionnaire";
import { action as invitationsAction } from "~/routes/assessment-invitations";
import { reply, routeArgs, TestBrowser, type Reply } from "./auth";

// Integration-test helpers for the vendor portal and the review workflow.

/** A new vendor and assessment of the demo organisation, its answers copied from a demo vendor's, minus `without`. */
export function newAssessment(
  vendorName: string,
  { status = "draft", answersFrom = "Northwind CRM GmbH", without = [] }: { status?: AssessmentStatus; answersFrom?: string | null; without?: string[] } = {},
): string {
  const db = getDb();
  const source = db
    .select({
      id: assessments.id,
      organisationId: assessments.organisationId,
      questionnaireId: assessments.questionnaireId,
      questionnaireVersion: assessments.questionnaireVersion,
      questionnaireHash: assessments.questionnaireHash,
      scopeSubjects: assessments.scopeSubjects,
      scopeCategories: assessments.scopeCategories,
    })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(eq(vendors.name, answersFrom ?? "Northwind CRM GmbH"))
    .get()!;
  const vendorId = newId();
  const assessmentId = newId();
  db.insert(vendors).values({ id: vendorId, organisationId: source.organisationId, name: vendorName, service: `${vendorName} CRM`, updatedAt: new Date() }).run();
  db.insert(assessments)
    .values({
      id: assessmentId,
      organisationId: source.organisationId,
      vendorId,
      questionnaireId: source.questionnaireId,
      questionnaireVersion: source.questionnaireVersion,
      questionnaireHash: source.questionnaireHash,
      scopeSubjects: source.scopeSubjects,
      scopeCategories: source.scopeCategories,
      status,
      updatedAt: new Date(),
    })
    .run();
  if (answersFrom) {
    const rows = db
      .select({ questionId: answers.questionId, value: answers.value, naReason: answers.naReason })
      .from(answers)
      .where(eq(answers.assessmentId, source.id))
      .all()
      .filter((a) => !without.includes(a.questionId));
    for (const row of rows) {
      db.insert(answers).values({ id: newId(), assessmentId, ...row, answeredBy: "Seeded for the test", answeredAt: new Date() }).run();
    }
  }
  return assessmentId;
}

export function statusOf(assessmentId: string): AssessmentStatus {
  return getDb().select({ status: assessments.status }).from(assessments).where(eq(assessments.id, assessmentId)).get()!.status;
}

export function storedAnswer(assessmentId: string, questionId: string) {
  return getDb()
    .select({ value: answers.value, revision: answers.revision, answeredBy: answers.answeredBy })
    .from(answers)
    .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)))
    .get();
}

/** A second organisation with one vendor and assessment, and nothing else. */
export function otherOrganisation(name: string): { organisationId: string; assessmentId: string } {
  const db = getDb();
  const organisationId = newId();
  const vendorId = newId();
  const assessmentId = newId();
  const pinned = db.select({ hash: assessments.questionnaireHash, version: assessments.questionnaireVersion }).from(assessments).get()!;
  db.insert(organisations).values({ id: organisationId, name }).run();
  db.insert(vendors).values({ id: vendorId, organisationId, name: `${name} vendor`, service: "CRM", updatedAt: new Date() }).run();
  db.insert(assessments)
    .values({
      id: assessmentId,
      organisationId,
      vendorId,
      questionnaireId: "hosted-crm",
      questionnaireVersion: pinned.version,
      questionnaireHash: pinned.hash,
      status: "sent",
      updatedAt: new Date(),
    })
    .run();
  return { organisationId, assessmentId };
}

/** A form POST as a browser sends it: multipart, same origin, the browser's cookies and CSRF token, files allowed. */
export async function formPost(browser: TestBrowser, path: string, entries: [string, string | Blob, string?][], extraHeaders: Record<string, string> = {}): Promise<Request> {
  const body = new FormData();
  body.append("csrf", await browser.csrfToken());
  for (const [name, value, fileName] of entries) {
    if (typeof value === "string") body.append(name, value);
    else body.append(name, value, fileName);
  }
  const headers = browser.get(path).headers;
  headers.set("Sec-Fetch-Site", "same-origin");
  for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v);
  return new Request(`${browser.origin}${path}`, { method: "POST", body, headers });
}

/** Invites a contact through the invitations page as `assessor`; returns the action's reply and the link's token. */
export async function invite(assessor: TestBrowser, assessmentId: string, contact: { name: string; email: string; days?: string }) {
  const request = await formPost(assessor, `/assessments/${assessmentId}/invitations`, [
    ["intent", "invite"],
    ["name", contact.name],
    ["email", contact.email],
    ["days", contact.days ?? "14"],
  ]);
  const result: Reply = await reply(() => invitationsAction(routeArgs(request, { assessmentId })));
  const link = (result.data as { sent?: { link: string } | null } | undefined)?.sent?.link;
  return { result, token: link?.split("/portal/")[1] ?? null, link: link ?? null };
}

/** A vendor's browser: no account, only the CSRF cookie the pages set. */
export function vendorBrowser(): TestBrowser {
  return new TestBrowser();
}

export type Entries = [string, string | Blob, string?][];

/** The fields a browser submits for a section as its page renders it: every visible question with its stored answer and base. */
export function renderedSection(view: SectionView): Entries {
  const entries: Entries = [];
  for (const question of view.section.questions) {
    const base = view.bases[question.id]!;
    entries.push([`${question.id}.revision`, String(base.revision)], [`${question.id}.fingerprint`, base.fingerprint]);
    if (!isVisible(question, view.answers)) continue;
    const raw = toRawInput(question, view.answers[question.id]);
    for (const value of rawList(raw.value)) entries.push([question.id, value]);
    if (raw.na) entries.push([`${question.id}.na`, "on"], [`${question.id}.na_reason`, raw.naReason ?? ""]);
    (raw.rows ?? []).forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) for (const v of rawList(value)) entries.push([`${question.id}[${i}].${column}`, v]);
    });
  }
  return entries;
}

/** The person's edits: each replaces the fields of that name. */
export function withChanges(entries: Entries, changes: Entries): Entries {
  const replaced = new Set(changes.map(([name]) => name));
  return [...entries.filter(([name]) => !replaced.has(name)), ...changes];
}
