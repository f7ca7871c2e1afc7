import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, jurisdictionsFor, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const oldList = /^Verify: the DIFC adequacy list is confirmed only from a page of about 2020-21/;
const currentList = /^Verify: the DIFC Commissioner's current adequacy list is unconfirmed/;
const euAdequateElsewhere = /^Verify: whether the DIFC lists the EEA-EFTA states, the other countries the EU finds adequate or the United States is unconfirmed/;
const sccCode = /^Verify: whether the contract recorded for the recipient is the DIFC standard contractual clauses/;
const amendment = /^Verify: whether the 2025 amendments to the DIFC DPL require a documented transfer assessment/;
const accessReading = /^Verify: whether remote access from outside the DIFC counts as a transfer/;

describe("the Dubai International Financial Centre (AE-DIFC) under the DIFC Data Protection Law 2020", () => {
  it("is layered on the UAE, with the DIFC Commissioner and an unconfirmed breach deadline", () => {
    expect(jurisdictionsFor("AE-DIFC").map((j) => j.code)).toEqual(["AE", "AE-DIFC"]);
    const def = catalogue.get("AE-DIFC")!.def;
    expect(def.parent).toBe("AE");
    expect(def.regulator.name).toBe("DIFC Commissioner of Data Protection");
    const notes = listJurisdictions().find((j) => j.code === "AE-DIFC")!.verify.map((v) => v.note);
    expect(notes).toContain('the DIFC breach-notification deadline ("as soon as practicable") and its article are unconfirmed.');
  });

  it("judges a DIFC subject's flows under DIFC law, not under the federal PDPL it is excluded from", () => {
    const result = assessDataMap(single("AE-DIFC", "IN", { safeguards: ["consent"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no DIFC adequacy listing for India (IN)");
    expect(flow.obligations).toEqual(["contract or bcr"]);
    expect(flow.citations).toEqual(expect.arrayContaining(["DIFC DPL 2020 Art. 26", "DIFC DPL 2020 Art. 27(2)(c)"]));
    expect(flow.citations).toContain("FDL 45/2021 (PDPL) scope: excludes the financial free zones and data covered by other legislation");
    expect(flagTexts(result).some((t) => t.includes("PDPL Executive Regulations"))).toBe(false);
  });

  it("permits storage in the EU and the UK on the c. 2020-21 list, flagging that the list may have changed", () => {
    for (const region of ["DE", "IE", "GB", "GB-SCT"]) {
      const result = assessDataMap(single("AE-DIFC", region));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("is covered by the DIFC Commissioner's list of adequate jurisdictions");
      expect(flow.citations).toContain("DIFC DPL 2020 Art. 26");
      const flag = result.flags.find((f) => oldList.test(f.text));
      expect(flag?.severity).toBe("low");
    }
  });

  it("permits storage in the ADGM under the 2026 mutual adequacy recognition, with no flag", () => {
    const result = assessDataMap(single("AE-DIFC", "AE-ADGM"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("DIFC/ADGM/QFC mutual adequacy recognition (Jan 2026)");
    expect(result.flags).toEqual([]);
  });

  it("does not cover Qatar as a whole through the unconfirmed recognition of the Qatar Financial Centre", () => {
    const flow = onlyFlow(assessDataMap(single("AE-DIFC", "QA")));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no DIFC adequacy listing for Qatar (QA)");
  });

  it("does not rely on the unconfirmed listings of the EEA-EFTA states, other EU-adequate countries or the United States", () => {
    for (const region of ["NO", "JP", "CH", "US"]) {
      const result = assessDataMap(single("AE-DIFC", region, { safeguards: ["dpf"] }));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.basis).toContain("a DIFC adequacy listing following the European Commission's is unconfirmed and not relied on");
      expect(flagTexts(result).some((t) => euAdequateElsewhere.test(t))).toBe(true);
      expect(flagTexts(result).some((t) => currentList.test(t))).toBe(false);
    }
  });

  it("treats mainland UAE as outside the DIFC, flagging that the current adequacy list is unconfirmed", () => {
    for (const region of ["AE", "AE-DU"]) {
      const result = assessDataMap(single("AE-DIFC", region));
      expect(onlyFlow(result).verdict).toBe("non-compliant");
      expect(flagTexts(result).some((t) => currentList.test(t))).toBe(true);
    }
    expect(onlyFlow(assessDataMap(single("AE-DIFC", "AE-DIFC"))).verdict).toBe("permitted");
  });

  it("accepts the DIFC standard clauses (recorded as a contract) or BCRs, flagging the 2025 assessment amendment when no assessment is documented", () => {
    const scc = assessDataMap(single("AE-DIFC", "IN", { safeguards: ["contract"] }));
    const flow = onlyFlow(scc);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("relies on the DIFC standard contractual clauses (recorded as a contract)");
    expect(flow.citations).toEqual(expect.arrayContaining(["DIFC DPL 2020 Art. 27(2)(c)", "DIFC DP Regulations reg. 5"]));
    expect(flagTexts(scc).some((t) => sccCode.test(t))).toBe(true);
    expect(flagTexts(scc).some((t) => amendment.test(t))).toBe(true);

    const assessed = assessDataMap(single("AE-DIFC", "IN", { safeguards: ["bcr", "tia"] }));
    expect(onlyFlow(assessed).verdict).toBe("permitted-with-safeguard");
    expect(onlyFlow(assessed).citations).toContain("DIFC DPL 2020 Art. 27");
    expect(flagTexts(assessed).some((t) => amendment.test(t))).toBe(false);
  });

  it("counts a backup outside the DIFC as storage and remote access as a transfer, flagging that reading", () => {
    const backup = onlyFlow(assessDataMap(single("AE-DIFC", "SG", { use: "backup" })));
    expect(backup.verdict).toBe("non-compliant");
    expect(backup.basis).toContain("A backup in Singapore (SG), which counts as storage,");
    const access = assessDataMap(single("AE-DIFC", "IN", { use: "access", safeguards: ["contract"] }));
    expect(onlyFlow(access).verdict).toBe("permitted-with-safeguard");
    expect(flagTexts(access).some((t) => accessReading.test(t))).toBe(true);
  });

  it("still flags the federal health-data rule, unconfirmed inside the free zones, for counsel to review", () => {
    const result = assessDataMap(single("AE-DIFC", "GB", { categories: ["health"], safeguards: ["contract", "tia"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).not.toBe("prohibited");
    expect(flagTexts(result).some((t) => t.startsWith("Federal Law No. 2 of 2019 (ICT in health fields) may require health data to stay in the UAE"))).toBe(true);
    expect(flagTexts(result).some((t) => t.includes("whether it reaches the financial free zones is unconfirmed"))).toBe(true);
  });

  it("judges an onward transfer to a subprocessor on its own safeguards and cites the onward rule", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["AE-DIFC"],
        parties: [
          vendor({ locations: [{ region: "IE", use: "storage" }] }),
          party({ id: "analytics", locations: [{ region: "US", use: "processing" }], safeguards: ["eu-scc"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    const onward = flowOf(result, { party: "analytics" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.basis).toContain("(onward transfer: Vendor Ltd → analytics)");
    expect(onward.citations).toContain("DIFC DPL 2020 Art. 27 (onward transfers)");
  });
});
