import { spawnSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { assertChromiumInstalled } from "./chromium";
import { ensureTemplateDatabase } from "./template-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabasePath: string;
  }
}

// Builds the app once for the whole browser run, in production mode: Vitest
// sets NODE_ENV=test, which would otherwise give a development React bundle.
export default function setup(project: TestProject) {
  assertChromiumInstalled();
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build", "--logLevel", "warn"],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  if (result.status !== 0) throw new Error("The app build failed; see the output above.");
  project.provide("templateDatabasePath", ensureTemplateDatabase());
}
