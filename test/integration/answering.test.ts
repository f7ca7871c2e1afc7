import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { answers, assessments, events, organisations, vendors } from "#db/schema";
import { rawList, toRawInput, type SectionResult } from "~/answering/form-state";
import { getDb } from "~/db.server";
import { saveAnswers } from "~/models/answers.server";
import { isVisible } from "~/questionnaire";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as answersLoader } from "~/routes/assessment-answers";
import { action as sectionAction, loader as sectionLoader } from "~/routes/assessment-section";
import { reply, routeArgs, signedInAs, type TestBrowser } from "../support/auth";
import { thrownResponse } from "../support/loader-args";

// Answers are saved as the demo administrator, Ada Okafor: the role may answer on the vendor's behalf.
let admin: TestBrowser;
let csrfToken: string;
beforeAll(async () => {
  admin = await signedInAs("admin");
  csrfToken = await admin.csrfToken();
});

const get = (path: string, params: Record<string, string> = {}) => routeArgs(admin.get(path), params);

type Entries = [string, string | Blob][];

async function assessmentIdOf(vendorName: string) {
  const { vendors: list } = await dashboardLoader(get("/"));
  return list.find((v) => v.name === vendorName)!.latestAssessment!.id;
}

function section(assessmentId: string, sectionId: string) {
  return sectionLoader(get(`/assessments/${assessmentId}/sections/${sectionId}`, { assessmentId, sectionId }));
}

/** The fields a browser submits for a section as the page renders it: every visible question with its stored answer and base. */
async function rendered(assessmentId: string, sectionId: string): Promise<Entries> {
  const { view } = await section(assessmentId, sectionId);
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

/** The person's edits: each replaces the fields of that name (a table cell replaces the whole table). */
function edit(entries: Entries, changes: Entries): Entries {
  const target = (name: string) => name.replace(/\[\d+\]\..*$/, "[]");
  const replaced = new Set(changes.map(([name]) => target(name)));
  return [...entries.filter(([name]) => !replaced.has(target(name))), ...changes];
}

async function form(assessmentId: string, sectionId: string, changes: Entries = []): Promise<Entries> {
  return edit(await rendered(assessmentId, sectionId), changes);
}

/** The administrator's browser posting the section form, with its cookies and CSRF token. */
function postRequest(path: string, entries: Entries) {
  const body = new FormData();
  body.append("csrf", csrfToken);
  for (const [name, value] of entries) body.append(name, value);
  const headers = admin.get(path).headers;
  headers.set("Sec-Fetch-Site", "same-origin");
  return new Request(`http://localhost${path}`, { method: "POST", body, headers });
}

/** A save's result and the status of the page it renders: 422 with a field in error, 409 with only conflicts. */
async function post(assessmentId: string, sectionId: string, entries: Entries): Promise<SectionResult & { httpStatus: number }> {
  const path = `/assessments/${assessmentId}/sections/${sectionId}`;
  const result = await reply(() => sectionAction(routeArgs(postRequest(path, entries), { assessmentId, sectionId })));
  return { ...(result.data as SectionResult), httpStatus: result.status };
}

async function postExpectingResponse(assessmentId: string, sectionId: string, request: Request): Promise<Response> {
  return thrownResponse(() => sectionAction(routeArgs(request, { assessmentId, sectionId })));
}

function stored(assessmentId: string, questionId: string) {
  return getDb()
    .select({ value: answers.value, naReason: answers.naReason, revision: answers.revision, answeredBy: answers.answeredBy })
    .from(answers)
    .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)))
    .get();
}

function answerEvents(assessmentId: string) {
  return getDb()
    .select({ type: events.type, actor: events.actor, payload: events.payload })
    .from(events)
    .where(and(eq(events.assessmentId, assessmentId), eq(events.type, "answer.changed")))
    .orderBy(desc(events.id))
    .all();
}

function snapshot(assessmentId: string) {
  return getDb()
    .select({ questionId: answers.questionId, value: answers.value, naReason: answers.naReason, revision: answers.revision })
    .from(answers)
    .where(eq(answers.assessmentId, assessmentId))
    .orderBy(answers.questionId)
    .all();
}

