import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const PURPOSE = "record the PDPL Art. 29 purpose of the transfer and send only the minimum necessary data";
const REG = "SA Transfer Regulation (amended, in force 14 Sep 2024)";
const noAdequacy = /^Verify: whether SDAIA has issued any adequacy decision since the 2024-2025 sources is unconfirmed/;
const accessReading = /^Verify: whether remote access from outside Saudi Arabia counts as a transfer/;

describe("Saudi Arabia (SA) under the PDPL and the 2024 Transfer Regulation", () => {
  it("is in the catalogue with SDAIA and a 72-hour breach deadline", () => {
    const def = catalogue.get("SA")!.def;
    expect(def.regulator.name).toBe("Saudi Data & AI Authority (SDAIA)");
    expect(def.breach.find((b) => b.to === "regulator")).toMatchObject({ hours: 72, citations: ["PDPL Implementing Regulation Art. 24"] });
    expect(def.breach.find((b) => b.to === "data-subjects")?.deadline).toBe("without undue delay");
    expect(def.localization).toEqual([]);
  });

  it("permits storage in the Kingdom", () => {
    const result = assessDataMap(single("SA", "SA"));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(onlyFlow(result).citations).toEqual(["PDPL Art. 29"]);
    expect(result.flags).toEqual([]);
  });

  it("finds storage abroad without a safeguard non-compliant, since no adequacy decision is relied on", () => {
    const result = assessDataMap(single("SA", "DE"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no SDAIA adequacy decision for Germany (DE)");
    expect(flow.obligations).toEqual(["sa-scc or bcr", "tia", PURPOSE]);
    expect(result.flags.find((f) => noAdequacy.test(f.text))?.severity).toBe("low");
  });

  it("accepts the SDAIA standard clauses or binding common rules only with a risk assessment, and always asks for the Art. 29 purpose", () => {
    for (const safeguard of ["sa-scc", "bcr"] as const) {
      const done = onlyFlow(assessDataMap(single("SA", "AE", { safeguards: [safeguard, "tia"] })));
      expect(done.verdict).toBe("permitted-with-safeguard");
      expect(done.citations).toEqual(expect.arrayContaining(["PDPL Art. 29", REG, `${REG}: risk assessment`]));
      expect(done.obligations).toEqual([PURPOSE]);

      const unassessed = onlyFlow(assessDataMap(single("SA", "AE", { safeguards: [safeguard] })));
      expect(unassessed.verdict).toBe("non-compliant");
      expect(unassessed.obligations).toEqual(["tia", PURPOSE]);
    }
  });

  it("rejects the EU SCCs and other contracts, which are not among the three safeguards allowed since 2024", () => {
    const eu = onlyFlow(assessDataMap(single("SA", "IE", { safeguards: ["eu-scc", "tia"] })));
    expect(eu.verdict).toBe("non-compliant");
    expect(eu.basis).toContain("the EU SCCs are not among the three appropriate safeguards the 2024 Transfer Regulation allows");
    const contract = onlyFlow(assessDataMap(single("SA", "IE", { safeguards: ["contract", "tia"] })));
    expect(contract.verdict).toBe("non-compliant");
    expect(contract.basis).toContain("a contract counts only if it is the SDAIA standard contractual clauses (sa-scc)");
  });

  it("counts a backup abroad as storage and remote access from abroad as a transfer, flagging that reading", () => {
    const backup = onlyFlow(assessDataMap(single("SA", "BH", { use: "backup", safeguards: ["sa-scc", "tia"] })));
    expect(backup.verdict).toBe("permitted-with-safeguard");
    expect(backup.basis).toMatch(/^A backup in Bahrain \(BH\), which counts as storage,/);

    const access = assessDataMap(single("SA", "EG", { use: "access" }));
    expect(onlyFlow(access).verdict).toBe("non-compliant");
    expect(flagMatching(access, accessReading)?.severity).toBe("low");
  });

  it("flags government, health and financial data leaving the Kingdom for sector rules the catalogue does not hold", () => {
    for (const sector of ["public", "health", "finance"] as const) {
      const offshore = assessDataMap(
        dataMap({ subjects: ["SA"], sector, parties: [vendor({ locations: [{ region: "GB", use: "storage" }], safeguards: ["sa-scc", "tia"] })] }),
      );
      expect(onlyFlow(offshore).verdict).toBe("permitted-with-safeguard");
      const flag = offshore.flags.find((f) => f.text.startsWith("Saudi sector or national-security rules"));
      expect(flag?.severity).toBe("high");
      expect(flagTexts(offshore)).toContain(
        "Verify: which Saudi sectoral localization rules apply (NCA cloud controls, SAMA) is unconfirmed; the engine does not score them as localization.",
      );
    }
    const onshore = assessDataMap(dataMap({ subjects: ["SA"], sector: "health", parties: [vendor({ locations: [{ region: "SA", use: "storage" }] })] }));
    expect(onshore.flags).toEqual([]);
    const general = assessDataMap(dataMap({ subjects: ["SA"], parties: [vendor({ locations: [{ region: "GB", use: "storage" }], safeguards: ["sa-scc", "tia"] })] }));
    expect(flagTexts(general).some((t) => t.startsWith("Saudi sector"))).toBe(false);
  });

  it("judges each link of a subprocessor chain on its own safeguards", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["SA"],
        parties: [
          vendor({ locations: [{ region: "SA", use: "storage" }] }),
          party({ id: "support", role: "affiliate", locations: [{ region: "IN", use: "access" }], safeguards: ["bcr", "tia"] }),
          party({ id: "sms", engagedBy: "support", locations: [{ region: "US", use: "processing" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "support" }).verdict).toBe("permitted-with-safeguard");
    const sms = flowOf(result, { party: "sms" });
    expect(sms.verdict).toBe("non-compliant");
    expect(sms.basis).toContain("(onward transfer: Vendor Ltd → support → sms)");
    expect(sms.citations).toContain("PDPL Art. 29 (onward transfers)");
  });
});

function flagMatching(res: ReturnType<typeof assessDataMap>, text: RegExp) {
  return res.flags.find((f) => text.test(f.text));
}
