import { portfolioPage } from "./bench/portfolio";
import { reportPdf, scoring } from "./bench/report";
import { assessCommand, residencyEngine } from "./bench/residency";
import { formatReport, runBenchmark, type Benchmark } from "./bench/harness";

// `npm run bench [-- NAME ...]`: runs the named benchmarks (default: all) and
// prints one `figure: value` line per figure on standard output; progress goes
// to standard error. `npm run bench -- --list` names them.

/** THE REGISTRY: one line per benchmark (app/cli/bench/<topic>.ts). */
const benchmarks: Benchmark<unknown>[] = [residencyEngine, assessCommand, scoring, reportPdf, portfolioPage];

const args = process.argv.slice(2);
if (args.includes("--list")) {
  for (const b of benchmarks) process.stdout.write(`${b.name}: ${b.description}\n`);
  process.exit(0);
}
const unknown = args.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(", ")}; known: ${benchmarks.map((b) => b.name).join(", ")}\n`);
  process.exit(2);
}

for (const b of benchmarks.filter((b) => args.length === 0 || args.includes(b.name))) {
  process.stderr.write(`bench: ${b.name}: ${b.description}\n`);
  const report = await runBenchmark(b);
  for (const line of formatReport(report, b.decimals)) process.stdout.write(`${line}\n`);
  process.stderr.write(`bench: ${b.name}: median of ${report.runs} runs, ${(report.elapsedMs / 1000).toFixed(1)} s in all\n`);
}