describe("saving a section", () => {
  it("a valid save stores each answer with a new revision and records answer.changed with before and after", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const result = await post(
      id,
      "s0",
      await form(id, "s0", [
        ["intent", "save"],
        ["s0.legal_name", "Kairos Relations K.K."],
        ["s0.country", "JP"],
        ["s0.vendor_safeguards", "contract"],
        ["s0.vendor_safeguards", "notice"],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.httpStatus).toBe(200);
    expect(result.saved.sort()).toEqual(["s0.country", "s0.legal_name", "s0.vendor_safeguards"]);
    expect(stored(id, "s0.country")).toEqual({ value: "JP", naReason: null, revision: 1, answeredBy: "Ada Okafor" });
    expect(stored(id, "s0.vendor_safeguards")?.value).toEqual(["contract", "notice"]);
    expect(result.bases["s0.country"]?.revision).toBe(1);

    const event = answerEvents(id).find((e) => e.payload.questionId === "s0.country");
    expect(event).toMatchObject({
      actor: "Ada Okafor",
      payload: { before: { value: null, naReason: null }, after: { value: "JP", naReason: null }, revisionBefore: 0, revision: 1 },
    });
    const { view } = await section(id, "s0");
    expect(view.progress.requiredAnswered).toBe(2);
    expect(view.lastChanged["s0.country"]?.by).toBe("Ada Okafor");
  });

  it("writing back what is stored is a no-op: no revision bump and no event", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const before = snapshot(id);
    const eventsBefore = answerEvents(id).length;
    for (const sectionId of ["s0", "s1", "s2", "s3"]) {
      const result = await post(id, sectionId, await form(id, sectionId));
      expect(result.errors).toEqual([]);
      expect(result.saved).toEqual([]);
    }
    expect(snapshot(id)).toEqual(before);
    expect(answerEvents(id)).toHaveLength(eventsBefore);
  });

  it("an invalid answer shows its message by the field and every other answer is still saved", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const result = await post(
      id,
      "s1",
      await form(id, "s1", [
        ["s1.storage_countries", "JP, SG"],
        ["s1.pinning", "setting"],
        ["s1.change_notice_days", "thirty"],
        ["s1.change_objection", "yes"],
      ]),
    );
    expect(result.errors).toEqual([
      { questionId: "s1.change_notice_days", field: "s1.change_notice_days", message: "Enter a number (days), like 30" },
    ]);
    expect(result.submitted["s1.change_notice_days"]).toEqual({ value: "thirty" });
    expect(stored(id, "s1.change_notice_days")).toBeUndefined();
    expect(stored(id, "s1.storage_countries")?.value).toEqual(["JP", "SG"]);
    expect(stored(id, "s1.pinning")?.value).toBe("setting");
    expect(stored(id, "s1.change_objection")?.value).toBe(true);
  });

  it("saves 'not applicable' with its reason, and asks for the reason when it is missing", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const missing = await post(id, "s2", await form(id, "s2", [["s2.tia_shared.na", "on"], ["s2.tia_shared.na_reason", "  "]]));
    expect(missing.errors).toEqual([
      { questionId: "s2.tia_shared", field: "s2.tia_shared.na_reason", message: "Say why this question does not apply" },
    ]);
    expect(stored(id, "s2.tia_shared")).toBeUndefined();

    const reason = "All our processing is in Japan, which has an adequacy decision";
    const given = await post(id, "s2", await form(id, "s2", [["s2.tia_shared.na", "on"], ["s2.tia_shared.na_reason", reason]]));
    expect(given.errors).toEqual([]);
    expect(stored(id, "s2.tia_shared")).toMatchObject({ value: null, naReason: reason });
    const { overview } = await answersLoader(get(`/assessments/${id}/answers`, { assessmentId: id }));
    const tia = overview.sections.flatMap((s) => s.questions).find((q) => q.id === "s2.tia_shared");
    expect(tia?.answer).toEqual({ kind: "not-applicable", reason });
    expect(tia?.answered).toBe(true);
  });

  it("refuses 'not applicable' on a question that does not allow it, by the field", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const result = await post(id, "s1", await form(id, "s1", [["s1.pinning", ""], ["s1.pinning.na", "on"], ["s1.pinning.na_reason", "No reason"]]));
    expect(result.errors).toContainEqual({ questionId: "s1.pinning", field: "s1.pinning", message: "This question cannot be marked not applicable" });
    expect(stored(id, "s1.pinning")?.value).toBe("setting");
  });
});

