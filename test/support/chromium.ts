import { existsSync } from "node:fs";

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Browser tests are never skipped: without Chromium the run stops with one line saying how to get it. */
export function assertChromiumInstalled() {
  const executable = chromiumPath();
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
}
