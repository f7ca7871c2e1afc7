import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { demoUsers } from "#db/seed-demo-data";
import { action as loginAction } from "~/routes/login";
import { loader as rootLoader } from "~/root";

// Integration-test helpers for signed-in requests: a cookie jar that behaves
// like a browser, the CSRF token every form needs, and one shape for whatever
// a loader or action returns or throws (Response, data(), plain object).

export type DemoRole = "admin" | "assessor" | "legal-reviewer" | "viewer";

export function demoUser(role: DemoRole) {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`No demo ${role}`);
  return user;
}

export interface Reply {
  status: number;
  headers: Headers;
  data: unknown;
  /** Where a redirect points, else null. */
  location: string | null;
}

function isDataWithInit(value: unknown): value is { type: string; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** Runs a loader or action and normalises what it returns or throws. */
export async function reply(run: () => unknown): Promise<Reply> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    value = error;
  }
  if (value instanceof Response) {
    const text = await value.text();
    return { status: value.status, headers: value.headers, data: text, location: value.headers.get("Location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, headers, data: value.data, location: null };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

export const TEST_CLIENT_IP = "192.0.2.10";

export function routeArgs(
  request: Request,
  params: Record<string, string> = {},
  context: AppLoadContext = { cspNonce: "test-nonce", clientIp: TEST_CLIENT_IP },
): ActionFunctionArgs {
  return { request, params, context };
}

/** A browser's cookies across requests, and the requests it would send. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly origin = "http://localhost") {}

  /** Keeps the cookies a reply sets (Max-Age=0 deletes). */
  receive(reply: Reply): Reply {
    for (const line of reply.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((a) => a.trim().toLowerCase() === "max-age=0");
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return reply;
  }

  private headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers({ "User-Agent": "TestBrowser/1.0", ...extra });
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return headers;
  }

  get(path: string, extra: Record<string, string> = {}): Request {
    return new Request(`${this.origin}${path}`, { headers: this.headers(extra) });
  }

  /** The token the page's forms carry, as the root loader renders it (setting the CSRF cookie on first visit). */
  async csrfToken(): Promise<string> {
    const root = this.receive(await reply(() => rootLoader(routeArgs(this.get("/")))));
    return (root.data as { csrfToken: string }).csrfToken;
  }

  /** A form POST from one of our pages: same origin, with the CSRF token unless `csrf: false`. */
  async post(
    path: string,
    fields: Record<string, string>,
    { csrf = true, headers = {} }: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Request> {
    const body = new URLSearchParams(fields);
    if (csrf) body.set("csrf", await this.csrfToken());
    return new Request(`${this.origin}${path}`, {
      method: "POST",
      headers: this.headers({ "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", ...headers }),
      body,
    });
  }
}

/** Signs a browser in through the real login action; returns the action's reply. */
export async function signIn(browser: TestBrowser, email: string, password: string, context?: AppLoadContext): Promise<Reply> {
  const request = await browser.post("/login", { email, password, redirectTo: "/" });
  return browser.receive(await reply(() => loginAction(routeArgs(request, {}, context))));
}

/** A browser signed in as one of the demo users. */
export async function signedInAs(role: DemoRole): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const user = demoUser(role);
  const result = await signIn(browser, user.email, user.password);
  if (result.status !== 302) throw new Error(`Signing in as ${role} failed: ${result.status} ${JSON.stringify(result.data)}`);
  return browser;
}
