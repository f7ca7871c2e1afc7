import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { attestations, events, evidenceFiles, outbox, questionReturns, signOffs, vendorInvitations } from "#db/schema";
import type { SectionResult } from "~/answering/form-state";
import type { SectionView } from "~/answering/section.server";
import { getDb } from "~/db.server";
import { listOutbox } from "~/models/outbox.server";
import { loader as buyerEvidenceLoader } from "~/routes/assessment-evidence-file";
import { action as questionAction, loader as questionLoader } from "~/routes/assessment-question";
import { action as reviewAction, loader as reviewLoader } from "~/routes/assessment-review";
import { action as buyerSectionAction, loader as buyerSectionLoader } from "~/routes/assessment-section";
import { loader as portalLoader } from "~/routes/portal";
import { action as checkAction, loader as checkLoader } from "~/routes/portal-check";
import { loader as portalEvidenceLoader } from "~/routes/portal-evidence-file";
import { action as portalQuestionAction, loader as portalQuestionLoader } from "~/routes/portal-question";
import { action as portalSectionAction, loader as portalSectionLoader } from "~/routes/portal-section";
import { pdf, png, docm } from "../unit/evidence/fixtures";
import { reply, routeArgs, signedInAs, TestBrowser } from "../support/auth";
import { formPost, invite, newAssessment, renderedSection, statusOf, storedAnswer, vendorBrowser, withChanges, type Entries } from "../support/portal";

vi.hoisted(() => {
  process.env.APP_KEY = Buffer.alloc(32, 11).toString("base64");
  process.env.EVIDENCE_KEY = Buffer.alloc(32, 12).toString("base64");
  process.env.EVIDENCE_DIR = `${process.cwd()}/.cache/test-evidence/portal-${process.pid}-${Date.now()}`;
  process.env.EVIDENCE_MAX_BYTES = String(64 * 1024);
});

let assessor: TestBrowser;
let legal: TestBrowser;
beforeAll(async () => {
  [assessor, legal] = await Promise.all([signedInAs("assessor"), signedInAs("legal-reviewer")]);
});

const get = (browser: TestBrowser, path: string, params: Record<string, string>) => routeArgs(browser.get(path), params);

async function portalSection(vendor: TestBrowser, token: string, sectionId: string): Promise<SectionView> {
  const data = (await portalSectionLoader(get(vendor, `/portal/${token}/sections/${sectionId}`, { token, sectionId }))) as { view: SectionView };
  return data.view;
}

async function savePortalSection(vendor: TestBrowser, token: string, sectionId: string, changes: Entries) {
  const entries = withChanges(renderedSection(await portalSection(vendor, token, sectionId)), changes);
  const request = await formPost(vendor, `/portal/${token}/sections/${sectionId}`, entries);
  const result = await reply(() => portalSectionAction(routeArgs(request, { token, sectionId })));
  return { status: result.status, location: result.location, result: result.data as SectionResult };
}

function eventsOf(assessmentId: string, type: string) {
  return getDb()
    .select({ actor: events.actor, actorUserId: events.actorUserId, payload: events.payload })
    .from(events)
    .where(and(eq(events.assessmentId, assessmentId), eq(events.type, type)))
    .all();
}

/** An assessment sent to a contact, with two required answers left for the vendor. */
async function sentAssessment(vendorName: string) {
  const id = newAssessment(vendorName, { without: ["s0.legal_name", "s1.pinning"] });
  const { token } = await invite(assessor, id, { name: "Dana Ruiz", email: `dana@${vendorName.toLowerCase().replace(/\W+/g, "")}.example` });
  return { id, token: token! };
}

async function submitAsVendor(vendor: TestBrowser, token: string, fields: Entries) {
  const request = await formPost(vendor, `/portal/${token}/check`, fields);
  return reply(() => checkAction(routeArgs(request, { token })));
}

