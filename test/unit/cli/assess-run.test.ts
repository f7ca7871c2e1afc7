import { describe, expect, it } from "vitest";
import { parseDataMapInput } from "~/cli/assess-input";
import { runAssess } from "~/cli/assess-run";

const map = { scope: { subjects: ["DE"], categories: [], sector: "general" }, parties: [{ id: "v", name: "V", role: "vendor", locations: [{ region: "IN", use: "access" }], safeguards: [] }] };
const io = (files: Record<string, string>) => ({
  readFile(path: string) {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return text;
  },
});

describe("parsing the assess input", () => {
  it("takes one DataMap or an array of them", () => {
    expect(parseDataMapInput(JSON.stringify(map))).toMatchObject({ ok: true, array: false, maps: [map] });
    expect(parseDataMapInput(JSON.stringify([map, map]))).toMatchObject({ ok: true, array: true });
    expect(parseDataMapInput("[]")).toEqual({ ok: true, array: true, maps: [] });
  });

  it("names each problem by its path, with the array index first", () => {
    const bad = { ...map, scope: { ...map.scope, sector: "retail" } };
    const parsed = parseDataMapInput(JSON.stringify([map, bad]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([expect.stringMatching(/^\[1\]\.scope\.sector: /)]);
  });

  it("refuses JSON that is neither an object nor an array", () => {
    expect(parseDataMapInput("42")).toEqual({ ok: false, problems: ["(root): expected a DataMap object or an array of DataMap objects"] });
    expect(parseDataMapInput("null").ok).toBe(false);
  });
});

describe("running assess", () => {
  it("prints a result for one map and an array for an array", () => {
    const one = runAssess(["--data-map", "m.json"], io({ "m.json": JSON.stringify(map) }));
    expect(one.exitCode).toBe(0);
    expect(JSON.parse(one.stdout).flows[0].verdict).toBe("non-compliant");
    const many = runAssess(["--data-map", "a.json"], io({ "a.json": JSON.stringify([map]) }));
    expect(JSON.parse(many.stdout)).toHaveLength(1);
  });

  it("keeps standard output empty whenever it fails", () => {
    for (const argv of [["--data-map", "missing.json"], ["--data-map", "bad.json"], ["--format", "pdf"], ["--nope"]]) {
      const outcome = runAssess(argv, io({ "bad.json": "{" }));
      expect(outcome.exitCode).not.toBe(0);
      expect(outcome.stdout).toBe("");
      expect(outcome.stderr).toMatch(/^assess: /);
    }
  });

  it("prints the usage on standard output when asked for help", () => {
    const outcome = runAssess(["--help"], io({}));
    expect(outcome).toMatchObject({ exitCode: 0, stderr: "" });
    expect(outcome.stdout).toContain("npm run --silent assess -- --data-map FILE");
  });
});
