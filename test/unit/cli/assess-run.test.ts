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

const text = (outcome: { stdout: Iterable<string> }) => [...outcome.stdout].join("");

describe("running assess", () => {
  it("prints a result for one map and an array for an array", () => {
    const one = runAssess(["--data-map", "m.json"], io({ "m.json": JSON.stringify(map) }));
    expect(one.exitCode).toBe(0);
    expect(JSON.parse(text(one)).flows[0].verdict).toBe("non-compliant");
  });

  it("prints an array of results exactly as JSON.stringify would, one map at a time", () => {
    for (const maps of [[], [map], [map, { ...map, scope: { ...map.scope, subjects: ["GB"] } }]]) {
      const outcome = runAssess(["--data-map", "a.json"], io({ "a.json": JSON.stringify(maps) }));
      const printed = text(outcome);
      expect(JSON.parse(printed)).toHaveLength(maps.length);
      expect(printed).toBe(`${JSON.stringify(JSON.parse(printed), null, 2)}\n`);
    }
  });

  it("keeps standard output empty whenever it fails", () => {
    for (const argv of [["--data-map", "missing.json"], ["--data-map", "bad.json"], ["--format", "pdf"], ["--nope"]]) {
      const outcome = runAssess(argv, io({ "bad.json": "{" }));
      expect(outcome.exitCode).not.toBe(0);
      expect(text(outcome)).toBe("");
      expect(outcome.stderr).toMatch(/^assess: /);
    }
  });

  it("prints the usage on standard output when asked for help", () => {
    const outcome = runAssess(["--help"], io({}));
    expect(outcome).toMatchObject({ exitCode: 0, stderr: "" });
    expect(text(outcome)).toContain("npm run --silent assess -- --data-map FILE");
  });
});
