import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { inject } from "vitest";
import { copyTemplateDatabase, removeDatabaseFiles } from "./template-db";

export interface RunningApp {
  baseUrl: string;
  databasePath: string;
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built app exactly as `npm start` does (app/cli/start.ts), on a
 * free loopback port with its own copy of the seeded database. The node
 * process is spawned directly so that its PID is the server's.
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freeLoopbackPort();
  const databasePath = copyTemplateDatabase(inject("templateDatabasePath"), "browser");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start within 30 s:\n${output}`)), 30_000);
    const onData = () => {
      if (output.includes("Custodian is running on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with code ${code} before it started:\n${output}`));
    });
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    databasePath,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timeout = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timeout);
      }
      removeDatabaseFiles(databasePath);
    },
  };
}