function party(index: number, row: Record<string, string | string[]>): Entries {
  return Object.entries(row).flatMap(([column, value]): Entries =>
    (Array.isArray(value) ? value : [value]).map((v) => [`s0.parties[${index}].${column}`, v]),
  );
}

const aws = { key: "AWS", legal_name: "Amazon Web Services EMEA SARL", role: "subprocessor", country: "LU", service: "Hosting", access: "hosts" };
const zendesk = { key: "Zendesk", legal_name: "Zendesk, Inc.", role: "subprocessor", country: "US-CA", service: "Support desk", access: "remote", engaged_by: "AWS" };

describe("tables", () => {
  it("saves two subprocessor rows in order, dropping the blank row the page offers", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const result = await post(
      id,
      "s0",
      await form(id, "s0", [...party(0, aws), ...party(1, { key: "", legal_name: "", role: "", country: "" }), ...party(2, { ...zendesk, safeguards: ["eu-scc", "dpf"] })]),
    );
    expect(result.errors).toEqual([]);
    expect(stored(id, "s0.parties")?.value).toEqual([aws, { ...zendesk, safeguards: ["eu-scc", "dpf"] }]);
    expect(stored(id, "s0.country")?.value).toBe("JP");
  });

  it("names a cell error by the row as the page shows it, blank rows included, and saves the rest", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const before = stored(id, "s0.parties");
    const result = await post(
      id,
      "s0",
      await form(id, "s0", [
        ...party(0, aws),
        ...party(1, { key: "", legal_name: "" }),
        ...party(2, { ...zendesk, country: "Narnia" }),
        ["s0.register_url", "https://kairos-cx.example/subprocessors"],
      ]),
    );
    expect(result.errors).toEqual([
      {
        questionId: "s0.parties",
        field: "s0.parties[2].country",
        message: 'Row 2, "Where the legal entity is established": "Narnia" is not an ISO 3166 code such as "DE" or "CA-QC"',
      },
    ]);
    expect(result.submitted["s0.parties"]?.rows?.[2]?.country).toBe("Narnia");
    expect(stored(id, "s0.parties")).toEqual(before);
    expect(stored(id, "s0.register_url")?.value).toBe("https://kairos-cx.example/subprocessors");
  });

  it("'Add another row' saves what was typed and offers one more blank row", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const result = await post(
      id,
      "s2",
      await form(id, "s2", [["intent", "add-row:s2.access_locations"], ["s2.access_locations[0].region", "JP"], ["s2.access_locations[0].purpose", "support"]]),
    );
    expect(result.errors).toEqual([]);
    expect(result.blankRows).toEqual({ "s2.access_locations": 1 });
    expect(stored(id, "s2.access_locations")?.value).toEqual([{ region: "JP", purpose: "support" }]);
  });

  it("'Remove' deletes that row and saves the rest", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    await post(id, "s0", await form(id, "s0", [["intent", "remove-row:s0.parties:0"], ...party(0, aws), ...party(1, { ...zendesk, engaged_by: "" })]));
    const rows = stored(id, "s0.parties")?.value as { key: string }[];
    expect(rows.map((r) => r.key)).toEqual(["Zendesk"]);
  });
});

