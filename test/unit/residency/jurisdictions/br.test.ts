import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const eftaNote = "Verify: whether ANPD Resolution 32/2026 covers Iceland, Liechtenstein and Norway is unconfirmed";
const accessNote = "Verify: whether remote access from outside Brazil counts as an international transfer";

describe("Brazil (BR) under LGPD Art. 33 and ANPD Resolution 19/2024", () => {
  it("is in the catalogue with the ANPD and a 3-business-day breach deadline", () => {
    const def = catalogue.get("BR")!.def;
    expect(def.regulator.name).toBe("Autoridade Nacional de Proteção de Dados (ANPD)");
    expect(def.breach.find((b) => b.to === "regulator")?.days).toEqual({ count: 3, kind: "business" });
    expect(def.localization).toEqual([]);
  });

  it("permits storage in an EU state under the ANPD's recognition of the EU (Res. 32/2026)", () => {
    for (const region of ["DE", "IE", "PT"]) {
      const flow = onlyFlow(assessDataMap(single("BR", region)));
      expect(flow.verdict).toBe("permitted");
      expect(flow.citations).toEqual(["LGPD Art. 33", "Res. CD/ANPD 32/2026"]);
      expect(flow.basis).toContain("the ANPD adequacy decision for the European Union");
    }
  });

  it("does not rely on the unconfirmed coverage of Iceland, Liechtenstein and Norway, and flags it", () => {
    for (const region of ["IS", "LI", "NO"]) {
      const result = assessDataMap(single("BR", region));
      expect(onlyFlow(result).verdict).toBe("non-compliant");
      expect(flagTexts(result).some((t) => t.startsWith(eftaNote))).toBe(true);
    }
    expect(onlyFlow(assessDataMap(single("BR", "NO", { safeguards: ["br-scc"] }))).verdict).toBe("permitted-with-safeguard");
  });

  it("supports Res. 32/2026 with Kennedys and the Tozzini Freire note, saying where the Tozzini URL comes from", () => {
    const def = catalogue.get("BR")!.def;
    const res32 = def.instruments.find((i) => i.id === "res-32-2026")!;
    expect(res32.sources.map((s) => s.url)).toContain("https://www.kennedyslaw.com/en/thought-leadership/article/2026/");
    const tozzini = listJurisdictions()
      .find((j) => j.code === "BR")!
      .sources.find((s) => s.url.startsWith("https://tozzinifreire.com.br/"));
    expect(tozzini).toMatchObject({ date: "2026-01-27", secondary: true });
    expect(tozzini?.note).toContain("reference §1");
  });

  it("does not treat the United Kingdom or the United States as adequate", () => {
    expect(onlyFlow(assessDataMap(single("BR", "GB"))).verdict).toBe("non-compliant");
    const dpf = onlyFlow(assessDataMap(single("BR", "US", { safeguards: ["dpf"] })));
    expect(dpf.verdict).toBe("non-compliant");
    expect(dpf.basis).toContain("the ANPD has recognised only the European Union");
  });

  it("accepts the ANPD standard contractual clauses, global corporate rules or specific consent", () => {
    for (const safeguard of ["br-scc", "bcr", "consent"] as const) {
      const flow = onlyFlow(assessDataMap(single("BR", "US", { safeguards: [safeguard] })));
      expect(flow.verdict).toBe("permitted-with-safeguard");
      expect(flow.citations).toContain("LGPD Art. 33");
    }
  });

  it("rejects the EU SCCs and other contracts, since the ANPD clauses must be adopted unchanged (deadline 23 Aug 2025)", () => {
    const scc = onlyFlow(assessDataMap(single("BR", "US", { safeguards: ["eu-scc", "tia"] })));
    expect(scc.verdict).toBe("non-compliant");
    expect(scc.basis).toContain("in full and without changes");
    expect(scc.citations).toContain("Res. CD/ANPD 19/2024 Annex II");
    expect(scc.obligations).toEqual(["br-scc or bcr or consent"]);
    const contract = onlyFlow(assessDataMap(single("BR", "US", { safeguards: ["contract"] })));
    expect(contract.basis).toContain("counts only as specific clauses once the ANPD approves them");
  });

  it("judges remote access and backups abroad like storage, flagging the access reading", () => {
    const access = assessDataMap(single("BR", "IN", { use: "access" }));
    expect(onlyFlow(access).verdict).toBe("non-compliant");
    expect(flagTexts(access).some((t) => t.startsWith(accessNote))).toBe(true);
    const backup = assessDataMap(single("BR", "IN", { use: "backup" }));
    expect(onlyFlow(backup).verdict).toBe("non-compliant");
    expect(flagTexts(backup).some((t) => t.startsWith(accessNote))).toBe(false);
  });

  it("judges an onward transfer on the subprocessor's own clauses and reminds the buyer to disclose transfers", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["BR"],
        parties: [vendor({ locations: [{ region: "BR", use: "storage" }] }), party({ id: "sms", locations: [{ region: "US", use: "processing" }], safeguards: ["eu-scc"] })],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    const onward = flowOf(result, { party: "sms" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.citations).toContain("Res. CD/ANPD 19/2024");
    expect(result.flags.find((f) => f.citations.includes("Res. CD/ANPD 19/2024") && f.text.includes("privacy notice"))?.severity).toBe("low");
  });
});
