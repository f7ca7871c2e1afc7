import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { newCspNonce, securityHeaders } from "./security-headers";

export interface AppLoadContext {
  cspNonce: string;
  /** The client's address, through TRUST_PROXY proxies; absent outside this server (dev, tests). */
  clientIp?: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp?: string;
  }
}

/** The production HTTP app: security headers on every response, static assets, then Remix. */
export function createHttpApp(build: ServerBuild, { buildDir = "build", trustProxy = 0 } = {}) {
  const app = express();
  app.disable("x-powered-by");
  // A number of hops, never `true`: trusting every X-Forwarded-For would let a client pick its own address.
  app.set("trust proxy", trustProxy);
  app.use((_req, res, next) => {
    const nonce = newCspNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce));
    next();
  });
  const clientDir = path.resolve(buildDir, "client");
  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(clientDir, { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientIp: req.ip }),
    }),
  );
  return app;
}
