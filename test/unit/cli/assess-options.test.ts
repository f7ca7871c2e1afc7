import { describe, expect, it } from "vitest";
import { parseAssessArgs } from "~/cli/assess-options";

describe("the assess command line", () => {
  it("reads --data-map with json as the default and only format", () => {
    expect(parseAssessArgs(["--data-map", "m.json"])).toEqual({ kind: "assess", dataMap: "m.json", format: "json" });
    expect(parseAssessArgs(["--data-map=m.json", "--format", "json"])).toEqual({ kind: "assess", dataMap: "m.json", format: "json" });
    expect(parseAssessArgs(["--data-map", "m.json", "--format", "xml"])).toEqual({ kind: "usage-error", message: '--format must be json, not "xml"' });
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

  it("keeps the report option for later, as not available rather than faked", () => {
    expect(parseAssessArgs(["--data-map", "m.json", "--format", "pdf", "--out", "r.pdf"]).kind).toBe("not-available");
    expect(parseAssessArgs(["--data-map", "m.json", "--out", "r.pdf"]).kind).toBe("not-available");
  });

  it("offers help", () => {
    expect(parseAssessArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseAssessArgs(["-h"])).toEqual({ kind: "help" });
  });
});
