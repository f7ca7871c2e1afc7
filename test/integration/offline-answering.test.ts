import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answers, assessments, events, users, vendors } from "#db/schema";
import { getDb } from "~/db.server";
import { waitForJob } from "~/jobs/runner.server";
import { listAnswerStates, saveAnswers } from "~/models/answers.server";
import { answerColumns } from "~/offline/answers-export";
import { text, type Question } from "~/questionnaire";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { loader as answersCsvLoader } from "~/routes/assessment-answers-csv";
import { loader as answersXlsxLoader } from "~/routes/assessment-answers-xlsx";
import { loader as exportJsonLoader } from "~/routes/assessment-export-json";
import { action as importAction, loader as importLoader } from "~/routes/assessment-import";
import { action as importJobAction, loader as importJobLoader } from "~/routes/assessment-import-job";
import { loader as workbookLoader } from "~/routes/assessment-questionnaire-xlsx";
import { reply, routeArgs, signedInAs, type TestBrowser } from "../support/auth";
import { fillWorkbook, insertRowAbove, readRow } from "../support/workbook";

let assessor: TestBrowser;
let viewer: TestBrowser;
beforeAll(async () => {
  assessor = await signedInAs("assessor");
  viewer = await signedInAs("viewer");
});

const questionnaire = getLatestQuestionnaire("hosted-crm")!;
const questions = new Map<string, Question>(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
function label(questionId: string, value: string, column?: string): string {
  const q = questions.get(questionId)!;
  const definition = column && q.type === "table" ? q.columns.find((c) => c.id === column)! : q;
  if (definition.type !== "single" && definition.type !== "multi") throw new Error(`${questionId} has no choices`);
  return text(definition.choices.find((c) => c.value === value)!.label);
}

function assessmentOf(vendorName: string): string {
  return getDb()
    .select({ id: assessments.id })
    .from(assessments)
    .innerJoin(vendors, eq(vendors.id, assessments.vendorId))
    .where(eq(vendors.name, vendorName))
    .get()!.id;
}

async function download(browser: TestBrowser, assessmentId: string): Promise<Uint8Array> {
  const response = await workbookLoader(routeArgs(browser.get(`/assessments/${assessmentId}/questionnaire.xlsx`), { assessmentId }));
  expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  return new Uint8Array(await response.arrayBuffer());
}

async function upload(browser: TestBrowser, assessmentId: string, bytes: Uint8Array | null, name = "answers.xlsx") {
  const form = new FormData();
  form.set("csrf", await browser.csrfToken());
  if (bytes) form.set("workbook", new File([new Uint8Array(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const headers = new Headers(browser.get("/").headers);
  headers.set("Sec-Fetch-Site", "same-origin");
  const request = new Request(`http://localhost/assessments/${assessmentId}/import`, { method: "POST", headers, body: form });
  return reply(() => importAction(routeArgs(request, { assessmentId })));
}

async function preview(browser: TestBrowser, assessmentId: string, jobId: string) {
  return reply(() => importJobLoader(routeArgs(browser.get(`/assessments/${assessmentId}/imports/${jobId}`), { assessmentId, jobId })));
}

type Preview = Awaited<ReturnType<typeof importJobLoader>> extends infer R ? (R extends { data: infer D } ? D : never) : never;

async function uploadAndRead(assessmentId: string, bytes: Uint8Array, name?: string) {
  const started = await upload(assessor, assessmentId, bytes, name);
  expect(started.status).toBe(302);
  const jobId = /\/imports\/([^/]+)$/.exec(started.location ?? "")![1]!;
  await waitForJob(jobId);
  const page = await preview(assessor, assessmentId, jobId);
  return { jobId, status: page.status, data: page.data as Preview };
}

async function confirm(assessmentId: string, jobId: string, intent = "apply") {
  const request = await assessor.post(`/assessments/${assessmentId}/imports/${jobId}`, { intent });
  return reply(() => importJobAction(routeArgs(request, { assessmentId, jobId })));
}

function storedValue(assessmentId: string, questionId: string) {
  return getDb()
    .select({ value: answers.value, naReason: answers.naReason, revision: answers.revision, answeredBy: answers.answeredBy })
    .from(answers)
    .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)))
    .get();
}

describe("answering offline in a workbook", () => {
  it("the workbook has instructions, a sheet per section, drop-downs for choices and the answers saved so far", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    const bytes = await download(viewer, maple);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const visible = workbook.worksheets.filter((s) => s.state === "visible").map((s) => s.name);
    expect(visible[0]).toBe("Instructions");
    expect(visible).toHaveLength(1 + questionnaire.sections.length);
    expect(visible[2]).toBe("2 Where our data is stored");
    const pinning = await readRow(bytes, "s1.pinning");
    expect(pinning?.cells[2]).toBe(label("s1.pinning", "contract"));
    const sheet = workbook.getWorksheet(pinning!.sheet)!;
    const validation = sheet.getCell(`C${pinning!.row}`).dataValidation;
    expect(validation.type).toBe("list");
    expect(validation.formulae?.[0]).toMatch(/^'Lists'!\$[A-Z]+\$1:\$[A-Z]+\$\d+$/);
    expect((await readRow(bytes, "s0.parties[2]"))?.cells.slice(2, 4)).toEqual(["Cedar-Support", "Cedar Outsourcing LLC"]);
    expect(await readRow(bytes, "s0.parties[7]")).not.toBeNull();
    expect((await readRow(bytes, "s4.separation_controls=rls"))?.cells[2]).toBe("");
  });

  it("a filled workbook is previewed change by change, nothing is saved until confirmed, then it is saved as the web form saves", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    const before = storedValue(maple, "s1.change_notice_days")!;
    const filled = await fillWorkbook(await download(assessor, maple), {
      "s1.change_notice_days": { C: 60 },
      "s3.backup_encryption": { C: label("s3.backup_encryption", "in_region") },
      "s3.backup_retention_days": { C: 35 },
      "s4.separation_controls=rls": { C: "Yes" },
      "s4.separation_controls=authz_checks": { C: "yes" },
      "s3.backup_sites[2]": { C: label("s3.backup_sites", "backup", "kind"), D: "Azure-CA", E: "Canada (CA)", F: "No", G: "Yes" },
    });
    const { jobId, status, data } = await uploadAndRead(maple, filled, "maple-answers.xlsx");
    expect(status).toBe(200);
    expect(data.valid).toBe(true);
    const shown = data.result!.preview!;
    expect(shown.errors).toEqual([]);
    expect(shown.changes.map((c) => [c.questionId, c.kind, c.outcome]).sort()).toEqual([
      ["s1.change_notice_days", "changed", "will-save"],
      ["s3.backup_encryption", "added", "will-save"],
      ["s3.backup_retention_days", "added", "will-save"],
      ["s3.backup_sites", "changed", "will-save"],
      ["s4.separation_controls", "added", "will-save"],
    ]);
    const notice = shown.changes.find((c) => c.questionId === "s1.change_notice_days")!;
    expect(notice.before).toEqual({ kind: "text", text: "90 days" });
    expect(notice.after).toEqual({ kind: "text", text: "60 days" });
    expect(notice.sheet).toBe("2 Where our data is stored");
    expect(storedValue(maple, "s1.change_notice_days")).toEqual(before);

    const applied = await confirm(maple, jobId);
    expect(applied.status).toBe(302);
    expect(storedValue(maple, "s1.change_notice_days")).toMatchObject({ value: 60, revision: before.revision + 1, answeredBy: "Sam Lindqvist" });
    expect(storedValue(maple, "s4.separation_controls")?.value).toEqual(["authz_checks", "rls"]);
    expect(storedValue(maple, "s3.backup_sites")?.value).toEqual([
      { kind: "backup", operator: "Azure-CA", region: "CA-QC", automatic_failover: false, consent_required: true },
      { kind: "backup", operator: "Azure-CA", region: "CA", automatic_failover: false, consent_required: true },
    ]);
    const recorded = getDb().select({ type: events.type, actor: events.actor, payload: events.payload }).from(events).where(eq(events.assessmentId, maple)).all();
    expect(recorded.filter((e) => e.type === "answer.changed" && e.actor === "Sam Lindqvist").map((e) => e.payload.questionId).sort()).toEqual([
      "s1.change_notice_days",
      "s3.backup_encryption",
      "s3.backup_retention_days",
      "s3.backup_sites",
      "s4.separation_controls",
    ]);
    const imported = recorded.find((e) => e.type === "answers.imported")!;
    expect(imported.payload).toMatchObject({ fileName: "maple-answers.xlsx", conflicts: [], untouched: [] });
    expect((imported.payload.saved as string[]).sort()).toEqual(["s1.change_notice_days", "s3.backup_encryption", "s3.backup_retention_days", "s3.backup_sites", "s4.separation_controls"]);

    const page = await preview(assessor, maple, jobId);
    expect((page.data as Preview).result?.applied?.saved).toHaveLength(5);
    const again = await confirm(maple, jobId);
    expect(again.status).toBe(409);
  });

  it("a malformed workbook gets an error per cell, by sheet and cell reference, and changes nothing", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    const statesBefore = [...listAnswerStates(getDb(), maple)];
    const eventsBefore = getDb().select({ id: events.id }).from(events).all().length;
    let bytes: Uint8Array = await fillWorkbook(await download(assessor, maple), {
      "s1.change_notice_days": { C: "lots" },
      "s1.pinning": { C: "Sometimes" },
      "s3.backup_sites[1]": { E: "Atlantis (ZZ)" },
      "s4.separation_controls=rls": { C: "perhaps" },
      "s3.last_restore_test": { C: "31/02/2026" },
    });
    bytes = await insertRowAbove(bytes, "s1.change_objection", [null, "My extra note", "Some answer"]);
    const { jobId, status, data } = await uploadAndRead(maple, bytes);
    expect(status).toBe(422);
    expect(data.valid).toBe(false);
    const errors = data.result!.preview!.errors.map((e) => `${e.sheet}!${e.cell} ${e.questionId ?? "-"}: ${e.message}`);
    expect(errors).toEqual([
      "2 Where our data is stored!C34 -: This row has an answer but no reference in column A. Do not insert rows: write in the lines provided.",
      '2 Where our data is stored!C15 s1.pinning: "Sometimes" is not one of the options',
      "2 Where our data is stored!C33 s1.change_notice_days: Enter a number (days), like 30",
      '4 Backup and disaster recovery!E6 s3.backup_sites: "Country or subdivision": "ZZ" is not an ISO 3166-1 country code',
      "4 Backup and disaster recovery!C20 s3.last_restore_test: Enter a real date as YYYY-MM-DD, like 2026-03-31",
      '5 Tenant isolation physical…!C9 s4.separation_controls: Write Yes beside "Row-level security in the database" if it applies, or leave the cell blank (it says "perhaps").',
    ]);
    expect([...listAnswerStates(getDb(), maple)]).toEqual(statesBefore);
    const refused = await confirm(maple, jobId);
    expect(refused.status).toBe(422);
    expect(refused.data).toBe("Fix the cells listed and upload the workbook again: nothing was saved");
    expect([...listAnswerStates(getDb(), maple)]).toEqual(statesBefore);
    expect(getDb().select({ id: events.id }).from(events).all()).toHaveLength(eventsBefore);
  });

  it("an answer changed in Custodian after the workbook was made is never overwritten by it", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    const exported = await download(assessor, maple);
    const db = getDb();
    const admin = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.role, "admin")).get()!;
    const states = listAnswerStates(db, maple);
    const base = (id: string) => ({ revision: states.get(id)!.revision, fingerprint: states.get(id)!.fingerprint });
    const organisationId = db.select({ o: assessments.organisationId }).from(assessments).where(eq(assessments.id, maple)).get()!.o;
    saveAnswers(db, {
      organisationId,
      assessmentId: maple,
      answerer: { userId: admin.id, name: admin.name },
      writes: [
        { questionId: "s1.change_notice_days", answer: { value: 30, naReason: null }, base: base("s1.change_notice_days") },
        { questionId: "s3.backup_retention_days", answer: { value: 14, naReason: null }, base: base("s3.backup_retention_days") },
      ],
    });
    const filled = await fillWorkbook(exported, { "s1.change_notice_days": { C: 120 } });
    const { jobId, data } = await uploadAndRead(maple, filled);
    const changes = data.result!.preview!.changes;
    expect(changes.find((c) => c.questionId === "s1.change_notice_days")).toMatchObject({ outcome: "conflict", storedBy: "Ada Okafor" });
    expect(changes.find((c) => c.questionId === "s3.backup_retention_days")).toMatchObject({ outcome: "kept", storedBy: "Ada Okafor" });
    await confirm(maple, jobId);
    expect(storedValue(maple, "s1.change_notice_days")?.value).toBe(30);
    expect(storedValue(maple, "s3.backup_retention_days")?.value).toBe(14);
    const page = await preview(assessor, maple, jobId);
    expect((page.data as Preview).result?.applied).toMatchObject({ saved: [], conflicts: ["s1.change_notice_days"] });
  });

  it("refuses a file that is not a workbook, a workbook of another assessment, and an upload without a file", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    const kairos = assessmentOf("Kairos Relations K.K.");
    const garbage = await uploadAndRead(maple, new TextEncoder().encode("name,answer\nfoo,bar\n"), "answers.xlsx");
    expect(garbage.status).toBe(422);
    expect(garbage.data.result?.problems?.[0]?.message).toContain("is not an Excel workbook (.xlsx)");
    const other = await uploadAndRead(kairos, await download(assessor, maple));
    expect(other.status).toBe(422);
    expect(other.data.result?.problems).toEqual([
      { sheet: "Custodian", cell: "B2", questionId: null, message: "This workbook was made for another assessment. Download the workbook of this assessment and copy the answers into it." },
    ]);
    const empty = await upload(assessor, maple, null);
    expect(empty.status).toBe(422);
    expect(empty.data).toEqual({ error: 'Field "workbook": choose the filled-in workbook (.xlsx) to upload' });
    const wrongType = await upload(assessor, maple, new Uint8Array([1, 2, 3]), "answers.csv");
    expect(wrongType.data).toEqual({ error: 'Field "workbook": "answers.csv" is not an .xlsx workbook' });
  });

  it("is for assessors: a viewer may download the workbook but not import one", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    expect((await upload(viewer, maple, await download(viewer, maple))).status).toBe(403);
    expect((await reply(() => importLoader(routeArgs(viewer.get(`/assessments/${maple}/import`), { assessmentId: maple })))).status).toBe(403);
  });

  it("a submitted assessment takes no import", async () => {
    const bluebird = assessmentOf("Bluebird Customer Cloud, Inc.");
    const page = await importLoader(routeArgs(assessor.get(`/assessments/${bluebird}/import`), { assessmentId: bluebird }));
    expect(page.locked).toBe(true);
    expect((await upload(assessor, bluebird, await download(assessor, bluebird))).status).toBe(409);
  });
});

