import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { newId } from "#db/ids";
import { assessments, evidenceFiles, jobs, users, vendorInvitations, vendors, type UserRole } from "#db/schema";
import { hashPasswordSync } from "~/auth/password.server";
import { getDb } from "~/db.server";
import routeConfig from "~/routes";
import { pdf } from "../unit/evidence/fixtures";
import { reply, routeArgs, signIn, signedInAs, TestBrowser, type Reply } from "../support/auth";
import { formPost, invite, newAssessment, otherOrganisation, renderedSection } from "../support/portal";

// Every URL of app/routes.ts, walked by everyone who might ask: each gets
// exactly what it may. A route missing from the table below fails the first
// test, so a new page must say who may read it and who may change anything.

vi.hoisted(() => {
  process.env.APP_KEY = Buffer.alloc(32, 21).toString("base64");
  process.env.EVIDENCE_KEY = Buffer.alloc(32, 22).toString("base64");
  process.env.EVIDENCE_DIR = `${process.cwd()}/.cache/test-evidence/access-${process.pid}-${Date.now()}`;
});

const everyone: readonly UserRole[] = ["admin", "assessor", "legal-reviewer", "viewer"];
const assessors: readonly UserRole[] = ["admin", "assessor"];
const legal: readonly UserRole[] = ["admin", "legal-reviewer"];
const commenters: readonly UserRole[] = ["admin", "assessor", "legal-reviewer"];
const admins: readonly UserRole[] = ["admin"];

type Access =
  /** A page of the buyer's staff: who may read it (or "redirect": it only points elsewhere), who may post to it. */
  | { kind: "buyer"; read: readonly UserRole[] | "redirect"; write?: readonly UserRole[] }
  /** A page of the vendor portal, opened by a vendor link. */
  | { kind: "portal"; write: boolean }
  /** Sign-in and the pages around it: what a visitor without a session gets. */
  | { kind: "public"; anonymousStatus: number; write: boolean };

const access: Record<string, Access> = {
  "/": { kind: "buyer", read: everyone },
  "vendors/:vendorId": { kind: "buyer", read: everyone },
  "vendors/:vendorId/next-cycle": { kind: "buyer", read: assessors, write: assessors },
  "assessments/:assessmentId": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/sections/:sectionId": { kind: "buyer", read: everyone, write: assessors },
  "assessments/:assessmentId/answers": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/scope": { kind: "buyer", read: everyone, write: assessors },
  "assessments/:assessmentId/score": { kind: "buyer", read: "redirect", write: legal },
  "assessments/:assessmentId/report": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/report.pdf": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/changes": { kind: "buyer", read: everyone, write: assessors },
  "assessments/:assessmentId/questionnaire.xlsx": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/import": { kind: "buyer", read: assessors, write: assessors },
  "assessments/:assessmentId/imports/:jobId": { kind: "buyer", read: assessors, write: assessors },
  "assessments/:assessmentId/export.json": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/answers.xlsx": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/answers.csv": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/invitations": { kind: "buyer", read: everyone, write: assessors },
  "assessments/:assessmentId/questions/:questionId": { kind: "buyer", read: everyone, write: commenters },
  "assessments/:assessmentId/review": { kind: "buyer", read: everyone, write: commenters },
  "assessments/:assessmentId/audit": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/audit.jsonl": { kind: "buyer", read: everyone },
  "assessments/:assessmentId/evidence/:evidenceId": { kind: "buyer", read: everyone },
  policy: { kind: "buyer", read: everyone, write: legal },
  portfolio: { kind: "buyer", read: everyone, write: assessors },
  "portfolio/cadence": { kind: "buyer", read: everyone, write: assessors },
  compare: { kind: "buyer", read: everyone },
  "compare.pdf": { kind: "buyer", read: everyone },
  "jobs/:jobId": { kind: "buyer", read: everyone },
  "jobs/:jobId/file": { kind: "buyer", read: everyone },
  account: { kind: "buyer", read: everyone, write: everyone },
  outbox: { kind: "buyer", read: admins },
  settings: { kind: "buyer", read: admins, write: admins },
  "portal/:token": { kind: "portal", write: false },
  "portal/:token/sections/:sectionId": { kind: "portal", write: true },
  "portal/:token/questions/:questionId": { kind: "portal", write: true },
  "portal/:token/check": { kind: "portal", write: true },
  "portal/:token/evidence/:evidenceId": { kind: "portal", write: false },
  "portal/:token/questionnaire.xlsx": { kind: "portal", write: false },
  "portal/:token/import": { kind: "portal", write: true },
  "portal/:token/imports/:jobId": { kind: "portal", write: true },
  login: { kind: "public", anonymousStatus: 200, write: true },
  logout: { kind: "public", anonymousStatus: 302, write: true },
  "forgot-password": { kind: "public", anonymousStatus: 200, write: true },
  "reset-password/:token": { kind: "public", anonymousStatus: 410, write: true },
  "*": { kind: "public", anonymousStatus: 404, write: false },
};