describe("inviting a vendor contact", () => {
  it("mails a link through the outbox (sealed there), keeps only its hash, sends the draft and records who invited whom", async () => {
    const id = newAssessment("Heron CRM Ltd");
    expect(statusOf(id)).toBe("draft");
    const { result, token, link } = await invite(assessor, id, { name: "Dana Ruiz", email: "Dana@Heron.example" });
    expect(result.status).toBe(200);
    expect(link).toMatch(/^http:\/\/localhost\/portal\/[A-Za-z0-9_-]{43}$/);
    expect(statusOf(id)).toBe("sent");

    const organisationId = getDb().select({ o: outbox.organisationId }).from(outbox).where(eq(outbox.recipient, "dana@heron.example")).get()!.o;
    const mail = listOutbox(getDb(), organisationId).find((m) => m.recipient === "dana@heron.example");
    expect(mail?.subject).toBe("Acme Retail: due diligence questionnaire for Heron CRM Ltd");
    expect(mail?.body).toContain(link!);
    expect(JSON.stringify(getDb().select().from(outbox).all())).not.toContain(token!);
    const row = getDb().select().from(vendorInvitations).where(eq(vendorInvitations.assessmentId, id)).get()!;
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token!);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * 24 * 60 * 60 * 1000);
    expect(eventsOf(id, "invitation.created")[0]).toMatchObject({ actor: "Sam Lindqvist", payload: { contactEmail: "dana@heron.example" } });
    expect(eventsOf(id, "assessment.sent")[0]).toMatchObject({ actor: "Sam Lindqvist", payload: { from: "draft", to: "sent" } });
    expect(JSON.stringify(getDb().select().from(events).all())).not.toContain(token!);
  });

  it("gives a contact invited again a new link and stops the old one", async () => {
    const id = newAssessment("Ibis CRM Ltd");
    const first = await invite(assessor, id, { name: "Eli Park", email: "eli@ibis.example" });
    const second = await invite(assessor, id, { name: "Eli Park", email: "ELI@ibis.example" });
    expect(second.token).not.toBe(first.token);
    const vendor = vendorBrowser();
    expect((await reply(() => portalLoader(get(vendor, `/portal/${first.token}`, { token: first.token! })))).status).toBe(410);
    expect((await reply(() => portalLoader(get(vendor, `/portal/${second.token}`, { token: second.token! })))).status).toBe(200);
  });

  it("names each field in error with 422, and invites no one", async () => {
    const id = newAssessment("Jacana CRM Ltd");
    const { result } = await invite(assessor, id, { name: " ", email: "not an email", days: "365" });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({
      errors: {
        name: "Contact's name: enter the contact's name",
        email: "Email address: enter an email address like name@example.com",
        days: "Days the link works: at most 90",
      },
    });
    expect(getDb().select().from(vendorInvitations).where(eq(vendorInvitations.assessmentId, id)).all()).toEqual([]);
  });
});

describe("the vendor portal", () => {
  it("shows the questionnaire, progress and the vendor's own files, and nothing of the buyer's scores, findings, scope or internal comments", async () => {
    const { id, token } = await sentAssessment("Kestrel CRM Ltd");
    const internal = await formPost(assessor, `/assessments/${id}/questions/s1.facilities`, [
      ["intent", "comment"],
      ["body", "Internal: their Frankfurt claim looks doubtful"],
      ["visibility", "internal"],
    ]);
    expect((await reply(() => questionAction(routeArgs(internal, { assessmentId: id, questionId: "s1.facilities" })))).status).toBe(302);
    const shared = await formPost(assessor, `/assessments/${id}/questions/s1.facilities`, [
      ["intent", "comment"],
      ["body", "Please name the data centre operator."],
      ["visibility", "shared"],
    ]);
    await reply(() => questionAction(routeArgs(shared, { assessmentId: id, questionId: "s1.facilities" })));

    const vendor = vendorBrowser();
    const page = await reply(() => portalLoader(get(vendor, `/portal/${token}`, { token })));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ contactName: "Dana Ruiz", vendorName: "Kestrel CRM Ltd", buyer: "Acme Retail", status: "sent" });
    const question = await reply(() => portalQuestionLoader(get(vendor, `/portal/${token}/questions/s1.facilities`, { token, questionId: "s1.facilities" })));
    const everything = JSON.stringify([page.data, question.data, await portalSection(vendor, token, "s1")]);
    expect(everything).toContain("Please name the data centre operator.");
    expect(everything).not.toContain("Frankfurt claim looks doubtful");
    for (const word of ["findings", "score", "tier", "scopeSubjects", "subjects", "decision", "Northwind"]) expect(everything).not.toContain(`"${word}"`);
  });

  it("saves the vendor's answers under the contact's name, and the first save moves the assessment to in progress", async () => {
    const { id, token } = await sentAssessment("Lark CRM Ltd");
    const vendor = vendorBrowser();
    const saved = await savePortalSection(vendor, token, "s0", [["intent", "save"], ["s0.legal_name", "Lark CRM Ltd"]]);
    expect(saved.status).toBe(200);
    expect(saved.result.saved).toEqual(["s0.legal_name"]);
    expect(storedAnswer(id, "s0.legal_name")).toMatchObject({ value: "Lark CRM Ltd", answeredBy: "Dana Ruiz (Lark CRM Ltd)" });
    expect(statusOf(id)).toBe("in-progress");
    expect(eventsOf(id, "assessment.started")).toHaveLength(1);
    expect(eventsOf(id, "answer.changed")[0]).toMatchObject({ actor: "Dana Ruiz (Lark CRM Ltd)", actorUserId: null });

    await savePortalSection(vendor, token, "s1", [["intent", "save"], ["s1.pinning", "contract"]]);
    expect(eventsOf(id, "assessment.started")).toHaveLength(1);
  });

  it("answers a form with an invalid answer with 422 and the message by its field, keeping the rest", async () => {
    const { id, token } = await sentAssessment("Merlin CRM Ltd");
    const saved = await savePortalSection(vendorBrowser(), token, "s0", [["s0.legal_name", "x".repeat(600)], ["s0.register_url", "https://merlin.example/subprocessors"]]);
    expect(saved.status).toBe(422);
    expect(saved.result.errors).toContainEqual({ questionId: "s0.legal_name", field: "s0.legal_name", message: "Keep this under 500 characters" });
    expect(storedAnswer(id, "s0.register_url")?.value).toBe("https://merlin.example/subprocessors");
  });
});

