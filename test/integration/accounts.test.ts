import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loginAttempts, outbox, passwordResetTokens, sessions, users } from "#db/schema";
import { hashToken } from "~/auth/tokens.server";
import { totpCode, base32Decode } from "~/auth/totp";
import { getDb } from "~/db.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as outboxLoader } from "~/routes/outbox";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { loader as rootLoader } from "~/root";
import { demoUser, reply, routeArgs, signIn, signedInAs, TestBrowser, type Reply } from "../support/auth";
import { invite, newAssessment } from "../support/portal";

vi.hoisted(() => {
  process.env.APP_KEY = Buffer.alloc(32, 7).toString("base64");
});

const assessor = demoUser("assessor");
const admin = demoUser("admin");

async function whoIs(browser: TestBrowser) {
  const root = browser.receive(await reply(() => rootLoader(routeArgs(browser.get("/")))));
  return (root.data as { user: { name: string; organisationName: string } | null }).user;
}

function sessionCookie(result: Reply): string {
  const line = result.headers.getSetCookie().find((c) => c.startsWith("custodian_session="));
  if (!line) throw new Error("No session cookie was set");
  return line;
}

describe("signing in", () => {
  it("signs the demo assessor in with the README password and shows their name and organisation", async () => {
    const browser = new TestBrowser();
    expect(await whoIs(browser)).toBeNull();
    const result = await signIn(browser, assessor.email, assessor.password);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(await whoIs(browser)).toMatchObject({ name: "Sam Lindqvist", organisationName: "Acme Retail" });
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, not Secure over plain HTTP", async () => {
    const cookie = sessionCookie(await signIn(new TestBrowser(), assessor.email, assessor.password));
    expect(cookie).toMatch(/^custodian_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=604800$/);
  });

  it("marks the session cookie Secure when the request is HTTPS", async () => {
    const cookie = sessionCookie(await signIn(new TestBrowser("https://custodian.example"), assessor.email, assessor.password));
    expect(cookie).toMatch(/; Secure$/);
  });

  it("accepts the email in any case and with spaces around it", async () => {
    const result = await signIn(new TestBrowser(), `  ${assessor.email.toUpperCase()} `, assessor.password);
    expect(result.status).toBe(302);
  });

  it("sends the user back to the page they asked for, but never to another site", async () => {
    for (const [asked, landed] of [
      ["/vendors/abc?tab=flows", "/vendors/abc?tab=flows"],
      ["//evil.example/phish", "/"],
    ]) {
      const browser = new TestBrowser();
      const request = await browser.post("/login", { email: assessor.email, password: assessor.password, redirectTo: asked! });
      expect((await reply(() => loginAction(routeArgs(request)))).location).toBe(landed);
    }
  });

  it("refuses a wrong password with 401, names the email field, never echoes the password, and records the attempt", async () => {
    const browser = new TestBrowser();
    const result = await signIn(browser, assessor.email, "not the password at all");
    expect(result.status).toBe(401);
    expect(result.headers.getSetCookie().some((c) => c.startsWith("custodian_session="))).toBe(false);
    const body = JSON.stringify(result.data);
    expect(body).toContain("The email address or the password is not right");
    expect(body).not.toContain("not the password at all");
    const attempts = getDb().select({ outcome: loginAttempts.outcome }).from(loginAttempts).where(eq(loginAttempts.email, assessor.email)).all();
    expect(attempts.map((a) => a.outcome)).toContain("failed");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const result = await signIn(new TestBrowser(), "nobody@acme-retail.example", "whatever-it-is-123");
    expect(result.status).toBe(401);
    expect(JSON.stringify(result.data)).toContain("The email address or the password is not right");
  });

  it("explains a malformed email with a 400 naming the field", async () => {
    const result = await signIn(new TestBrowser(), "not-an-email", "x");
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ result: { error: { email: ["Enter an email address in the right format, like name@example.com"] } } });
  });

  it("sends a signed-in user away from the sign-in page", async () => {
    const browser = await signedInAs("viewer");
    const result = await reply(() => loginLoader(routeArgs(browser.get("/login?redirectTo=/policy"))));
    expect(result.location).toBe("/policy");
  });
});