interface RouteModule {
  loader?: (args: ReturnType<typeof routeArgs>) => unknown;
  action?: (args: ReturnType<typeof routeArgs>) => unknown;
}
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const routes = routeConfig.map((r) => ({ path: r.index ? "/" : r.path!, file: r.file }));

async function moduleOf(file: string): Promise<RouteModule> {
  const load = modules[`../../app/${file}`];
  if (!load) throw new Error(`No module for ${file}`);
  return load();
}

/** Acme's own ids, and a second organisation's admin who must see none of them. */
interface World {
  ids: Record<string, string>;
  otherAssessmentToken: string;
  expiredToken: string;
  revokedToken: string;
  viewer: TestBrowser;
  stranger: TestBrowser;
}
let world: World;
let ip = 0;
/** A distinct client address per request, so the vendor-link limits never mix into what is tested here. */
const context = () => ({ cspNonce: "test", clientIp: `198.18.${Math.floor(++ip / 250)}.${ip % 250}` });

beforeAll(async () => {
  const db = getDb();
  const assessor = await signedInAs("assessor");
  const assessmentId = newAssessment("Access Check CRM Ltd", { without: ["s1.pinning"] });
  const first = await invite(assessor, assessmentId, { name: "Una Vendor", email: "una@access.example" });
  const vendor = new TestBrowser();
  const { loader: sectionLoader, action: sectionAction } = await moduleOf("routes/portal-section.tsx");
  const view = ((await sectionLoader!(routeArgs(vendor.get(`/portal/${first.token}/sections/s1`), { token: first.token!, sectionId: "s1" }, context()))) as { view: Parameters<typeof renderedSection>[0] }).view;
  const upload = await formPost(vendor, `/portal/${first.token}/sections/s1`, [
    ...renderedSection(view),
    ["intent", "upload:s1.location_evidence"],
    ["s1.location_evidence.upload", new Blob([new Uint8Array(pdf())], { type: "application/pdf" }), "annex.pdf"],
  ]);
  await reply(async () => sectionAction!(routeArgs(upload, { token: first.token!, sectionId: "s1" }, context())));
  const evidenceId = db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.assessmentId, assessmentId)).get()!.id;

  const otherAssessment = newAssessment("Other Link CRM Ltd");
  const other = await invite(assessor, otherAssessment, { name: "Vic Other", email: "vic@other.example" });
  const expired = await invite(assessor, assessmentId, { name: "Ed Expired", email: "ed@access.example", days: "1" });
  db.update(vendorInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(vendorInvitations.contactEmail, "ed@access.example")).run();
  const revoked = await invite(assessor, assessmentId, { name: "Rae Revoked", email: "rae@access.example" });
  db.update(vendorInvitations).set({ revokedAt: new Date() }).where(eq(vendorInvitations.contactEmail, "rae@access.example")).run();

  const row = db.select({ organisationId: assessments.organisationId, vendorId: assessments.vendorId }).from(assessments).where(eq(assessments.id, assessmentId)).get()!;
  const jobId = newId();
  // A workbook import uploaded through the first vendor link: the buyer's pages and that link's portal page both open it.
  const firstInvitation = db.select({ id: vendorInvitations.id }).from(vendorInvitations).where(eq(vendorInvitations.contactEmail, "una@access.example")).get()!.id;
  db.insert(jobs)
    .values({
      id: jobId,
      organisationId: row.organisationId,
      kind: "answers-import",
      assessmentId,
      state: "succeeded",
      input: { fileName: "answers.xlsx", invitationId: firstInvitation },
      createdBy: "Una Vendor (Access Check CRM Ltd)",
      updatedAt: new Date(),
    })
    .run();

  const globex = otherOrganisation("Globex Corporation");
  db.insert(users)
    .values({ id: newId(), organisationId: globex.organisationId, email: "admin@globex.example", name: "Hank Scorpio", role: "admin", passwordHash: hashPasswordSync("volcano-lair-monorail-99") })
    .run();
  const stranger = new TestBrowser();
  expect((await signIn(stranger, "admin@globex.example", "volcano-lair-monorail-99")).status).toBe(302);

  world = {
    ids: { assessmentId, vendorId: row.vendorId, sectionId: "s1", questionId: "s1.facilities", evidenceId, jobId, token: first.token! },
    otherAssessmentToken: other.token!,
    expiredToken: expired.token!,
    revokedToken: revoked.token!,
    viewer: await signedInAs("viewer"),
    stranger,
  };
});

