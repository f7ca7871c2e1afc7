import { randomBytes } from "node:crypto";

export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The headers every response carries. The policy is enforced, not
 * report-only: scripts run only from our origin or with the request's nonce,
 * and no page may be framed.
 */
export function securityHeaders(nonce: string, { dev = false } = {}): Record<string, string> {
  // Vite's dev client injects inline scripts without our nonce; only dev relaxes this.
  const scriptSrc = dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
}
