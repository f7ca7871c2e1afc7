import { readFileSync } from "node:fs";
import { runAssess } from "./assess-run";

// `npm run --silent assess -- --data-map FILE --format json` (shared/DESIGN.md).
// exitCode rather than process.exit(), so a large result is fully flushed.
// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

const outcome = runAssess(process.argv.slice(2), { readFile: (path) => readFileSync(path, "utf8") });
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