describe("evidence", () => {
  it("uploads a PDF to a file question: stored encrypted with its checksum, attached to the answer, downloadable by the vendor and the buyer, each download recorded", async () => {
    const { id, token } = await sentAssessment("Nightjar CRM Ltd");
    const vendor = vendorBrowser();
    const bytes = pdf();
    const saved = await savePortalSection(vendor, token, "s1", [
      ["intent", "upload:s1.location_evidence"],
      ["s1.location_evidence.upload", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "DPA annex 3.pdf"],
      ["s1.pinning", "contract"],
    ]);
    expect(saved.status).toBe(200);
    expect(saved.result.uploaded).toMatchObject({ questionId: "s1.location_evidence", fileName: "DPA annex 3.pdf" });
    expect(storedAnswer(id, "s1.pinning")?.value).toBe("contract");
    const file = getDb().select().from(evidenceFiles).where(eq(evidenceFiles.assessmentId, id)).get()!;
    expect(file).toMatchObject({ fileName: "DPA annex 3.pdf", kind: "pdf", size: bytes.length, uploadedBy: "Dana Ruiz (Nightjar CRM Ltd)", purgedAt: null });
    expect(storedAnswer(id, "s1.location_evidence")?.value).toEqual([file.id]);

    const download = await reply(() => portalEvidenceLoader(get(vendor, `/portal/${token}/evidence/${file.id}`, { token, evidenceId: file.id })));
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toContain('filename="DPA annex 3.pdf"');
    expect(download.data).toBe(bytes.toString());
    const buyer = await reply(() => buyerEvidenceLoader(get(assessor, `/assessments/${id}/evidence/${file.id}`, { assessmentId: id, evidenceId: file.id })));
    expect(buyer.status).toBe(200);
    expect(eventsOf(id, "evidence.downloaded").map((e) => e.actor)).toEqual(["Dana Ruiz (Nightjar CRM Ltd)", "Sam Lindqvist"]);
    expect(eventsOf(id, "evidence.uploaded")[0]?.payload).toMatchObject({ sha256: file.sha256, fileName: "DPA annex 3.pdf" });
  });

  it("refuses a file whose content is not what its name says, a macro workbook, a type the question does not take and a file too large, by the upload field, saving the rest", async () => {
    const { id, token } = await sentAssessment("Oriole Data Ltd");
    const vendor = vendorBrowser();
    const cases: [Blob, string, RegExp][] = [
      [new Blob([new Uint8Array(png())], { type: "application/pdf" }), "annex.pdf", /is a PNG image: its name must end in \.png/],
      [new Blob([new Uint8Array(docm())]), "annex.docx", /macros are not accepted/],
      [new Blob([new Uint8Array(png())], { type: "image/png" }), "map.png", /not accepted here: attach a PDF or DOCX file/],
      [new Blob([new Uint8Array(70 * 1024).fill(1)]), "huge.pdf", /must be smaller than 64 KB/],
      [new Blob([]), "empty.pdf", /Choose a file to upload/],
    ];
    for (const [blob, name, message] of cases) {
      const saved = await savePortalSection(vendor, token, "s1", [
        ["intent", "upload:s1.location_evidence"],
        ["s1.location_evidence.upload", blob, name],
        ["s1.pinning", "setting"],
      ]);
      expect(saved.status, name).toBe(422);
      expect(saved.result.errors[0]).toMatchObject({ field: "s1.location_evidence.upload", message: expect.stringMatching(message) });
      expect(storedAnswer(id, "s1.pinning")?.value).toBe("setting");
    }
    expect(getDb().select().from(evidenceFiles).where(eq(evidenceFiles.assessmentId, id)).all()).toEqual([]);
  });

  it("will not attach a file of another assessment by its id", async () => {
    const first = await sentAssessment("Petrel CRM Ltd");
    const second = await sentAssessment("Quetzal CRM Ltd");
    const vendor = vendorBrowser();
    await savePortalSection(vendor, first.token, "s1", [
      ["intent", "upload:s1.location_evidence"],
      ["s1.location_evidence.upload", new Blob([new Uint8Array(pdf())], { type: "application/pdf" }), "annex.pdf"],
    ]);
    const foreign = getDb().select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, first.id)).get()!.id;
    const saved = await savePortalSection(vendor, second.token, "s1", [["s1.location_evidence", foreign]]);
    expect(saved.status).toBe(422);
    expect(saved.result.errors).toContainEqual({ questionId: "s1.location_evidence", field: "s1.location_evidence", message: "Upload the file again: the upload was not stored" });
    expect(storedAnswer(second.id, "s1.location_evidence")).toBeUndefined();
    const download = await reply(() => portalEvidenceLoader(get(vendor, `/portal/${second.token}/evidence/${foreign}`, { token: second.token, evidenceId: foreign })));
    expect(download.status).toBe(404);
  });
});

