import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AssessResult } from "~/residency";

// The `assess` command as legal teams script it: a real process, started the
// way package.json starts it (tsx), reading real files.

const root = process.cwd();
const fixtures = join(root, "test/fixtures/datamaps");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const tsx = join(root, "node_modules/.bin/tsx");
const assess = (...args: string[]) => run(tsx, ["app/cli/assess.ts", ...args]);
const assessWithEnv = (env: Record<string, string>, ...args: string[]) => run(tsx, ["app/cli/assess.ts", ...args], env);

describe("npm run assess", () => {
  it("prints the result of one DataMap on standard output, one flow per subject, party and location", async () => {
    const { code, stdout, stderr } = await assess("--data-map", join(fixtures, "eu-vendor-with-us-support.json"), "--format", "json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AssessResult;
    expect(result.rulesVersion).toBe("2026-11-23");
    expect(result.flows).toHaveLength(8);
    const bySubject = result.flows.filter((f) => f.subject === "FR").map((f) => `${f.party} ${f.region} ${f.use} ${f.verdict}`);
    expect(bySubject).toEqual([
      "acme IE storage permitted",
      "acme DE backup permitted",
      "acme-inc US access permitted",
      "helpdesk IN access permitted-with-safeguard",
    ]);
    expect(result.flags.some((f) => f.text.includes("C-703/25 P"))).toBe(true);
  }, 30_000);

  it("runs through the package.json script exactly as documented", async () => {
    const file = join(fixtures, "portfolio.json");
    const viaNpm = await run("npm", ["run", "--silent", "assess", "--", "--data-map", file, "--format", "json"]);
    expect(viaNpm.code).toBe(0);
    const direct = await assess("--data-map", file, "--format", "json");
    expect(JSON.parse(viaNpm.stdout)).toEqual(JSON.parse(direct.stdout));
  }, 60_000);

  it("judges an array of DataMaps and prints the results in the same order", async () => {
    const { code, stdout } = await assess("--data-map", join(fixtures, "portfolio.json"));
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as AssessResult[];
    expect(results.map((r) => r.flows.map((f) => `${f.subject}:${f.region}:${f.verdict}`))).toEqual([
      ["NL:NL:permitted"],
      ["GB:US:non-compliant"],
      ["CH:CH:permitted", "CH:JP:non-compliant"],
    ]);
  }, 30_000);

  it("refuses an array whose fourth map has a bad region, naming the field, with nothing on standard output", async () => {
    const { code, stdout, stderr } = await assess("--data-map", join(fixtures, "invalid-region-in-fourth-map.json"), "--format", "json");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('[3].parties[2].locations[0].region: must be an ISO 3166 code such as "DE" or "CA-QC" (upper case)');
    expect(stderr).not.toMatch(/^\[[0-2]\]/m);
  }, 30_000);

  it("names every schema problem of a single map by its path", async () => {
    const { code, stdout, stderr } = await assess("--data-map", join(fixtures, "vendor-not-first.json"));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("(2 problems)");
    expect(stderr).toContain('parties[1].engagedBy: names "ghost", which is not the id of any party');
    expect(stderr).toContain('parties[0].role: the first party must be the vendor (role "vendor")');
  }, 30_000);

  it("refuses a file that is not JSON and one that cannot be read, with nothing on standard output", async () => {
    const truncated = await assess("--data-map", join(fixtures, "truncated.json"));
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toBe("");
    expect(truncated.stderr).toContain("(root): not valid JSON");

    const missing = await assess("--data-map", join(fixtures, "no-such-map.json"));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("cannot read --data-map");
    expect(missing.stderr).toContain("no-such-map.json");
  }, 30_000);

  it("prints the catalogue with code, name, review date, sources and the facts to verify", async () => {
    const { code, stdout, stderr } = await assess("--jurisdictions", "--format", "json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { code: string; name: string; reviewed: string; sources: unknown[]; verify: unknown[] }[];
    expect(list.map((j) => j.code)).toEqual(expect.arrayContaining(["DE", "NO", "GB", "CH"]));
    for (const entry of list) {
      expect(Object.keys(entry)).toEqual(expect.arrayContaining(["code", "name", "reviewed", "sources", "verify"]));
      expect(entry.sources.length).toBeGreaterThan(0);
    }
  }, 30_000);

  it("writes the residency report of one DataMap as a PDF with --format pdf --out, the same bytes for the same SOURCE_DATE_EPOCH", async () => {
    const dir = mkdtempSync(join(tmpdir(), "custodian-assess-"));
    try {
      const out = join(dir, "report.pdf");
      const map = join(fixtures, "eu-vendor-with-us-support.json");
      const env = { SOURCE_DATE_EPOCH: "1795305600" };
      const first = await assessWithEnv(env, "--data-map", map, "--format", "pdf", "--out", out);
      expect(first).toMatchObject({ code: 0, stdout: "", stderr: "" });
      const bytes = readFileSync(out);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = execFileSync("pdftotext", [out, "-"], { encoding: "utf8" });
      for (const heading of ["Residency report", "Where the data goes", "Flows, legal bases and citations", "Obligations", "Sources"]) {
        expect(text).toContain(heading);
      }
      expect(text).toContain("France (FR)");
      expect(text).toContain("Report date");
      expect(text).toContain("22 Nov 2026");

      const again = join(dir, "again.pdf");
      expect((await assessWithEnv(env, "--data-map", map, "--format", "pdf", "--out", again)).code).toBe(0);
      expect(readFileSync(again).equals(bytes)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses an array of DataMaps for a PDF, naming how many, and writes nothing", async () => {
    const out = join(root, "tmp-assess-test.pdf");
    const pdf = await assess("--data-map", join(fixtures, "portfolio.json"), "--format", "pdf", "--out", out);
    expect(pdf.code).toBe(1);
    expect(pdf.stdout).toBe("");
    expect(pdf.stderr).toContain("--format pdf writes the report of one DataMap;");
    expect(pdf.stderr).toMatch(/portfolio\.json holds an array of 3\. Give one map\./);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it("answers an unknown option with the usage on standard error", async () => {
    const { code, stdout, stderr } = await assess("--datamap", "x.json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Unknown option '--datamap'");
    expect(stderr).toContain("Usage:");
  }, 30_000);
});