describe("throttling sign-in", () => {
  it("after 5 failures for one email within 15 minutes, answers 429 with Retry-After, even to the right password", async () => {
    const viewer = demoUser("viewer");
    const context = { cspNonce: "n", clientIp: "198.51.100.1" };
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn(new TestBrowser(), viewer.email, `wrong-${i}`, context)).status).toBe(401);
    }
    const blocked = await signIn(new TestBrowser(), viewer.email, viewer.password, { cspNonce: "n", clientIp: "198.51.100.2" });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(JSON.stringify(blocked.data)).toContain("Too many failed attempts to sign in. Wait about 15 minutes, then try again.");
    expect(blocked.headers.getSetCookie().some((c) => c.startsWith("custodian_session="))).toBe(false);

    // The refused attempt is recorded but not counted, so the lockout ends with the window.
    const rows = getDb().select({ outcome: loginAttempts.outcome }).from(loginAttempts).where(eq(loginAttempts.email, viewer.email)).all();
    expect(rows.filter((r) => r.outcome === "failed")).toHaveLength(5);
    expect(rows.filter((r) => r.outcome === "throttled")).toHaveLength(1);
  });

  it("after 20 failures from one address, answers 429 to any email from it", async () => {
    const context = { cspNonce: "n", clientIp: "203.0.113.9" };
    for (let i = 0; i < 20; i += 1) {
      expect((await signIn(new TestBrowser(), `guess-${i}@acme-retail.example`, "password1234", context)).status).toBe(401);
    }
    const blocked = await signIn(new TestBrowser(), admin.email, admin.password, context);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await signIn(new TestBrowser(), admin.email, admin.password, { cspNonce: "n", clientIp: "203.0.113.10" })).status).toBe(302);
  });
});