describe("two people editing one assessment", () => {
  it("a stale write is detected, both values are shown, and nothing is overwritten", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const myPage = await rendered(id, "s1");

    // A colleague saves first, from a page rendered at the same time.
    const theirs = await post(id, "s1", await form(id, "s1", [["s1.change_notice_days", "45"]]));
    expect(theirs.saved).toEqual(["s1.change_notice_days"]);
    const revision = stored(id, "s1.change_notice_days")!.revision;

    const mine = await post(id, "s1", edit(myPage, [["s1.change_notice_days", "120"], ["s1.change_objection", "no"]]));
    expect(mine.conflicts).toHaveLength(1);
    expect(mine.httpStatus).toBe(409);
    const conflict = mine.conflicts[0]!;
    expect(conflict.questionId).toBe("s1.change_notice_days");
    expect(conflict.theirs.display).toEqual({ kind: "text", text: "45 days" });
    expect(conflict.theirs.answeredBy).toBe("Ada Okafor");
    expect(conflict.yours.display).toEqual({ kind: "text", text: "120 days" });
    expect(mine.submitted["s1.change_notice_days"]).toEqual({ value: "120" });
    expect(stored(id, "s1.change_notice_days")).toMatchObject({ value: 45, revision });
    // The rest of the submission is saved.
    expect(stored(id, "s1.change_objection")?.value).toBe(false);

    // Resubmitting as it was still conflicts: overwriting takes an explicit choice.
    const again = await post(id, "s1", edit(myPage, [["s1.change_notice_days", "120"], ["s1.change_objection", "no"]]));
    expect(again.conflicts.map((c) => c.questionId)).toEqual(["s1.change_notice_days"]);

    const useMine = await post(
      id,
      "s1",
      edit(myPage, [
        ["intent", "use-mine:s1.change_notice_days"],
        ["s1.change_notice_days.theirs_revision", String(conflict.theirs.base.revision)],
        ["s1.change_notice_days.theirs_fingerprint", conflict.theirs.base.fingerprint],
        ["s1.change_notice_days", "120"],
        ["s1.change_objection", "no"],
      ]),
    );
    expect(useMine.conflicts).toEqual([]);
    expect(stored(id, "s1.change_notice_days")).toMatchObject({ value: 120, revision: revision + 1 });
    expect(answerEvents(id)[0]?.payload).toMatchObject({ questionId: "s1.change_notice_days", before: { value: 45 }, after: { value: 120 } });
  });

  it("'Keep their answer' leaves theirs in place and saves the rest", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const myPage = await rendered(id, "s2");
    await post(id, "s2", await form(id, "s2", [["s2.access_model", "customer_approval"]]));
    const keep = await post(id, "s2", edit(myPage, [["intent", "keep-theirs:s2.access_model"], ["s2.access_model", "standing"], ["s2.tia_shared", "shared"]]));
    expect(keep.conflicts).toEqual([]);
    expect(keep.submitted["s2.access_model"]).toBeUndefined();
    expect(stored(id, "s2.access_model")?.value).toBe("customer_approval");
    expect(stored(id, "s2.tia_shared")?.value).toBe("shared");
  });

  it("an answer the person left as it was is no conflict when a colleague changed it: theirs stays", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const myPage = await rendered(id, "s3");
    await post(id, "s3", await form(id, "s3", [["s3.rpo_hours", "2"]]));
    const mine = await post(id, "s3", edit(myPage, [["s3.rto_hours", "8"]]));
    expect(mine.conflicts).toEqual([]);
    expect(mine.submitted["s3.rpo_hours"]).toBeUndefined();
    expect(mine.bases["s3.rpo_hours"]?.revision).toBe(1);
    expect(stored(id, "s3.rpo_hours")?.value).toBe(2);
    expect(stored(id, "s3.rto_hours")?.value).toBe(8);
  });

  it("through the model, the second of two writers from the same revision gets the stored answer back", async () => {
    const db = getDb();
    const assessmentId = await assessmentIdOf("Kairos Relations K.K.");
    const organisation = db.select({ id: assessments.organisationId }).from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    const write = (value: string) =>
      saveAnswers(db, {
        organisationId: organisation.id,
        assessmentId,
        answerer: { userId: null, name: "Kenji Sato, Kairos" },
        writes: [{ questionId: "s4.isolation_model", answer: { value, naReason: null }, base: { revision: 0, fingerprint: "0000000000000000" } }],
      })[0]!;
    expect(write("schema").status).toBe("saved");
    expect(write("database")).toMatchObject({ status: "conflict", stored: { value: "schema", revision: 1, answeredBy: "Kenji Sato, Kairos" } });
    expect(stored(assessmentId, "s4.isolation_model")?.value).toBe("schema");
  });
});

