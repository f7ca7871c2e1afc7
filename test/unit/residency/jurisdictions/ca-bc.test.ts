import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, onlyFlow, vendor } from "../support";

const m462 = "Verify: whether Ministerial Order M462/2021 sets conditions beyond the supplementary PIA";

function bc(region: string, safeguards: ("contract" | "notice" | "pia")[], options: { sector?: "public" | "general"; use?: "storage" | "backup" | "access" | "processing" } = {}) {
  return dataMap({ subjects: ["CA-BC"], sector: options.sector ?? "public", parties: [vendor({ locations: [{ region, use: options.use ?? "storage" }], safeguards })] });
}

describe("British Columbia (CA-BC) public bodies under FIPPA as relaxed in 2021, layered on PIPEDA", () => {
  it("is a subdivision of Canada with OIPC BC, its residency rule repealed and no localization mandate left", () => {
    const def = catalogue.get("CA-BC")!.def;
    expect(def.parent).toBe("CA");
    expect(def.localization).toEqual([]);
    expect(def.facts?.find((f) => f.id === "bc-residency-repealed")?.text).toContain("25 Nov 2021");
  });

  it("no longer prohibits a public body's storage outside Canada: with a supplementary PIA it is permitted with a safeguard", () => {
    const result = assessDataMap(bc("US", ["pia"]));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toEqual(expect.arrayContaining(["FIPPA s.33.1", "Ministerial Order M462/2021"]));
    expect(flagTexts(result).some((t) => t.startsWith(m462))).toBe(true);
  });

  it("finds a public body's storage, backup or remote access outside Canada without the supplementary PIA non-compliant", () => {
    for (const use of ["storage", "access", "backup"] as const) {
      const flow = onlyFlow(assessDataMap(bc("US", [], { use })));
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.obligations).toEqual(["pia"]);
    }
  });

  it("asks nothing more of a public body storing in another province", () => {
    const result = assessDataMap(bc("CA-AB", []));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(flagTexts(result).some((t) => t.startsWith(m462))).toBe(false);
  });

  it("leaves a private-sector buyer in British Columbia to PIPEDA", () => {
    const flow = onlyFlow(assessDataMap(bc("US", ["contract", "notice"], { sector: "general" })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.obligations).toEqual([]);
  });

  it("permits a public body's temporary processing outside Canada under s.33(2)(u), flagging that it relies on it", () => {
    const result = assessDataMap(bc("US", ["contract", "notice"], { use: "processing" }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("FIPPA s.33(2)(u)");
    const flag = result.flags.find((f) => f.text.includes("FIPPA s.33(2)(u): temporary processing without intentional access by an individual"));
    expect(flag?.severity).toBe("low");
    expect(flagTexts(result).some((t) => t.startsWith(m462))).toBe(false);
    expect(onlyFlow(assessDataMap(bc("US", ["contract", "notice"]))).verdict).toBe("non-compliant");
  });

  it("cites no FIPPA on a private-sector buyer's flows", () => {
    for (const region of ["US", "CA-ON"]) {
      const flow = onlyFlow(assessDataMap(bc(region, ["contract", "notice"], { sector: "general" })));
      expect(flow.citations.some((c) => c.includes("FIPPA"))).toBe(false);
      // The federal judgement stands: FIPPA does not govern the flow, so it gives no basis either.
      expect(flow.basis).not.toContain("FIPPA");
    }
    expect(onlyFlow(assessDataMap(bc("CA-ON", [], { sector: "general" }))).basis).toContain("stays within Canada");
  });

  it("lists the s.36.3 breach duty with its unconfirmed commencement", () => {
    const breach = catalogue.get("CA-BC")!.def.breach[0];
    expect(breach).toMatchObject({ deadline: "without unreasonable delay", citations: ["FIPPA s.36.3"], verify: true });
  });
});
