import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function cookiesWith(trustProxy: string) {
  vi.stubEnv("TRUST_PROXY", trustProxy);
  vi.resetModules();
  return import("~/auth/cookies.server");
}

describe("whether a request is HTTPS", () => {
  it("is when the request itself is", async () => {
    const { isSecureRequest } = await cookiesWith("0");
    expect(isSecureRequest(new Request("https://custodian.example/"))).toBe(true);
    expect(isSecureRequest(new Request("http://custodian.example/"))).toBe(false);
  });

  it("believes X-Forwarded-Proto only behind a trusted proxy", async () => {
    const forwarded = () => new Request("http://10.0.0.5/", { headers: { "X-Forwarded-Proto": "https" } });
    expect((await cookiesWith("0")).isSecureRequest(forwarded())).toBe(false);
    expect((await cookiesWith("1")).isSecureRequest(forwarded())).toBe(true);
  });
});

describe("cookies", () => {
  it("are HttpOnly, SameSite=Lax, for the whole site, and Secure only when asked", async () => {
    const { serializeCookie } = await cookiesWith("0");
    expect(serializeCookie("s", "v", { maxAgeSeconds: 60, secure: false })).toBe("s=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(serializeCookie("s", "v", { maxAgeSeconds: 60, secure: true })).toBe("s=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure");
  });

  it("are read by exact name", async () => {
    const { readCookie } = await cookiesWith("0");
    const request = new Request("http://x/", { headers: { Cookie: "xcustodian_session=a; custodian_session=b; other=" } });
    expect(readCookie(request, "custodian_session")).toBe("b");
    expect(readCookie(request, "other")).toBeNull();
    expect(readCookie(request, "missing")).toBeNull();
  });
});

describe("where to go after signing in", () => {
  it("is a path on this site, never another site", async () => {
    const { safeRedirectTo } = await import("~/auth/session.server");
    expect(safeRedirectTo("/vendors/abc?tab=1")).toBe("/vendors/abc?tab=1");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", null]) {
      expect(safeRedirectTo(bad)).toBe("/");
    }
  });
});

describe("the new settings", () => {
  it("need nothing: keys are generated, mail is kept in the outbox, evidence under data/", async () => {
    const { parseEnv } = await import("~/env.server");
    expect(parseEnv({})).toMatchObject({
      APP_KEY_FILE: "data/keys/app.key",
      TRUST_PROXY: 0,
      EVIDENCE_DIR: "data/evidence",
      EVIDENCE_KEY_FILE: "data/keys/evidence.key",
      EVIDENCE_MAX_BYTES: 10 * 1024 * 1024,
    });
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("refuse bad values and name the variable", async () => {
    const { parseEnv } = await import("~/env.server");
    expect(() => parseEnv({ APP_KEY: "too-short" })).toThrow(/APP_KEY must be 32 random bytes in base64/);
    expect(() => parseEnv({ EVIDENCE_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/EVIDENCE_KEY must be 32/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be a number of proxies/);
    expect(() => parseEnv({ EVIDENCE_MAX_BYTES: "0" })).toThrow(/EVIDENCE_MAX_BYTES must be at least 1/);
    expect(() => parseEnv({ APP_URL: "ftp://x" })).toThrow(/APP_URL must be an http or https URL/);
  });
});