function fill(path: string, ids: Record<string, string>): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const url = path === "/" ? "/" : `/${path.replace(/:(\w+)/g, (_m, name: string) => (params[name] = ids[name] ?? `unknown-${name}`))}`;
  return { url: url.replace("/*", "/no/such/page"), params: path === "*" ? { "*": "no/such/page" } : params };
}

async function load(browser: TestBrowser, file: string, url: string, params: Record<string, string>): Promise<Reply> {
  const mod = await moduleOf(file);
  return reply(async () => mod.loader!(routeArgs(browser.get(url), params, context())));
}

async function act(browser: TestBrowser, file: string, url: string, params: Record<string, string>): Promise<Reply> {
  const mod = await moduleOf(file);
  const request = await formPost(browser, url, []);
  return reply(async () => mod.action!(routeArgs(request, params, context())));
}

const toLogin = (r: Reply) => r.status === 302 && (r.location ?? "").startsWith("/login");
const allowed = (r: Reply) => r.status < 500 && r.status !== 403 && r.status !== 401 && !toLogin(r);
const mentionsAcme = (r: Reply) => /Acme Retail|Northwind|Access Check CRM/.test(typeof r.data === "string" ? r.data : JSON.stringify(r.data ?? null));

describe("the route table", () => {
  it("classifies every route of app/routes.ts, and lists none that does not exist", () => {
    const paths = routes.map((r) => r.path);
    expect(paths.filter((p) => !(p in access)), "routes without an access rule: add them to the table").toEqual([]);
    expect(Object.keys(access).filter((p) => !paths.includes(p)), "rules for routes that no longer exist").toEqual([]);
  });
});

