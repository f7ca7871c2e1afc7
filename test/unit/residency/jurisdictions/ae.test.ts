import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const executiveRegulations = /^Verify: whether the PDPL Executive Regulations were issued/;
const accessReading = /^Verify: whether remote access from outside the UAE counts as a transfer/;
const healthRule = /^Verify: whether Federal Law No\. 2 of 2019 \(ICT in health fields\) requires health data to stay in the UAE/;
const exclusion = "FDL 45/2021 (PDPL) scope: excludes the financial free zones and data covered by other legislation";

describe("the United Arab Emirates (AE) under the federal PDPL", () => {
  it("is in the catalogue with the UAE Data Office and an immediate breach duty whose numeric deadline is unconfirmed", () => {
    const def = catalogue.get("AE")!.def;
    expect(def.regulator.name).toBe("UAE Data Office");
    const breach = def.breach.find((b) => b.to === "regulator");
    expect(breach?.deadline).toMatch(/^immediately/);
    expect(breach?.hours).toBeUndefined();
    expect(breach?.citations).toEqual(["FDL 45/2021 (PDPL) Art. 9(1)"]);
    const notes = listJurisdictions().find((j) => j.code === "AE")!.verify.map((v) => v.note);
    expect(notes.some((n) => n.startsWith("a numeric deadline for notifying the UAE Data Office is unconfirmed"))).toBe(true);
  });

  it("permits storage anywhere in the UAE, in an emirate or a free zone", () => {
    for (const region of ["AE", "AE-DU", "AE-AZ", "AE-DIFC"]) {
      const result = assessDataMap(single("AE", region));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("stays within the United Arab Emirates");
      expect(flow.citations).toEqual(["FDL 45/2021 (PDPL) Art. 22"]);
      expect(result.flags).toEqual([]);
    }
  });

  it("relies on no adequacy listing while the Executive Regulations are unconfirmed, so storage abroad needs an Art. 23 basis", () => {
    const result = assessDataMap(single("AE", "IE"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no UAE Data Office adequacy listing for Ireland (IE)");
    expect(flow.obligations).toEqual(["contract or consent"]);
    expect(flow.citations).toEqual(["FDL 45/2021 (PDPL) Art. 22", "FDL 45/2021 (PDPL) Art. 23"]);
    const flag = result.flags.find((f) => executiveRegulations.test(f.text));
    expect(flag?.severity).toBe("medium");
    expect(flag?.citations).toEqual(["FDL 45/2021 (PDPL) Art. 22", "FDL 45/2021 (PDPL) Art. 23"]);
  });

  it("accepts a contract with the recipient or the data subjects' consent under Art. 23", () => {
    for (const safeguard of ["contract", "consent"] as const) {
      const result = assessDataMap(single("AE", "SG", { safeguards: [safeguard] }));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted-with-safeguard");
      expect(flow.basis).toContain("under PDPL Art. 23");
      expect(flow.citations).toContain("FDL 45/2021 (PDPL) Art. 23");
      expect(flagTexts(result).some((t) => executiveRegulations.test(t))).toBe(true);
    }
  });

  it("counts a backup abroad as storage and remote access from abroad as a transfer, flagging that reading", () => {
    const backup = assessDataMap(single("AE", "US", { use: "backup" }));
    expect(onlyFlow(backup).verdict).toBe("non-compliant");
    expect(onlyFlow(backup).basis).toContain("A backup in the United States (US), which counts as storage,");
    expect(flagTexts(backup).some((t) => accessReading.test(t))).toBe(false);

    const access = assessDataMap(single("AE", "IN", { use: "access" }));
    expect(onlyFlow(access).verdict).toBe("non-compliant");
    expect(onlyFlow(access).basis).toContain("Remote access from India (IN), which counts as a transfer,");
    expect(flagMatching(access, accessReading)?.severity).toBe("low");
  });

  it("flags health data leaving the UAE for counsel under the unconfirmed health-data rule, without scoring it as a localization breach", () => {
    for (const use of ["storage", "backup", "access"] as const) {
      const result = assessDataMap(single("AE", "DE", { use, categories: ["contact", "health"], safeguards: ["contract", "consent"] }));
      const flow = onlyFlow(result);
      expect(flow.verdict, use).toBe("permitted-with-safeguard");
      expect(flow.basis).not.toContain("localization");
      const health = result.flags.find((f) => f.text.startsWith("Federal Law No. 2 of 2019 (ICT in health fields) may require health data to stay in the UAE"));
      expect(health?.severity).toBe("high");
      expect(health?.citations).toEqual(["Federal Law No. 2 of 2019 (ICT in health fields)"]);
      expect(flagMatching(result, healthRule)?.severity).toBe("high");
    }
    const home = assessDataMap(single("AE", "AE-DU", { categories: ["health"] }));
    expect(onlyFlow(home).verdict).toBe("permitted");
    expect(flagTexts(home).some((t) => healthRule.test(t))).toBe(false);
  });

  it("judges an onward transfer on the subprocessor's own safeguards", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["AE"],
        parties: [
          vendor({ locations: [{ region: "AE", use: "storage" }] }),
          party({ id: "helpdesk", locations: [{ region: "IN", use: "access" }] }),
          party({ id: "mailer", engagedBy: "helpdesk", locations: [{ region: "SG", use: "processing" }], safeguards: ["contract"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    expect(flowOf(result, { party: "helpdesk" }).verdict).toBe("non-compliant");
    const mailer = flowOf(result, { party: "mailer" });
    expect(mailer.verdict).toBe("permitted-with-safeguard");
    expect(mailer.basis).toContain("(onward transfer: Vendor Ltd → helpdesk → mailer)");
  });

  it("leaves data subjects of the financial free zones to the zone's own law, saying so in the citations", () => {
    for (const subject of ["AE-DIFC", "AE-ADGM"]) {
      const result = assessDataMap(single(subject, subject));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.citations).toContain(exclusion);
      expect(flagTexts(result).some((t) => executiveRegulations.test(t))).toBe(false);
    }
    const difcAbroad = onlyFlow(assessDataMap(single("AE-DIFC", "DE", { safeguards: ["consent"] })));
    expect(difcAbroad.verdict).toBe("permitted");
    expect(difcAbroad.basis).toContain("the DIFC Commissioner's list of adequate jurisdictions");
  });

  it("flags government and banking data as outside the PDPL and not yet reviewed, for federal subjects only", () => {
    const government = assessDataMap(dataMap({ subjects: ["AE"], sector: "public", parties: [vendor({ locations: [{ region: "AE", use: "storage" }] })] }));
    expect(government.flags.map((f) => f.text)).toEqual([
      "The federal PDPL excludes government data; the rules for public-sector data in the UAE are not in the catalogue, so a lawyer must review this map.",
    ]);
    expect(government.flags[0]?.citations).toEqual([exclusion]);

    const credit = assessDataMap(
      dataMap({ subjects: ["AE"], categories: ["contact", "credit-information"], parties: [vendor({ locations: [{ region: "AE", use: "storage" }] })] }),
    );
    expect(flagTexts(credit)[0]).toMatch(/^The federal PDPL excludes banking and credit data/);

    const freeZoneOnly = assessDataMap(
      dataMap({ subjects: ["AE-DIFC"], sector: "finance", parties: [vendor({ locations: [{ region: "AE-DIFC", use: "storage" }] })] }),
    );
    expect(freeZoneOnly.flags).toEqual([]);
  });
});

function flagMatching(res: ReturnType<typeof assessDataMap>, text: RegExp) {
  return res.flags.find((f) => text.test(f.text));
}