describe("submitting, returning and signing off", () => {
  it("takes the whole journey: submit with attestation, a question returned and answered, sign-off by the legal reviewer, each step with who and when", async () => {
    const { id, token } = await sentAssessment("Redstart CRM Ltd");
    const vendor = vendorBrowser();

    const early = await submitAsVendor(vendor, token, [["name", "Dana Ruiz"], ["title", "Head of Compliance"], ["confirm", "yes"]]);
    expect(early.status).toBe(422);
    expect(early.data).toMatchObject({ remaining: 2 });

    await savePortalSection(vendor, token, "s0", [["s0.legal_name", "Redstart CRM Ltd"]]);
    await savePortalSection(vendor, token, "s1", [["s1.pinning", "contract"]]);
    const check = (await checkLoader(get(vendor, `/portal/${token}/check`, { token }))) as { remaining: number; canSubmit: boolean };
    expect(check).toMatchObject({ remaining: 0, canSubmit: true });

    const unattested = await submitAsVendor(vendor, token, [["name", ""], ["title", ""]]);
    expect(unattested.status).toBe(422);
    expect(unattested.data).toMatchObject({
      errors: {
        name: "Your full name: enter your full name",
        title: "Your job title: enter your job title",
        confirm: "Confirmation: tick the box to confirm the statement",
      },
    });
    const submitted = await submitAsVendor(vendor, token, [["name", "Dana Ruiz"], ["title", "Head of Compliance"], ["confirm", "yes"]]);
    expect(submitted.location).toBe(`/portal/${token}`);
    expect(statusOf(id)).toBe("submitted");
    expect(getDb().select().from(attestations).where(eq(attestations.assessmentId, id)).get()).toMatchObject({
      name: "Dana Ruiz",
      title: "Head of Compliance",
      statement: expect.stringContaining("complete and accurate"),
    });
    const locked = await savePortalSection(vendor, token, "s0", [["s0.legal_name", "Changed after submitting"]]);
    expect(locked.status).toBe(409);
    expect(storedAnswer(id, "s0.legal_name")?.value).toBe("Redstart CRM Ltd");

    const returned = await formPost(assessor, `/assessments/${id}/questions/s1.pinning`, [["intent", "return"], ["request", "Which regions can be pinned? Name them."]]);
    expect((await reply(() => questionAction(routeArgs(returned, { assessmentId: id, questionId: "s1.pinning" })))).status).toBe(302);
    expect(statusOf(id)).toBe("returned");
    const portal = (await portalLoader(get(vendor, `/portal/${token}`, { token }))) as { returned: { questionId: string; request: string; by: string }[] };
    expect(portal.returned).toEqual([expect.objectContaining({ questionId: "s1.pinning", request: "Which regions can be pinned? Name them.", by: "Sam Lindqvist" })]);

    await savePortalSection(vendor, token, "s1", [["s1.pinning", "setting"]]);
    await savePortalSection(vendor, token, "s0", [["s0.legal_name", "Redstart CRM Limited"]]);
    expect((await submitAsVendor(vendor, token, [["name", "Dana Ruiz"], ["title", "Head of Compliance"], ["confirm", "yes"]])).status).toBe(302);
    expect(statusOf(id)).toBe("submitted");
    expect(getDb().select({ resolvedAt: questionReturns.resolvedAt }).from(questionReturns).where(eq(questionReturns.assessmentId, id)).get()?.resolvedAt).toBeInstanceOf(Date);

    const review = (await reviewLoader(get(legal, `/assessments/${id}/review`, { assessmentId: id }))) as {
      actions: string[];
      score: { recommended: string | null; conditions: string[] };
      changedAfterSubmission: { questionId: string; by: string; asked: boolean }[];
    };
    expect(review.actions).toContain("finalise");
    // The reviewer sees the returned answer as asked for, and the legal name the vendor changed unasked.
    expect(review.changedAfterSubmission).toEqual([
      expect.objectContaining({ questionId: "s0.legal_name", by: "Dana Ruiz (Redstart CRM Ltd)", asked: false }),
      expect.objectContaining({ questionId: "s1.pinning", by: "Dana Ruiz (Redstart CRM Ltd)", asked: true }),
    ]);
    const noConditions = await formPost(legal, `/assessments/${id}/review`, [["intent", "finalise"], ["decision", "approved-with-conditions"], ["conditions", " "]]);
    const refused = await reply(() => reviewAction(routeArgs(noConditions, { assessmentId: id })));
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ errors: { conditions: "Conditions: list what must be done before go-live" } });

    const signOff = await formPost(legal, `/assessments/${id}/review`, [
      ["intent", "finalise"],
      ["decision", "approved-with-conditions"],
      ["conditions", "Sign the EU SCCs with the support subprocessor before go-live."],
      ["note", "Reviewed with the DPO."],
    ]);
    expect((await reply(() => reviewAction(routeArgs(signOff, { assessmentId: id })))).location).toBe(`/assessments/${id}/review?done=finalised`);
    expect(statusOf(id)).toBe("finalised");
    expect(getDb().select().from(signOffs).where(eq(signOffs.assessmentId, id)).get()).toMatchObject({
      decision: "approved-with-conditions",
      conditions: "Sign the EU SCCs with the support subprocessor before go-live.",
      reviewerName: "Lea Moreau",
      recommendedDecision: review.score.recommended,
    });
    expect(eventsOf(id, "assessment.score-frozen")).toHaveLength(1);

    const steps = getDb()
      .select({ type: events.type, actor: events.actor })
      .from(events)
      .where(eq(events.assessmentId, id))
      .all()
      .filter((e) => e.type.startsWith("assessment.") || e.type === "question.returned");
    expect(steps).toEqual([
      { type: "assessment.sent", actor: "Sam Lindqvist" },
      { type: "assessment.started", actor: "Dana Ruiz (Redstart CRM Ltd)" },
      { type: "assessment.submitted", actor: "Dana Ruiz (Redstart CRM Ltd)" },
      { type: "assessment.returned", actor: "Sam Lindqvist" },
      { type: "question.returned", actor: "Sam Lindqvist" },
      { type: "assessment.submitted", actor: "Dana Ruiz (Redstart CRM Ltd)" },
      { type: "assessment.finalised", actor: "Lea Moreau" },
      { type: "assessment.score-frozen", actor: "Lea Moreau" },
    ]);
    const page = await reply(() => portalLoader(get(vendor, `/portal/${token}`, { token })));
    expect(JSON.stringify(page.data)).not.toMatch(/approved|conditions|SCCs/);
  });

  it("lets only legal reviewers and administrators sign off, and an assessor start the review", async () => {
    const id = newAssessment("Sandpiper CRM Ltd", { status: "submitted" });
    const tryAs = async (browser: TestBrowser, fields: Entries) => reply(async () => reviewAction(routeArgs(await formPost(browser, `/assessments/${id}/review`, fields), { assessmentId: id })));
    expect((await tryAs(assessor, [["intent", "finalise"], ["decision", "approved"]])).status).toBe(403);
    expect(statusOf(id)).toBe("submitted");
    expect((await tryAs(assessor, [["intent", "start-review"]])).status).toBe(302);
    expect(statusOf(id)).toBe("in-review");
    expect((await tryAs(assessor, [["intent", "start-review"]])).status).toBe(409);
    expect((await tryAs(await signedInAs("viewer"), [["intent", "start-review"]])).status).toBe(403);
  });

  it("records a risk acceptance with who accepted which finding, why and until when", async () => {
    const id = newAssessment("Tern CRM Ltd", { status: "in-review", answersFrom: "Bluebird Customer Cloud, Inc." });
    const review = (await reviewLoader(get(legal, `/assessments/${id}/review`, { assessmentId: id }))) as { findings: { id: string; title: string }[] };
    const finding = review.findings[0]!;
    const accept = (fields: Entries) => formPost(legal, `/assessments/${id}/review`, [["intent", "accept-risk"], ...fields]);
    const past = await reply(async () => reviewAction(routeArgs(await accept([["findingId", finding.id], ["reason", "Compensating control"], ["until", "2001-01-01"]]), { assessmentId: id })));
    expect(past.status).toBe(422);
    expect(past.data).toMatchObject({ errors: { until: "Accepted until: enter a real date after today, at most three years ahead" } });
    const unknown = await reply(async () => reviewAction(routeArgs(await accept([["findingId", "flag:nope"], ["reason", "x"], ["until", "2099-01-01"]]), { assessmentId: id })));
    expect(unknown.data).toMatchObject({ errors: { findingId: "Finding: choose one of this assessment's findings" } });

    const until = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    const ok = await reply(async () => reviewAction(routeArgs(await accept([["findingId", finding.id], ["reason", "Compensating control: EU-only support rota"], ["until", until]]), { assessmentId: id })));
    expect(ok.status).toBe(302);
    expect(eventsOf(id, "risk.accepted")[0]).toMatchObject({
      actor: "Lea Moreau",
      payload: { findingId: finding.id, findingTitle: finding.title, reason: "Compensating control: EU-only support rota", acceptedUntil: until },
    });
  });
});