describe("the session", () => {
  it("keeps only a hash of the cookie token in the database", async () => {
    const browser = await signedInAs("legal-reviewer");
    const token = browser.cookies.get("custodian_session")!;
    const ids = getDb().select({ id: sessions.id }).from(sessions).all().map((s) => s.id);
    expect(ids).toContain(hashToken(token));
    expect(ids).not.toContain(token);
  });

  it("ends on sign-out: the row is deleted, the cookie cleared, and the old cookie no longer works", async () => {
    const browser = await signedInAs("assessor");
    const token = browser.cookies.get("custodian_session")!;
    const stolen = new TestBrowser();
    stolen.cookies.set("custodian_session", token);
    expect(await whoIs(stolen)).not.toBeNull();

    const result = browser.receive(await reply(async () => logoutAction(routeArgs(await browser.post("/logout", {})))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?notice=signed-out");
    expect(result.headers.getSetCookie()).toContain("custodian_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    expect(getDb().select().from(sessions).where(eq(sessions.id, hashToken(token))).get()).toBeUndefined();
    expect(await whoIs(browser)).toBeNull();
    expect(await whoIs(stolen)).toBeNull();
  });

  it("starts under a new token at sign-in, so a token planted beforehand is worthless", async () => {
    const browser = new TestBrowser();
    browser.cookies.set("custodian_session", "A".repeat(43));
    await signIn(browser, assessor.email, assessor.password);
    expect(browser.cookies.get("custodian_session")).not.toBe("A".repeat(43));
  });
});

describe("guards for the routes", () => {
  it("send a signed-out visitor to sign in, remembering the page", async () => {
    const result = await reply(() => outboxLoader(routeArgs(new TestBrowser().get("/outbox"))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Foutbox");
  });

  it("answer 403 to a signed-in user whose role may not see the page", async () => {
    const browser = await signedInAs("assessor");
    const result = await reply(() => outboxLoader(routeArgs(browser.get("/outbox"))));
    expect(result.status).toBe(403);
    expect(result.data).toBe("This page is for the roles: administrator. You are signed in as assessor.");
  });
});

describe("CSRF protection", () => {
  it("refuses a form without the token", async () => {
    const browser = await signedInAs("assessor");
    const result = await reply(async () => logoutAction(routeArgs(await browser.post("/logout", {}, { csrf: false }))));
    expect(result.status).toBe(403);
    expect(await whoIs(browser)).not.toBeNull();
  });

  it("refuses a form sent from another site, even carrying a valid token", async () => {
    const browser = await signedInAs("assessor");
    const request = await browser.post("/logout", {}, { headers: { "Sec-Fetch-Site": "cross-site" } });
    expect((await reply(() => logoutAction(routeArgs(request)))).status).toBe(403);
    const sibling = await browser.post("/logout", {}, { headers: { "Sec-Fetch-Site": "same-site" } });
    expect((await reply(() => logoutAction(routeArgs(sibling)))).status).toBe(403);
  });

  it("refuses a token taken from another browser", async () => {
    const attacker = new TestBrowser();
    const attackersToken = await attacker.csrfToken();
    const victim = await signedInAs("assessor");
    const request = await victim.post("/logout", {}, { csrf: false });
    const body = new URLSearchParams({ csrf: attackersToken });
    const forged = new Request(request.url, { method: "POST", headers: request.headers, body });
    expect((await reply(() => logoutAction(routeArgs(forged)))).status).toBe(403);
  });

  it("protects the sign-in form too", async () => {
    const browser = new TestBrowser();
    const request = await browser.post("/login", { email: assessor.email, password: assessor.password }, { csrf: false });
    expect((await reply(() => loginAction(routeArgs(request)))).status).toBe(403);
  });
});

describe("resetting a forgotten password", () => {
  async function askForReset(email: string, clientIp = "192.0.2.50") {
    const browser = new TestBrowser();
    const request = await browser.post("/forgot-password", { email });
    return reply(() => forgotAction(routeArgs(request, {}, { cspNonce: "n", clientIp })));
  }

  // Without SMTP a reset mail is printed to the server's log, never kept in the outbox.
  const serverLog: string[] = [];
  beforeEach(() => {
    vi.spyOn(console, "log").mockImplementation((text: unknown) => void serverLog.push(String(text)));
  });
  afterEach(() => vi.mocked(console.log).mockRestore());

  function lastMailTo(email: string) {
    const printed = serverLog.filter((text) => text.startsWith(`Mail to ${email} `)).at(-1);
    const link = printed?.split("\n").find((line) => line.startsWith("http"));
    return { printed, token: link?.split("/reset-password/")[1] };
  }

  it("mails a one-time link, through the outbox, that sets a new password and signs the user out everywhere", async () => {
    const legal = demoUser("legal-reviewer");
    const elsewhere = await signedInAs("legal-reviewer");
    expect((await askForReset(legal.email)).location).toBe("/forgot-password?sent=1");

    const { printed, token } = lastMailTo(legal.email);
    expect(printed).toContain("Subject: Reset your Custodian password");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const note = getDb().select().from(outbox).where(eq(outbox.recipient, legal.email)).all().at(-1)!;
    expect(note.subject).toBe("Reset your Custodian password");
    expect(note.body).not.toContain(token);

    const page = await reply(() => resetLoader(routeArgs(new TestBrowser().get(`/reset-password/${token}`), { token: token! })));
    expect(page.data).toEqual({ valid: true, email: legal.email });

    const browser = new TestBrowser();
    const newPassword = "fresh-harbour-signal-88";
    const request = await browser.post(`/reset-password/${token}`, { password: newPassword, confirmPassword: newPassword });
    const done = await reply(() => resetAction(routeArgs(request, { token: token! })));
    expect(done.location).toBe("/login?notice=password-reset");

    expect(await whoIs(elsewhere)).toBeNull();
    expect((await signIn(new TestBrowser(), legal.email, legal.password)).status).toBe(401);
    expect((await signIn(new TestBrowser(), legal.email, newPassword)).status).toBe(302);

    const again = await browser.post(`/reset-password/${token}`, { password: "another-one-entirely", confirmPassword: "another-one-entirely" });
    expect((await reply(() => resetAction(routeArgs(again, { token: token! })))).status).toBe(410);
    expect((await reply(() => resetLoader(routeArgs(browser.get("/"), { token: token! })))).status).toBe(410);
  });

  it("shows admins that a reset link was sent at /outbox, and never the link, so no admin can take over another account", async () => {
    await askForReset(assessor.email);
    const { token } = lastMailTo(assessor.email);
    const browser = await signedInAs("admin");
    const page = await reply(() => outboxLoader(routeArgs(browser.get("/outbox"))));
    const messages = (page.data as { messages: { recipient: string; subject: string; lines: string[] }[] }).messages;
    expect(messages[0]).toMatchObject({ recipient: assessor.email, subject: "Reset your Custodian password" });
    expect(messages[0]!.lines.join("\n")).toContain("it is not kept here");
    expect(JSON.stringify(page.data)).not.toContain(token);
  });

  it("gives the same answer for an unknown email, and mails nothing", async () => {
    const before = getDb().select().from(outbox).all().length;
    expect((await askForReset("nobody@acme-retail.example")).location).toBe("/forgot-password?sent=1");
    expect(getDb().select().from(outbox).all()).toHaveLength(before);
  });

  it("refuses an expired link", async () => {
    const viewer = demoUser("viewer");
    await askForReset(viewer.email);
    const { token } = lastMailTo(viewer.email);
    getDb().update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResetTokens.id, hashToken(token!))).run();
    expect((await reply(() => resetLoader(routeArgs(new TestBrowser().get("/"), { token: token! })))).status).toBe(410);
  });

  it("explains a short or mismatched new password, naming the field", async () => {
    const viewer = demoUser("viewer");
    await askForReset(viewer.email);
    const { token } = lastMailTo(viewer.email);
    const browser = new TestBrowser();
    const short = await reply(async () =>
      resetAction(routeArgs(await browser.post("/", { password: "short", confirmPassword: "short" }), { token: token! })),
    );
    expect(short.status).toBe(400);
    expect(short.data).toMatchObject({ result: { error: { password: ["Enter a password of at least 12 characters"] } } });
    const mismatch = await reply(async () =>
      resetAction(routeArgs(await browser.post("/", { password: "long-enough-one-1", confirmPassword: "long-enough-one-2" }), { token: token! })),
    );
    expect(mismatch.data).toMatchObject({ result: { error: { confirmPassword: ["The two passwords do not match: enter the same password twice"] } } });
  });

  it("limits reset requests for one address to 3 an hour", async () => {
    const email = "someone@example.com";
    for (let i = 0; i < 3; i += 1) expect((await askForReset(email, `192.0.2.${100 + i}`)).status).toBe(302);
    const blocked = await askForReset(email, "192.0.2.200");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("two-step sign-in", () => {
  async function accountPage(browser: TestBrowser) {
    const page = await reply(() => accountLoader(routeArgs(browser.get("/account"))));
    return page.data as { twoFactor: { enabled: boolean; pending: { key: string } | null } };
  }
  const post = async (browser: TestBrowser, fields: Record<string, string>) =>
    reply(async () => accountAction(routeArgs(await browser.post("/account", fields))));

  afterEach(() => {
    vi.useRealTimers();
  });

  it("is turned on with a code from the shown key, then asked for after the password, once per code", async () => {
    // Only the clock is faked, so the test can step through 30-second TOTP windows.
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const admin = demoUser("admin");
    const browser = await signedInAs("admin");
    expect((await accountPage(browser)).twoFactor).toEqual({ enabled: false, pending: null });

    expect((await post(browser, { intent: "start-totp" })).status).toBe(302);
    const key = (await accountPage(browser)).twoFactor.pending!.key;
    const secret = base32Decode(key)!;
    expect((await post(browser, { intent: "confirm-totp", code: "000000" })).status).toBe(400);
    expect((await post(browser, { intent: "confirm-totp", code: totpCode(secret, start) })).location).toBe("/account?notice=totp-on");
    expect((await accountPage(browser)).twoFactor.enabled).toBe(true);

    const stored = getDb().select({ secret: users.totpSecret }).from(users).where(eq(users.email, admin.email)).get()!;
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(key.replace(/ /g, ""));

    const next = new TestBrowser();
    const afterPassword = await signIn(next, admin.email, admin.password);
    expect(afterPassword.location).toBe("/login?redirectTo=%2F");
    expect(await whoIs(next)).toBeNull();
    const step = await reply(() => loginLoader(routeArgs(next.get("/login"))));
    expect(step.data).toMatchObject({ step: "code" });

    const wrong = await reply(async () => loginAction(routeArgs(await next.post("/login", { intent: "code", code: "123456" }))));
    expect(wrong.status).toBe(401);

    vi.setSystemTime(start + 30_000);
    const code = totpCode(secret, Date.now());
    const right = next.receive(await reply(async () => loginAction(routeArgs(await next.post("/login", { intent: "code", code })))));
    expect(right.location).toBe("/");
    expect(await whoIs(next)).toMatchObject({ name: "Ada Okafor" });

    const replay = new TestBrowser();
    await signIn(replay, admin.email, admin.password);
    const replayed = await reply(async () => loginAction(routeArgs(await replay.post("/login", { intent: "code", code }))));
    expect(replayed.status).toBe(401);

    vi.setSystemTime(start + 60_000);
    expect((await post(browser, { intent: "disable-totp", code: totpCode(secret, Date.now()) })).location).toBe("/account?notice=totp-off");
    expect((await signIn(new TestBrowser(), admin.email, admin.password)).location).toBe("/");
  });
});

describe("what the database keeps", () => {
  it("holds no password, session token, reset token or vendor link in clear, not even in the outbox, and passwords only as argon2id", async () => {
    const browser = await signedInAs("assessor");
    const sessionToken = browser.cookies.get("custodian_session")!;
    const { token: vendorLink } = await invite(browser, newAssessment("Secret Keeping CRM Ltd"), { name: "Vera Link", email: "vera@secret.example" });
    expect(vendorLink).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hashes = getDb().select({ hash: users.passwordHash }).from(users).all();
    for (const { hash } of hashes) expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    // The vendor link was mailed too: without SMTP its mail is in the outbox, sealed.
    expect(getDb().select().from(outbox).where(eq(outbox.recipient, "vera@secret.example")).all()).toHaveLength(1);
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((text: unknown) => void printed.push(String(text)));
    const reset = await reply(async () => forgotAction(routeArgs(await new TestBrowser().post("/forgot-password", { email: assessor.email }), {}, { cspNonce: "n", clientIp: "192.0.2.77" })));
    log.mockRestore();
    expect(reset.status).toBe(302);
    const resetTokens = printed.flatMap((text) => text.match(/reset-password\/([A-Za-z0-9_-]{43})/)?.[1] ?? []);
    expect(resetTokens).toHaveLength(1);

    const sqlite = getDb().$client;
    const tables = sqlite
      .prepare<unknown[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all()
      .map((t) => t.name);
    expect(tables).toContain("outbox");
    const secrets = [sessionToken, vendorLink!, ...resetTokens, ...["admin", "assessor", "legal-reviewer", "viewer"].map((r) => demoUser(r as "admin").password)];
    for (const table of tables) {
      const dump = JSON.stringify(sqlite.prepare(`select * from "${table}"`).all());
      for (const secret of secrets) expect(dump.includes(secret), `${table} holds a secret in clear`).toBe(false);
    }
  });
});