describe.each(routes.map((r) => [r.path, r.file] as const))("%s", (path, file) => {
  const rule = access[path]!;

  it("answers a visitor without a session as it should", async () => {
    const mod = await moduleOf(file);
    const anonymous = new TestBrowser();
    const { url, params } = fill(path, rule.kind === "portal" ? { ...world.ids, token: "A".repeat(43) } : world.ids);
    if (mod.loader) {
      const result = await load(anonymous, file, url, params);
      if (rule.kind === "buyer") expect(rule.read === "redirect" ? result.status === 302 && !mentionsAcme(result) : toLogin(result), `GET ${url}`).toBe(true);
      if (rule.kind === "portal") expect(result.status, `GET ${url}`).toBe(404);
      if (rule.kind === "public") expect(result.status, `GET ${url}`).toBe(rule.anonymousStatus);
    }
    if (mod.action) {
      const result = await act(anonymous, file, url, params);
      if (rule.kind === "buyer") expect(toLogin(result), `POST ${url}`).toBe(true);
      if (rule.kind === "portal") expect(result.status, `POST ${url}`).toBe(404);
      if (rule.kind === "public") expect(result.status, `POST ${url}`).toBeLessThan(500);
    }
    expect(Boolean(mod.action), "a route that takes posts says who may post").toBe(rule.kind === "buyer" ? Boolean(rule.write) : rule.write);
  });

  if (rule.kind === "buyer") {
    it("gives a viewer what viewers may read, and refuses them every change", async () => {
      const mod = await moduleOf(file);
      const { url, params } = fill(path, world.ids);
      if (mod.loader && rule.read !== "redirect") {
        const result = await load(world.viewer, file, url, params);
        if (rule.read.includes("viewer")) expect(allowed(result), `GET ${url}: ${result.status} ${String(result.data).slice(0, 200)}`).toBe(true);
        else expect(result.status, `GET ${url}`).toBe(403);
      }
      if (mod.action && rule.write && !rule.write.includes("viewer")) expect((await act(world.viewer, file, url, params)).status, `POST ${url}`).toBe(403);
    });

    it("shows a user of another organisation nothing of Acme Retail's", async () => {
      const mod = await moduleOf(file);
      const { url, params } = fill(path, world.ids);
      const scoped = Object.keys(params).length > 0;
      if (mod.loader) {
        const result = await load(world.stranger, file, url, params);
        if (scoped && rule.read !== "redirect") expect(result.status, `GET ${url}`).toBe(404);
        else expect(mentionsAcme(result), `GET ${url} shows Acme's data`).toBe(false);
      }
      // An empty form may be refused before the assessment is looked up (400); otherwise it is not found.
      if (mod.action && scoped) expect([400, 404], `POST ${url}`).toContain((await act(world.stranger, file, url, params)).status);
    });

    it("is closed to a vendor link: a vendor has no session", async () => {
      const mod = await moduleOf(file);
      const vendor = new TestBrowser();
      await load(vendor, "routes/portal.tsx", `/portal/${world.ids.token}`, { token: world.ids.token! });
      const { url, params } = fill(path, world.ids);
      if (mod.loader && rule.read !== "redirect") expect(toLogin(await load(vendor, file, url, params)), `GET ${url}`).toBe(true);
      if (mod.action) expect(toLogin(await act(vendor, file, url, params)), `POST ${url}`).toBe(true);
    });
  }

  if (rule.kind === "portal") {
    it("opens for its own vendor link", async () => {
      const { url, params } = fill(path, world.ids);
      const result = await load(new TestBrowser(), file, url, params);
      expect(result.status, `GET ${url}`).toBe(200);
    });

    it("refuses another assessment's vendor link for this assessment's files and shows only that assessment", async () => {
      const { url, params } = fill(path, { ...world.ids, token: world.otherAssessmentToken });
      const result = await load(new TestBrowser(), file, url, params);
      if ("evidenceId" in params) expect(result.status, `GET ${url}`).toBe(404);
      else expect(JSON.stringify(result.data)).not.toContain("Access Check CRM");
    });

    it.each([
      ["an expired", () => world.expiredToken],
      ["a withdrawn", () => world.revokedToken],
    ])("answers %s link with 410, reading or writing", async (_label, token) => {
      const mod = await moduleOf(file);
      const { url, params } = fill(path, { ...world.ids, token: token() });
      expect((await load(new TestBrowser(), file, url, params)).status, `GET ${url}`).toBe(410);
      if (mod.action) expect((await act(new TestBrowser(), file, url, params)).status, `POST ${url}`).toBe(410);
    });
  }
});

describe("vendor links", () => {
  it("throttle an address that tries links that do not work, with Retry-After", async () => {
    const { loader } = await moduleOf("routes/portal.tsx");
    const from = { cspNonce: "test", clientIp: "203.0.113.77" };
    const tries: Reply[] = [];
    for (let i = 0; i < 11; i += 1) {
      const token = `${String(i).padStart(2, "0")}${"B".repeat(41)}`;
      tries.push(await reply(async () => loader!(routeArgs(new TestBrowser().get(`/portal/${token}`), { token }, from))));
    }
    expect(tries.slice(0, 10).map((t) => t.status)).toEqual(Array(10).fill(404));
    expect(tries[10]!.status).toBe(429);
    expect(Number(tries[10]!.headers.get("Retry-After"))).toBeGreaterThan(0);
    const good = await reply(async () => loader!(routeArgs(new TestBrowser().get(`/portal/${world.ids.token}`), { token: world.ids.token! }, from)));
    expect(good.status).toBe(429);
  });

  it("are not cached or passed on in a Referer", async () => {
    const mod = (await moduleOf("routes/portal.tsx")) as RouteModule & { headers?: () => Record<string, string> };
    expect(mod.headers?.()).toEqual({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
  });
});

describe("tenancy", () => {
  it("keeps one organisation's vendors out of another's dashboard", async () => {
    const allVendors = getDb().select({ name: vendors.name }).from(vendors).all().map((v) => v.name);
    expect(allVendors).toContain("Access Check CRM Ltd");
    const { loader } = await moduleOf("routes/dashboard.tsx");
    const page = await reply(async () => loader!(routeArgs(world.stranger.get("/"), {}, context())));
    expect(JSON.stringify(page.data)).not.toContain("Access Check CRM Ltd");
  });
});
