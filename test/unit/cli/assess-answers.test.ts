import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoVendors } from "#db/seed-demo-data";
import { runAssess } from "~/cli/assess-run";
import { parseAssessArgs } from "~/cli/assess-options";
import type { AssessResult } from "~/residency";

// `assess --answers FILE --questionnaire ID`: the same result as the DataMap
// path, from the answers a legal team already has.

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "assess-answers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const northwind = demoVendors.find((v) => v.name === "Northwind CRM GmbH")!.assessment;
const northwindDocument = { scope: northwind.scope, answers: northwind.answers };

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function run(args: string[]) {
  const out = runAssess(args, { readFile: (path) => readFileSync(path, "utf8") });
  return { ...out, stdout: [...out.stdout].join("") };
}

function processRun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(root, "node_modules/.bin/tsx"), ["app/cli/assess.ts", ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("assess --answers", () => {
  it("reads the answers file and the questionnaire id, with or without a version", () => {
    expect(parseAssessArgs(["--answers", "a.json", "--questionnaire", "hosted-crm"])).toEqual({
      kind: "assess-answers",
      answers: "a.json",
      questionnaire: "hosted-crm",
      format: "json",
    });
    expect(parseAssessArgs(["--answers", "a.json", "--questionnaire", "hosted-crm@1.0.0"]).kind).toBe("assess-answers");
  });

  it("refuses an incomplete or mixed command line as a usage error", () => {
    expect(parseAssessArgs(["--answers", "a.json"])).toEqual({ kind: "usage-error", message: "--answers FILE needs --questionnaire ID, e.g. hosted-crm" });
    expect(parseAssessArgs(["--questionnaire", "hosted-crm"]).kind).toBe("usage-error");
    expect(parseAssessArgs(["--answers", "a.json", "--questionnaire", "hosted-crm", "--data-map", "m.json"]).kind).toBe("usage-error");
    expect(parseAssessArgs(["--answers", "a.json", "--questionnaire", "Hosted CRM"])).toEqual({
      kind: "usage-error",
      message: '--questionnaire must be an id such as hosted-crm or hosted-crm@1.0.0, not "Hosted CRM"',
    });
  });

  it("gives exactly the result of --data-map on the DataMap the answers derive, as a real process", async () => {
    const answersFile = file("northwind.json", northwindDocument);
    const fromAnswers = await processRun(["--answers", answersFile, "--questionnaire", "hosted-crm@1.0.0", "--format", "json"]);
    expect(fromAnswers.code).toBe(0);
    const result = JSON.parse(fromAnswers.stdout) as AssessResult;
    expect(result.flows.some((f) => f.party === "support-in" && f.region === "IN" && f.use === "access")).toBe(true);

    const { deriveDataMap } = await import("~/datamap/derive");
    const { getQuestionnaire } = await import("~/questionnaire/registry.server");
    const answers = Object.fromEntries(
      Object.entries(northwind.answers).map(([id, v]) =>
        typeof v === "object" && !Array.isArray(v) ? [id, { value: null, naReason: v.na }] : [id, { value: v, naReason: null }],
      ),
    );
    const { dataMap } = deriveDataMap(getQuestionnaire("hosted-crm", "1.0.0")!, answers, northwindDocument.scope as never);
    const fromMap = await processRun(["--data-map", file("northwind-map.json", dataMap)]);
    expect(fromMap.code).toBe(0);
    expect(fromAnswers.stdout).toBe(fromMap.stdout);
  }, 60_000);

  it("takes the newest published version for a bare id", () => {
    const answersFile = file("bare.json", northwindDocument);
    const bare = run(["--answers", answersFile, "--questionnaire", "hosted-crm"]);
    const pinned = run(["--answers", answersFile, "--questionnaire", "hosted-crm@1.0.0"]);
    expect(bare.exitCode).toBe(0);
    expect(bare.stdout).toBe(pinned.stdout);
  });

  it("says on standard error what the answers could not tell, and still judges what they did", () => {
    const partial = file("partial.json", {
      scope: { subjects: ["FR"], categories: ["contact"], sector: "general" },
      answers: { "s0.legal_name": "Petit CRM SAS", "s0.country": "FR", "s1.storage_countries": ["FR"] },
    });
    const { exitCode, stdout, stderr } = run(["--answers", partial, "--questionnaire", "hosted-crm"]);
    expect(exitCode).toBe(0);
    expect(stderr).toContain("assess: note: no backup location answered (s3.backup_sites)");
    const result = JSON.parse(stdout) as AssessResult;
    expect(result.flows.map((f) => `${f.subject} ${f.party} ${f.region} ${f.use} ${f.verdict}`)).toEqual(["FR vendor FR storage permitted"]);
  });

  it("judges an array of answers documents into an array of results, in order", () => {
    const array = file("array.json", [northwindDocument, { scope: { subjects: ["DE"], categories: [], sector: "general" }, answers: {} }]);
    const { exitCode, stdout } = run(["--answers", array, "--questionnaire", "hosted-crm"]);
    expect(exitCode).toBe(0);
    const results = JSON.parse(stdout) as AssessResult[];
    expect(results).toHaveLength(2);
    expect(results[0]!.flows.length).toBeGreaterThan(10);
    expect(results[1]!.flows).toEqual([]);
  });

  it("marks the parties the buyer has not approved as unauthorised", () => {
    const withList = file("unauthorised.json", { ...northwindDocument, unauthorisedParties: ["Helpdesk"] });
    const result = JSON.parse(run(["--answers", withList, "--questionnaire", "hosted-crm"]).stdout) as AssessResult;
    expect(result.flags.some((f) => f.severity === "high" && f.text.startsWith("Tessellate Helpdesk Inc. (helpdesk) is not on the buyer's approved subprocessor list"))).toBe(true);
  });

  it("names every field at fault and prints nothing on standard output", () => {
    const bad = file("bad.json", {
      scope: { subjects: ["Germany"], categories: ["contact"], sector: "general" },
      answers: {},
    });
    const scope = run(["--answers", bad, "--questionnaire", "hosted-crm"]);
    expect(scope.exitCode).toBe(1);
    expect(scope.stdout).toBe("");
    expect(scope.stderr).toContain("scope.subjects[0]: must be an ISO 3166 code");

    const answers = file("bad-answers.json", [
      northwindDocument,
      {
        scope: { subjects: ["DE"], categories: [], sector: "general" },
        answers: {
          "s0.no_such_question": "x",
          "s0.country": "Germany",
          "s0.parties": [{ key: "AWS", legal_name: "AWS", role: "subprocessor", country: "ZZ", colour: "blue" }],
          "s3.backup_encryption": { na: 3 },
        },
      },
    ]);
    const { exitCode, stdout, stderr } = run(["--answers", answers, "--questionnaire", "hosted-crm"]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("[1].answers.s0.no_such_question: is not a question of hosted-crm 1.0.0");
    expect(stderr).toContain("[1].answers.s0.country: ");
    expect(stderr).toContain("[1].answers.s0.parties[0].colour: is not a column of s0.parties");
    expect(stderr).toContain("[1].answers.s0.parties[0].country: ");
    expect(stderr).toContain('[1].answers.s3.backup_encryption: must be a string, number, boolean, list, table rows or { "na": "reason" }');
    // The first document is valid: no problem starts with its index.
    expect(stderr).not.toMatch(/^\[0\]/m);
  });

  it("refuses a questionnaire that is not installed, and a file that is not JSON", () => {
    const ok = file("ok.json", northwindDocument);
    const missing = run(["--answers", ok, "--questionnaire", "hosted-crm@9.0.0"]);
    expect(missing).toMatchObject({ exitCode: 1, stdout: "" });
    expect(missing.stderr).toMatch(/^assess: --questionnaire hosted-crm@9\.0\.0: no such questionnaire; installed: .*hosted-crm@1\.0\.0/);

    const broken = run(["--answers", file("broken.json", '{ "scope": '), "--questionnaire", "hosted-crm"]);
    expect(broken).toMatchObject({ exitCode: 1, stdout: "" });
    expect(broken.stderr).toContain("(root): not valid JSON");
  });
});