describe("comments", () => {
  it("lets the vendor answer a shared comment; the buyer sees both, marked by who wrote them", async () => {
    const { id, token } = await sentAssessment("Umbrella Bird CRM Ltd");
    const vendor = vendorBrowser();
    const message = await formPost(vendor, `/portal/${token}/questions/s1.facilities`, [["body", "Our operator is Equinix in Frankfurt."]]);
    expect((await reply(() => portalQuestionAction(routeArgs(message, { token, questionId: "s1.facilities" })))).status).toBe(302);
    const empty = await formPost(vendor, `/portal/${token}/questions/s1.facilities`, [["body", "   "]]);
    const refused = await reply(() => portalQuestionAction(routeArgs(empty, { token, questionId: "s1.facilities" })));
    expect(refused.status).toBe(422);
    expect(refused.data).toMatchObject({ errors: { body: "Message: write your message" } });
    const page = (await questionLoader(get(assessor, `/assessments/${id}/questions/s1.facilities`, { assessmentId: id, questionId: "s1.facilities" }))) as {
      comments: { body: string; fromVendor: boolean; visibility: string }[];
    };
    expect(page.comments).toEqual([expect.objectContaining({ body: "Our operator is Equinix in Frankfurt.", fromVendor: true, visibility: "shared" })]);
  });
});

describe("answering on the vendor's behalf", () => {
  it("lets an assessor upload evidence on the buyer's side too", async () => {
    const id = newAssessment("Vireo CRM Ltd", { status: "in-progress" });
    const browser = assessor;
    const { view } = await buyerSectionLoader(get(browser, `/assessments/${id}/sections/s1`, { assessmentId: id, sectionId: "s1" }));
    const entries = withChanges(renderedSection(view), [
      ["intent", "upload:s1.location_evidence"],
      ["s1.location_evidence.upload", new Blob([new Uint8Array(pdf())], { type: "application/pdf" }), "annex.pdf"],
    ]);
    const result = await reply(async () => buyerSectionAction(routeArgs(await formPost(browser, `/assessments/${id}/sections/s1`, entries), { assessmentId: id, sectionId: "s1" })));
    expect(result.status).toBe(200);
    expect(getDb().select({ uploadedBy: evidenceFiles.uploadedBy }).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, id)).get()).toEqual({ uploadedBy: "Sam Lindqvist" });
  });
});
