import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import type { DataMap, Party } from "~/datamap/schema";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const primarilyResident = "Verify: whether a foreign individual merely primarily resident in a country of concern is a covered person";

function usMap(
  parties: Party[],
  scope: { categories?: DataMap["scope"]["categories"]; sector?: DataMap["scope"]["sector"]; subjectsCount?: number } = {},
): DataMap {
  return dataMap({ subjects: ["US"], parties, ...scope });
}

describe("the United States (US): sectoral rules and the DOJ Data Security Program", () => {
  it("is in the catalogue with HIPAA, GLBA and the FTC as its breach regimes", () => {
    const def = catalogue.get("US")!.def;
    expect(def.transfer.restricted).toBe(false);
    expect(def.breach.map((b) => b.citations[0])).toEqual(["45 CFR 164.404(b)", "45 CFR 164.408", "GLBA FTC Safeguards Rule"]);
    expect(def.breach.find((b) => b.citations.includes("45 CFR 164.404(b)"))?.days).toEqual({ count: 60, kind: "calendar" });
  });

  it("marks the FedRAMP fact as unconfirmed and unsourced rather than citing the IRS Pub 1075 page", () => {
    const fedramp = catalogue.get("US")!.def.facts!.find((f) => f.id === "us-fedramp")!;
    expect(fedramp.sources).toEqual([]);
    expect(fedramp.verify).toBe(true);
    expect(fedramp.verifyNote).toContain("the reference gives no source for this fact");
    const listed = listJurisdictions().find((j) => j.code === "US")!.verify.find((v) => v.citations.includes("FedRAMP"));
    expect(listed?.note).toContain("the reference gives no source for this fact");
  });

  it("has no general export rule: storage in India or Germany is permitted", () => {
    for (const region of ["IN", "DE"]) {
      const flow = onlyFlow(assessDataMap(single("US", region)));
      expect(flow.verdict).toBe("permitted");
      expect(flow.citations).toEqual(["28 CFR Part 202 (countries of concern only)"]);
    }
  });

  describe("28 CFR Part 202, bulk thresholds read from scope.subjectsCount", () => {
    const inChina = (subjectsCount: number | undefined, categories: DataMap["scope"]["categories"], safeguards: Party["safeguards"] = [], use: Party["locations"][number]["use"] = "access") =>
      assessDataMap(usMap([vendor({ locations: [{ region: "CN", use }], safeguards })], { categories, subjectsCount }));

    it("finds remote access from China to health data of more than 10,000 people a restricted transaction without the CISA requirements", () => {
      const result = inChina(20_000, ["health"]);
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.basis).toContain("restricted transaction");
      expect(flow.basis).toContain("personal health data (over 10,000 US persons)");
      expect(flow.obligations).toEqual(["cisa-security-requirements", "keep a data compliance program (28 CFR 202.1001)"]);
      expect(flow.citations).toEqual(expect.arrayContaining(["28 CFR Part 202", "28 CFR 202.205", "28 CFR 202.201"]));
      expect(flagTexts(result).some((t) => t.startsWith(primarilyResident))).toBe(true);
    });

    it("permits the same access with a safeguard once the CISA security requirements are in place", () => {
      const flow = onlyFlow(inChina(20_000, ["health"], ["cisa-security-requirements"]));
      expect(flow.verdict).toBe("permitted-with-safeguard");
      expect(flow.obligations).toEqual(["keep a data compliance program (28 CFR 202.1001)"]);
    });

    it("leaves health data of 10,000 people or fewer outside the rule", () => {
      const result = inChina(10_000, ["health"]);
      expect(onlyFlow(result).verdict).toBe("permitted");
      expect(flagTexts(result).some((t) => t.startsWith(primarilyResident))).toBe(false);
    });

    it("applies each category's own threshold: 1,000 for precise geolocation, 100,000 for contact records", () => {
      expect(onlyFlow(inChina(5_000, ["precise-location"])).verdict).toBe("non-compliant");
      expect(onlyFlow(inChina(5_000, ["contact", "commercial"])).verdict).toBe("permitted");
      expect(onlyFlow(inChina(150_000, ["contact", "commercial"])).verdict).toBe("non-compliant");
    });

    it("assumes a map without subjectsCount is above the thresholds, and says so", () => {
      const result = inChina(undefined, ["contact"]);
      expect(onlyFlow(result).verdict).toBe("non-compliant");
      expect(flagTexts(result)).toContain(
        "The map gives no scope.subjectsCount, so it is taken to be above the DOJ bulk thresholds (28 CFR 202.205) for the categories it holds.",
      );
    });

    it("covers every country of concern, Hong Kong and Venezuela included, for storage and backups as well as access", () => {
      expect(onlyFlow(inChina(200_000, ["contact"], [], "backup")).verdict).toBe("non-compliant");
      for (const region of ["HK", "MO", "RU", "IR", "KP", "CU", "VE"]) {
        const flow = onlyFlow(assessDataMap(usMap([vendor({ locations: [{ region, use: "storage" }] })], { categories: ["contact"], subjectsCount: 200_000 })));
        expect(flow.verdict).toBe("non-compliant");
      }
    });

    it("treats a vendor organised in a country of concern as a covered person even when it keeps the data in the US, without the residence flag", () => {
      const result = assessDataMap(usMap([vendor({ country: "CN", locations: [{ region: "US", use: "storage" }] })], { categories: ["financial"], subjectsCount: 50_000 }));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.basis).toContain("organised in China (CN), a country of concern");
      expect(flagTexts(result).some((t) => t.startsWith(primarilyResident))).toBe(false);
    });

    it("prohibits bulk human genomic data reaching a country of concern, whatever the safeguards", () => {
      const flow = onlyFlow(inChina(500, ["genetic"], ["cisa-security-requirements"]));
      expect(flow.verdict).toBe("prohibited");
      expect(flow.basis).toContain("'omic data");
      expect(flow.basis).toContain("no safeguard cures it");
    });

    it("prohibits a covered person using the data for its own purposes as data brokerage", () => {
      const result = assessDataMap(
        usMap([vendor({ locations: [{ region: "US", use: "storage" }] }), party({ id: "analytics", ownUse: true, country: "RU", locations: [{ region: "RU", use: "processing" }], safeguards: ["cisa-security-requirements"] })], {
          categories: ["contact"],
          subjectsCount: 500_000,
        }),
      );
      expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
      const brokerage = flowOf(result, { party: "analytics" });
      expect(brokerage.verdict).toBe("prohibited");
      expect(brokerage.basis).toContain("data brokerage with a covered person");
    });

    it("requires a contract barring onward sale when a foreign person outside the countries of concern uses bulk data for its own purposes", () => {
      const map = (safeguards: Party["safeguards"]) =>
        usMap([vendor({ ownUse: true, country: "IN", locations: [{ region: "IN", use: "processing" }], safeguards })], { categories: ["biometric"], subjectsCount: 5_000 });
      const bare = onlyFlow(assessDataMap(map([])));
      expect(bare.verdict).toBe("non-compliant");
      expect(bare.obligations).toEqual(["contract barring onward sale to countries of concern and covered persons"]);
      expect(onlyFlow(assessDataMap(map(["contract"]))).verdict).toBe("permitted-with-safeguard");
    });
  });

  describe("sector rules", () => {
    it("needs a HIPAA business associate agreement with every party of a health buyer, at home and offshore", () => {
      const result = assessDataMap(
        usMap(
          [vendor({ locations: [{ region: "US", use: "storage" }], safeguards: ["baa"] }), party({ id: "offshore-backup", locations: [{ region: "IN", use: "backup" }] })],
          { sector: "health", categories: ["health"], subjectsCount: 5_000 },
        ),
      );
      expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
      const backup = flowOf(result, { party: "offshore-backup" });
      expect(backup.verdict).toBe("non-compliant");
      expect(backup.obligations).toEqual(["baa"]);
      expect(result.flags.find((f) => f.citations.includes("45 CFR 164.308(a)(1)(ii)(A)-(B)"))?.severity).toBe("low");
      expect(flagTexts(result).some((t) => t.startsWith("Verify: the current list of states banning offshore handling of Medicaid data"))).toBe(true);
    });

    it("does not ask a general buyer holding some health data for a BAA", () => {
      expect(onlyFlow(assessDataMap(usMap([vendor({ locations: [{ region: "IN", use: "storage" }] })], { categories: ["health"], subjectsCount: 100 }))).verdict).toBe("permitted");
    });

    it("notes for a finance buyer that GLBA has no data-location rule and the FTC's 30-day notice", () => {
      const result = assessDataMap(usMap([vendor({ locations: [{ region: "IE", use: "storage" }] })], { sector: "finance", categories: ["financial"], subjectsCount: 100 }));
      expect(onlyFlow(result).verdict).toBe("permitted");
      const glba = result.flags.find((f) => f.citations.includes("GLBA FTC Safeguards Rule"));
      expect(glba?.severity).toBe("info");
      expect(glba?.text).toContain("within 30 days");
    });

    it("prohibits storing criminal justice information outside the US and Canada, even with safeguards, but allows Canada", () => {
      const cji = (region: string) =>
        onlyFlow(assessDataMap(usMap([vendor({ locations: [{ region, use: "storage" }], safeguards: ["contract"] })], { categories: ["criminal-justice"], subjectsCount: 10 })));
      const abroad = cji("GB");
      expect(abroad.verdict).toBe("prohibited");
      expect(abroad.citations).toContain("CJIS Security Policy v5.9.x §5.10.1.4");
      expect(cji("CA").verdict).toBe("permitted");
      expect(cji("PR").verdict).toBe("permitted");
    });

    it("treats federal tax information as localized on the unconfirmed Pub 1075 rule, flagged high", () => {
      const result = assessDataMap(usMap([vendor({ locations: [{ region: "CA", use: "access" }] })], { sector: "public", categories: ["financial"], subjectsCount: 100 }));
      expect(onlyFlow(result).verdict).toBe("prohibited");
      const flag = result.flags.find((f) => f.text.startsWith("Verify: the IRS Publication 1075 offshore prohibition"));
      expect(flag?.severity).toBe("high");
      expect(flag?.citations).toEqual(["IRS Publication 1075"]);
    });

    it("reminds every US map that the FTC polices representations about data location", () => {
      const result = assessDataMap(single("US", "US"));
      expect(result.flags.find((f) => f.citations.includes("FTC Act §5"))?.severity).toBe("info");
    });
  });
});