describe("follow-up questions", () => {
  it("a hidden follow-up is neither required nor saved, and appears once its trigger is answered", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const requiredBefore = (await section(id, "s0")).view.progress.required;

    const ignored = await post(id, "s0", await form(id, "s0", [["s0.parent_country", "DE"]]));
    expect(ignored.errors).toEqual([]);
    expect(stored(id, "s0.parent_country")).toBeUndefined();

    const revealing = await post(id, "s0", await form(id, "s0", [["intent", "save-continue"], ["s0.parent_name", "Kairos Group Holdings"]]));
    expect(revealing.revealed).toEqual(["s0.parent_country"]);
    expect((await section(id, "s0")).view.progress.required).toBe(requiredBefore + 1);

    const answered = await postExpectingResponse(
      id,
      "s0",
      postRequest(`/assessments/${id}/sections/s0`, await form(id, "s0", [["intent", "save-continue"], ["s0.parent_country", "JP"]])),
    );
    expect(answered.status).toBe(302);
    expect(answered.headers.get("Location")).toBe(`/assessments/${id}/sections/s1`);
    expect(stored(id, "s0.parent_country")?.value).toBe("JP");

    // Hidden again: the stored follow-up no longer counts, and is kept.
    await post(id, "s0", await form(id, "s0", [["s0.parent_name", ""]]));
    expect((await section(id, "s0")).view.progress.required).toBe(requiredBefore);
    expect(stored(id, "s0.parent_country")?.value).toBe("JP");
  });

  it("'Save and continue' after the last section goes to the answers", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    const response = await postExpectingResponse(id, "s15", postRequest(`/assessments/${id}/sections/s15`, await form(id, "s15", [["intent", "save-continue"]])));
    expect(response.headers.get("Location")).toBe(`/assessments/${id}/answers`);
  });
});

describe("the read-only view of all answers", () => {
  it("shows tables as tables with row references by the party's name, and who answered when", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const { overview } = await answersLoader(get(`/assessments/${id}/answers`, { assessmentId: id }));
    const questions = overview.sections.flatMap((s) => s.questions);
    const facilities = questions.find((q) => q.id === "s1.facilities")!;
    if (facilities.answer.kind !== "table") throw new Error("s1.facilities is not shown as a table");
    expect(facilities.answer.columns[0]).toBe("Operated by");
    expect(facilities.answer.rows[0]?.[0]).toBe("Microsoft Canada Inc. (Azure-CA)");
    expect(facilities.answer.rows[0]).toContain("Ontario, Canada (CA-ON)");
    expect(facilities.changed?.by).toBe("Chloé Tremblay, Privacy Officer, Maple Ledger CRM Inc.");
    const access = questions.find((q) => q.id === "s2.access_locations")!;
    if (access.answer.kind !== "table") throw new Error("s2.access_locations is not shown as a table");
    expect(access.answer.rows[0]?.[0]).toBe("Maple Ledger CRM Inc. (the vendor)");
    expect(questions.find((q) => q.id === "s1.pinning")?.answer).toEqual({ kind: "text", text: "Yes, and the contract commits to it" });
    expect(questions.find((q) => q.id === "s1.pinned_region")?.answer).toEqual({ kind: "list", items: ["Canada (CA)"] });
    expect(questions.find((q) => q.id === "s4.isolation_model")?.answer).toEqual({ kind: "unanswered" });
    expect(overview.sections).toHaveLength(16);
  });
});