describe("exports of one assessment", () => {
  const questionCount = [...questions.values()].length;

  it("as JSON hold every question of the questionnaire, answered or not, with every table row", async () => {
    const northwind = assessmentOf("Northwind CRM GmbH");
    const response = await exportJsonLoader(routeArgs(viewer.get(`/assessments/${northwind}/export.json`), { assessmentId: northwind }));
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="northwind-crm-gmbh-assessment-\d{4}-\d{2}-\d{2}\.json"$/);
    const document = (await response.json()) as {
      format: string;
      sections: { questions: { id: string; answer: { value: unknown } | null }[] }[];
      score: { status: string };
    };
    expect(document.format).toBe("custodian-assessment/1");
    const all = document.sections.flatMap((s) => s.questions);
    expect(all).toHaveLength(questionCount);
    expect(all.filter((q) => q.answer === null).length).toBeGreaterThan(0);
    expect((all.find((q) => q.id === "s0.parties")!.answer!.value as unknown[]).length).toBe(6);
    expect(document.score.status).toBe("scored");
  });

  it("as CSV and XLSX have a line for every question and for every cell of every table row, with formulas neutralised", async () => {
    const maple = assessmentOf("Maple Ledger CRM Inc.");
    const db = getDb();
    const states = listAnswerStates(db, maple);
    const admin = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.role, "admin")).get()!;
    const organisationId = db.select({ o: assessments.organisationId }).from(assessments).where(eq(assessments.id, maple)).get()!.o;
    const s5 = states.get("s5.exit_deletion");
    saveAnswers(db, {
      organisationId,
      assessmentId: maple,
      answerer: { userId: admin.id, name: admin.name },
      writes: [{ questionId: "s5.exit_deletion", answer: { value: '=HYPERLINK("https://evil.example","Click")', naReason: null }, base: s5 ? { revision: s5.revision, fingerprint: s5.fingerprint } : null }],
    });
    const csvResponse = await answersCsvLoader(routeArgs(viewer.get(`/assessments/${maple}/answers.csv`), { assessmentId: maple }));
    expect(csvResponse.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csvResponse.arrayBuffer());
    expect(csv.startsWith(`\uFEFF${answerColumns.join(",")}\r\n`)).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);

    const stored = listAnswerStates(db, maple);
    let expected = 0;
    for (const q of questions.values()) {
      const value = stored.get(q.id)?.value;
      expected += q.type === "table" && Array.isArray(value) && value.length > 0 ? value.length * q.columns.length : 1;
    }
    const xlsxResponse = await answersXlsxLoader(routeArgs(viewer.get(`/assessments/${maple}/answers.xlsx`), { assessmentId: maple }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.getWorksheet("Answers")!;
    expect(sheet.rowCount - 1).toBe(expected);
    const partiesRows: string[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(3).value === "s0.parties" && row.getCell(9).value === "legal_name") partiesRows.push(String(row.getCell(12).value));
    });
    expect(partiesRows).toEqual(["Microsoft Canada Inc.", "Cedar Outsourcing LLC"]);
  });
});
