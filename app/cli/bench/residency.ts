import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataMapSchema, type DataMap } from "~/datamap/schema";
import { assessDataMaps } from "~/residency";
import { generateDataMaps } from "./datamaps";
import { benchmark } from "./harness";

// The budget: `assess` judges an array of 1,000 DataMaps of 20 parties in one call.
export const MAPS = 1_000;
export const PARTIES = 20;

export const residencyEngine = benchmark<DataMap[]>({
  name: "residency",
  description: `the residency engine judging ${MAPS.toLocaleString("en")} generated DataMaps of ${PARTIES} parties in one call`,
  runs: 7,
  warmup: 1,
  budgetMs: 30_000,
  // The CLI parses every map before judging it; so does this.
  setup: () => generateDataMaps(MAPS, PARTIES).map((map) => DataMapSchema.parse(map)),
  run(maps) {
    const started = performance.now();
    const results = assessDataMaps(maps);
    const seconds = (performance.now() - started) / 1000;
    if (results.length !== maps.length) throw new Error("the engine returned fewer results than maps");
    return { datamaps_per_second: maps.length / seconds };
  },
});

interface CliState {
  dir: string;
  file: string;
}

export const assessCommand = benchmark<CliState>({
  name: "assess-cli",
  description: `\`npm run --silent assess -- --data-map FILE\` end to end on the same ${MAPS.toLocaleString("en")} maps`,
  runs: 3,
  budgetMs: 90_000,
  decimals: { assess_cli_seconds: 2, assess_cli_output_megabytes: 1 },
  setup() {
    const dir = mkdtempSync(join(tmpdir(), "custodian-bench-"));
    const file = join(dir, "datamaps.json");
    writeFileSync(file, JSON.stringify(generateDataMaps(MAPS, PARTIES)));
    return { dir, file };
  },
  async run({ file }) {
    const started = performance.now();
    const bytes = await new Promise<number>((resolve, reject) => {
      const child = spawn("npm", ["run", "--silent", "assess", "--", "--data-map", file], { stdio: ["ignore", "pipe", "pipe"] });
      let count = 0;
      let errors = "";
      child.stdout.on("data", (chunk: Buffer) => (count += chunk.length));
      child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 && count > 0 ? resolve(count) : reject(new Error(`assess exited with ${code}:\n${errors}`))));
    });
    return { assess_cli_seconds: (performance.now() - started) / 1000, assess_cli_output_megabytes: bytes / 1_000_000 };
  },
  teardown: ({ dir }) => rmSync(dir, { recursive: true, force: true }),
});