describe("access and bad input", () => {
  function foreignAssessment() {
    const db = getDb();
    const org = newId();
    const vendor = newId();
    const assessment = newId();
    db.insert(organisations).values({ id: org, name: "Globex" }).run();
    db.insert(vendors).values({ id: vendor, organisationId: org, name: "Hidden CRM", service: "Hidden", updatedAt: new Date() }).run();
    const pinned = db.select({ hash: assessments.questionnaireHash }).from(assessments).get()!;
    db.insert(assessments)
      .values({ id: assessment, organisationId: org, vendorId: vendor, questionnaireId: "hosted-crm", questionnaireVersion: "1.0.0", questionnaireHash: pinned.hash, updatedAt: new Date() })
      .run();
    return assessment;
  }

  it("answers 404 for another organisation's assessment, reading or writing, and writes nothing", async () => {
    const id = foreignAssessment();
    expect((await thrownResponse(() => section(id, "s0"))).status).toBe(404);
    expect((await thrownResponse(() => answersLoader(get(`/assessments/${id}/answers`, { assessmentId: id })))).status).toBe(404);
    const response = await postExpectingResponse(id, "s0", postRequest(`/assessments/${id}/sections/s0`, [["s0.legal_name", "Sneaky"]]));
    expect(response.status).toBe(404);
    expect(snapshot(id)).toEqual([]);
  });

  it("answers 404 for a section the questionnaire does not have", async () => {
    const id = await assessmentIdOf("Kairos Relations K.K.");
    expect((await thrownResponse(() => section(id, "s99"))).status).toBe(404);
    const response = await postExpectingResponse(id, "s99", postRequest(`/assessments/${id}/sections/s99`, [["s99.x", "y"]]));
    expect(response.status).toBe(404);
  });

  it("refuses changes to a finalised assessment with 409 and shows its sections read-only", async () => {
    const id = await assessmentIdOf("Northwind CRM GmbH");
    const before = snapshot(id);
    const response = await postExpectingResponse(id, "s0", postRequest(`/assessments/${id}/sections/s0`, await form(id, "s0", [["s0.legal_name", "Changed"]])));
    expect(response.status).toBe(409);
    expect(snapshot(id)).toEqual(before);
    expect((await section(id, "s0")).view.locked).toBe(true);
  });

  it("turns huge strings, markup, unknown fields and uploads into field messages, never a 500, and loses nothing saved", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const elsewhere = () => snapshot(id).filter((a) => !a.questionId.startsWith("s0."));
    const before = elsewhere();
    const result = await post(
      id,
      "s0",
      await form(id, "s0", [
        ["s0.legal_name", "x".repeat(20_000)],
        ["s0.parent_name", '<script>alert("x")</script><b>Maple</b> Holdings'],
        ["s0.unknown_question", "ignored"],
        ["s5.authorisation", "specific"],
        ["totally.random[3].field", "ignored"],
        ["s0.register_url", "javascript:alert(1)"],
        ["s0.vendor_safeguards", "not-a-safeguard"],
        ["s0.country.na_reason", "y".repeat(5_000)],
        ["s0.parent_country", new Blob(["%PDF"], { type: "application/pdf" })],
      ]),
    );
    expect(result.httpStatus).toBe(422);
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    expect(byField).toEqual({
      "s0.legal_name": "Keep this under 500 characters",
      "s0.register_url": "Enter a web address starting with https://",
      "s0.vendor_safeguards": '"not-a-safeguard" is not one of the options',
      "s0.parent_country": "Upload the file again: the upload was not stored",
    });
    expect(stored(id, "s0.legal_name")?.value).toBe("Maple Ledger CRM Inc.");
    expect(stored(id, "s0.vendor_safeguards")?.value).toEqual(["contract"]);
    // Markup is kept as the text it is; pages escape it.
    expect(stored(id, "s0.parent_name")?.value).toBe('<script>alert("x")</script><b>Maple</b> Holdings');
    expect(elsewhere()).toEqual(before);
  });

  it("refuses malformed control fields and bodies with a 4xx naming the field, and changes nothing", async () => {
    const id = await assessmentIdOf("Maple Ledger CRM Inc.");
    const before = snapshot(id);
    const path = `/assessments/${id}/sections/s1`;
    const raw = (body: string, contentType: string) => {
      const headers = admin.get(path).headers;
      headers.set("Content-Type", contentType);
      return new Request(`http://localhost${path}`, { method: "POST", body, headers });
    };
    const cases: [Request, number, RegExp][] = [
      [postRequest(path, [["intent", "explode"]]), 400, /Field "intent"/],
      [postRequest(path, [["intent", "save"], ["intent", "autosave"]]), 400, /"intent" was sent more than once/],
      [postRequest(path, [["intent", "add-row:s0.parties"]]), 400, /not a question of this section/],
      [postRequest(path, [["intent", "add-row:s1.pinning"]]), 400, /not a table/],
      [postRequest(path, [["s1.pinning.revision", "-1"], ["s1.pinning.fingerprint", "0000000000000000"]]), 400, /"s1.pinning.revision" must be a whole number/],
      [postRequest(path, [["s1.pinning.revision", "1"], ["s1.pinning.fingerprint", "<b>"]]), 400, /"s1.pinning.fingerprint"/],
      [postRequest(path, [["intent", "use-mine:s1.pinning"]]), 400, /theirs_revision/],
      [raw(JSON.stringify({ "s1.pinning": "none" }), "application/json"), 415, /as a form/],
      [raw("x=".padEnd(1_100_000, "a"), "application/x-www-form-urlencoded"), 413, /larger than/],
      [raw("--nope\r\n", "multipart/form-data; boundary=other"), 400, /could not be read/],
    ];
    for (const [request, status, message] of cases) {
      const response = await postExpectingResponse(id, "s1", request);
      expect(response.status).toBe(status);
      expect(await response.text()).toMatch(message);
    }
    expect(snapshot(id)).toEqual(before);
  });
});
