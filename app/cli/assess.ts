import { once } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import { runAssess } from "./assess-run";

// `npm run --silent assess -- --data-map FILE [--format json | --format pdf --out FILE]` (shared/DESIGN.md).

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const outcome = runAssess(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
});
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
if (outcome.pdf) {
  try {
    writeFileSync(outcome.pdf.out, await outcome.pdf.render());
  } catch (error) {
    process.stderr.write(`assess: cannot write --out ${outcome.pdf.out}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
for (const chunk of outcome.stdout) {
  // Wait for a slow reader rather than buffer the whole result in memory.
  if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
}
