import { describe, expect, it } from "vitest";
import { parseAssessArgs } from "~/cli/assess-options";

describe("the assess command line", () => {
  it("reads --data-map with json as the default format", () => {
    expect(parseAssessArgs(["--data-map", "m.json"])).toEqual({ kind: "assess", dataMap: "m.json", format: "json" });
    expect(parseAssessArgs(["--data-map=m.json", "--format", "json"])).toEqual({ kind: "assess", dataMap: "m.json", format: "json" });
    expect(parseAssessArgs(["--data-map", "m.json", "--format", "xml"])).toEqual({ kind: "usage-error", message: '--format must be json or pdf, not "xml"' });
  });

  it("reads --jurisdictions, alone", () => {
    expect(parseAssessArgs(["--jurisdictions"])).toEqual({ kind: "jurisdictions", format: "json" });
    expect(parseAssessArgs(["--jurisdictions", "--data-map", "m.json"]).kind).toBe("usage-error");
  });

  it("needs an input", () => {
    expect(parseAssessArgs([])).toEqual({ kind: "usage-error", message: "--data-map FILE or --jurisdictions is required" });
    expect(parseAssessArgs(["--data-map", ""]).kind).toBe("usage-error");
    expect(parseAssessArgs(["stray.json"]).kind).toBe("usage-error");
  });

  it("writes the PDF report to the file --out names, never to standard output", () => {
    expect(parseAssessArgs(["--data-map", "m.json", "--format", "pdf", "--out", "r.pdf"])).toEqual({ kind: "assess", dataMap: "m.json", format: "pdf", out: "r.pdf" });
    expect(parseAssessArgs(["--data-map", "m.json", "--format", "pdf"])).toEqual({
      kind: "usage-error",
      message: "--format pdf needs --out FILE: a PDF is never written to standard output",
    });
    expect(parseAssessArgs(["--data-map", "m.json", "--out", "r.pdf"]).kind).toBe("usage-error");
    expect(parseAssessArgs(["--jurisdictions", "--format", "pdf", "--out", "r.pdf"]).kind).toBe("usage-error");
    expect(parseAssessArgs(["--data-map", "m.json", "--format", "xlsx"])).toEqual({ kind: "usage-error", message: '--format must be json or pdf, not "xlsx"' });
  });

  it("offers help", () => {
    expect(parseAssessArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseAssessArgs(["-h"])).toEqual({ kind: "help" });
  });
});
