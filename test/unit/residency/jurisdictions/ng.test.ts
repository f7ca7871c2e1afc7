import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const ASSESSMENT = "NDPA 2023 s.41(2) (record the basis and the adequacy assessment)";
const noWhitelist = /^Verify: whether the NDPC has published a list of adequate countries is unconfirmed; the engine relies on none \(and not on the NITDA-era whitelist\)/;
const cbdti = /^Verify: whether the GAID requires the NDPC to approve a contractual transfer instrument \(CBDTI\) in advance is unconfirmed/;
const accessReading = /^Verify: that remote access from outside Nigeria counts as a transfer under NDPA s\.41 rests on secondary commentary only/;

describe("Nigeria (NG) under the NDPA 2023 and the GAID 2025", () => {
  it("is in the catalogue with the NDPC and a 72-hour breach deadline", () => {
    const def = catalogue.get("NG")!.def;
    expect(def.regulator.name).toBe("Nigeria Data Protection Commission (NDPC)");
    expect(def.breach.find((b) => b.to === "regulator")).toMatchObject({ hours: 72, citations: ["NDPA 2023 s.40(2)"] });
    expect(def.breach.find((b) => b.to === "data-subjects")?.deadline).toBe("immediately");
  });

  it("permits storage in Nigeria", () => {
    expect(onlyFlow(assessDataMap(single("NG", "NG"))).verdict).toBe("permitted");
  });

  it("accepts contractual clauses with the recorded adequacy assessment, flagging the unconfirmed pre-approval question", () => {
    const result = assessDataMap(single("NG", "GB", { safeguards: ["contract", "tia"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toEqual(expect.arrayContaining(["NDPA 2023 s.41(1)(a)", ASSESSMENT]));
    expect(flagTexts(result).some((t) => cbdti.test(t))).toBe(true);
  });

  it("needs the s.41(2) record of the adequacy assessment for clauses and BCRs", () => {
    for (const safeguard of ["contract", "bcr"] as const) {
      const flow = onlyFlow(assessDataMap(single("NG", "ZA", { safeguards: [safeguard] })));
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.obligations).toEqual(["tia"]);
      expect(flow.citations).toContain(ASSESSMENT);
    }
    expect(onlyFlow(assessDataMap(single("NG", "ZA", { safeguards: ["bcr", "tia"] }))).verdict).toBe("permitted-with-safeguard");
  });

  it("accepts informed consent under s.43", () => {
    const flow = onlyFlow(assessDataMap(single("NG", "US", { safeguards: ["consent"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain("NDPA 2023 s.43");
  });

  it("relies on no whitelist, old or new, so storage abroad without a basis is non-compliant", () => {
    const result = assessDataMap(single("NG", "US"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no NDPC adequacy decision for the United States (US)");
    expect(flow.obligations).toEqual(["contract or bcr or consent", "tia"]);
    expect(result.flags.find((f) => noWhitelist.test(f.text))?.severity).toBe("medium");
  });

  it("counts a backup abroad as storage, and admin access from abroad as a transfer on secondary commentary, flagged", () => {
    const backup = onlyFlow(assessDataMap(single("NG", "GH", { use: "backup" })));
    expect(backup.verdict).toBe("non-compliant");
    expect(backup.basis).toMatch(/^A backup in Ghana \(GH\), which counts as storage,/);
    const access = assessDataMap(single("NG", "GB", { use: "access" }));
    expect(onlyFlow(access).verdict).toBe("non-compliant");
    expect(access.flags.find((f) => accessReading.test(f.text))?.citations).toEqual(["NDPA 2023 s.41(1)"]);
  });

  it("flags government, health and financial data leaving Nigeria for sector rules that are unconfirmed", () => {
    const offshore = assessDataMap(
      dataMap({ subjects: ["NG"], sector: "public", parties: [vendor({ locations: [{ region: "GB", use: "storage" }], safeguards: ["contract", "tia"] })] }),
    );
    expect(offshore.flags.find((f) => f.text.startsWith("Nigerian sector or government-data rules"))?.citations).toEqual(["NDPA 2023 s.41(4)"]);
    expect(flagTexts(offshore)).toContain(
      "Verify: whether Nigerian sectoral or government-data rules require data to stay in Nigeria is unconfirmed; the engine does not score them as localization.",
    );
    const home = assessDataMap(dataMap({ subjects: ["NG"], sector: "public", parties: [vendor({ locations: [{ region: "NG", use: "storage" }] })] }));
    expect(home.flags).toEqual([]);
  });

  it("judges a parent company's support access and its subprocessor link by link", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["NG"],
        parties: [
          vendor({ locations: [{ region: "NG", use: "storage" }] }),
          party({ id: "parent", role: "affiliate", country: "GB", locations: [{ region: "GB", use: "access" }], safeguards: ["bcr", "tia"] }),
          party({ id: "tooling", engagedBy: "parent", locations: [{ region: "US", use: "processing" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "parent" }).verdict).toBe("permitted-with-safeguard");
    const tooling = flowOf(result, { party: "tooling" });
    expect(tooling.verdict).toBe("non-compliant");
    expect(tooling.basis).toContain("(onward transfer: Vendor Ltd → parent → tooling)");
    expect(tooling.citations).toContain("NDPA 2023 s.41(1) (onward transfers)");
  });
});
