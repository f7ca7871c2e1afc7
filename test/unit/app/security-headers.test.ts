import { describe, expect, it } from "vitest";
import { newCspNonce, securityHeaders } from "~/server/security-headers";

describe("security headers", () => {
  const headers = securityHeaders("abc123");

  it("enforce a Content-Security-Policy (not report-only) that admits scripts only from our origin or with the nonce", () => {
    const csp = headers["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(headers).not.toHaveProperty("Content-Security-Policy-Report-Only");
  });

  it("forbid framing, MIME sniffing and full referrers", () => {
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("use a fresh, unguessable nonce each time", () => {
    const a = newCspNonce();
    const b = newCspNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});
