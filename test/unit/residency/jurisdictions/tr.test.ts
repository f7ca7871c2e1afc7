import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const BYLAW_14_5 = "By-Law on the Transfer of Personal Data Abroad (OG 10 Jul 2024) Art. 14(5)";
const noAdequacy = /^Verify: whether the KVKK Board has made any adequacy decision since 2024 is unconfirmed/;
const accessReading = /^Verify: whether remote access from outside Türkiye counts as a transfer/;

describe("Türkiye (TR) under KVKK Art. 9 as amended in 2024", () => {
  it("is in the catalogue with the KVKK Authority and 72-hour breach notice to the Board", () => {
    const def = catalogue.get("TR")!.def;
    expect(def.regulator.name).toBe("Personal Data Protection Authority (KVKK) and its Board");
    expect(def.breach.find((b) => b.to === "regulator")).toMatchObject({
      hours: 72,
      citations: ["KVKK Art. 12(5)", "Board Decision 2019/10 (24 Jan 2019)"],
    });
  });

  it("permits storage in Türkiye", () => {
    expect(onlyFlow(assessDataMap(single("TR", "TR"))).verdict).toBe("permitted");
  });

  it("accepts the Board's standard contract once notified to the Authority, a filing the engine checks", () => {
    const result = assessDataMap(single("TR", "DE", { safeguards: ["tr-scc-notified"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("notified to the Authority within 5 business days");
    expect(flow.citations).toContain(BYLAW_14_5);
    expect(flow.obligations).toEqual([]);
  });

  it("treats a signed but unnotified contract as non-compliant", () => {
    const flow = onlyFlow(assessDataMap(single("TR", "DE", { safeguards: ["contract"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("a contract counts only if it is the Board's standard contract, unmodified and notified within 5 business days");
    expect(flow.obligations).toEqual(["tr-scc-notified or bcr"]);
    expect(flow.citations).toContain(BYLAW_14_5);
  });

  it("rejects the EU SCCs, which are not usable for exports from Türkiye", () => {
    const flow = onlyFlow(assessDataMap(single("TR", "IE", { safeguards: ["eu-scc", "tia"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("the EU SCCs are not usable for exports from Türkiye");
  });

  it("rejects consent as a routine basis after 1 Sep 2024", () => {
    const flow = onlyFlow(assessDataMap(single("TR", "US", { safeguards: ["consent"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("explicit consent stopped being a routine basis for transfers after 1 Sep 2024");
  });

  it("accepts binding corporate rules approved by the Board", () => {
    const flow = onlyFlow(assessDataMap(single("TR", "US", { safeguards: ["bcr"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("binding corporate rules approved by the Board");
  });

  it("relies on no adequacy decision and flags that the 2026 list is unconfirmed, even for EU destinations", () => {
    const result = assessDataMap(single("TR", "DE"));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(onlyFlow(result).basis).toContain("there is no KVKK Board adequacy decision for Germany (DE)");
    expect(result.flags.find((f) => noAdequacy.test(f.text))?.severity).toBe("medium");
  });

  it("counts a backup abroad as storage and remote access as a transfer, flagging that reading", () => {
    const backup = onlyFlow(assessDataMap(single("TR", "NL", { use: "backup", safeguards: ["tr-scc-notified"] })));
    expect(backup.verdict).toBe("permitted-with-safeguard");
    expect(backup.basis).toMatch(/^A backup in the Netherlands \(NL\), which counts as storage,/);
    const access = assessDataMap(single("TR", "AZ", { use: "access" }));
    expect(onlyFlow(access).verdict).toBe("non-compliant");
    expect(flagTexts(access).some((t) => accessReading.test(t))).toBe(true);
  });

  it("flags banking and payment data leaving Türkiye for sector rules that are unconfirmed", () => {
    const finance = assessDataMap(
      dataMap({ subjects: ["TR"], sector: "finance", parties: [vendor({ locations: [{ region: "DE", use: "storage" }], safeguards: ["tr-scc-notified"] })] }),
    );
    expect(finance.flags.find((f) => f.text.startsWith("Turkish banking or payments rules"))?.severity).toBe("high");
    expect(flagTexts(finance)).toContain(
      "Verify: whether Turkish sectoral rules (banking, payments) require data to stay in Türkiye is unconfirmed; the engine does not score them as localization.",
    );
    const payments = assessDataMap(
      dataMap({ subjects: ["TR"], categories: ["contact", "payment"], parties: [vendor({ locations: [{ region: "DE", use: "storage" }], safeguards: ["tr-scc-notified"] })] }),
    );
    expect(flagTexts(payments).some((t) => t.startsWith("Turkish banking or payments rules"))).toBe(true);
    const home = assessDataMap(dataMap({ subjects: ["TR"], sector: "finance", parties: [vendor({ locations: [{ region: "TR", use: "storage" }] })] }));
    expect(home.flags).toEqual([]);
  });

  it("requires each subprocessor down the chain to have its own notified contract", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["TR"],
        parties: [
          vendor({ locations: [{ region: "DE", use: "storage" }], safeguards: ["tr-scc-notified"] }),
          party({ id: "backup-co", locations: [{ region: "FR", use: "backup" }], safeguards: ["eu-scc"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
    const onward = flowOf(result, { party: "backup-co" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.basis).toContain("(onward transfer: Vendor Ltd → backup-co)");
    expect(onward.citations).toContain("KVKK Art. 9 (as amended by Law No. 7499) (onward transfers)");
  });
});
