import { spawn } from "node:child_process";
import path from "node:path";
import { parseEnv } from "~/env.server";
import { prepareDatabase } from "./prepare-database";

// `npm run dev`: the same database preparation as `npm start`, then Vite's dev server.
const env = parseEnv({ ...process.env, NODE_ENV: "development" });
prepareDatabase(env.DATABASE_PATH);
const child = spawn(
  process.execPath,
  [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:dev", "--port", String(env.PORT)],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "development" } },
);
child.on("exit", (code) => process.exit(code ?? 0));
