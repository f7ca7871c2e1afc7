import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const accountability = "PIPEDA Sch 1 Principle 4.1.3";

function publicBody(subject: string, region: string, safeguards: ("contract" | "notice" | "pia")[] = []) {
  return dataMap({ subjects: [subject], sector: "public", parties: [vendor({ locations: [{ region, use: "storage" }], safeguards })] });
}

describe("Canada (CA) under PIPEDA", () => {
  it("is in the catalogue with the OPC and breach reports 'as soon as feasible', without a fixed deadline", () => {
    const def = catalogue.get("CA")!.def;
    expect(def.regulator.name).toBe("Office of the Privacy Commissioner of Canada (OPC)");
    const report = def.breach.find((b) => b.to === "regulator");
    expect(report).toMatchObject({ deadline: "as soon as feasible (no fixed deadline)", citations: ["PIPEDA s.10.1"] });
    expect(report?.hours).toBeUndefined();
    expect(def.localization).toEqual([]);
  });

  it("permits storage anywhere in Canada, a province included, and notes that accountability applies at home too", () => {
    for (const region of ["CA", "CA-ON", "CA-QC"]) {
      const result = assessDataMap(single("CA", region));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("stays within Canada");
      expect(result.flags.find((f) => f.text.includes("in Canada too"))?.citations).toEqual(["PIPEDA Sch 1 Principle 4.1.3"]);
    }
  });

  it("accepts storage abroad under a contract giving comparable protection once individuals are told of the foreign processing", () => {
    const flow = onlyFlow(assessDataMap(single("CA", "US", { safeguards: ["contract", "notice"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("a contract giving a comparable level of protection");
    expect(flow.citations).toContain("PIPEDA Sch 1 Principle 4.1.3");
  });

  it("finds storage abroad under a contract but without notice non-compliant, asking for the notice", () => {
    const flow = onlyFlow(assessDataMap(single("CA", "US", { safeguards: ["contract"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["notice"]);
  });

  it("does not take consent or BCRs in place of the contract, since PIPEDA needs no transfer consent and has no BCR concept", () => {
    const consent = onlyFlow(assessDataMap(single("CA", "IN", { safeguards: ["consent", "notice"] })));
    expect(consent.verdict).toBe("non-compliant");
    expect(consent.basis).toContain("a use that needs no extra consent");
    expect(consent.obligations).toEqual(["contract"]);
    const bcr = onlyFlow(assessDataMap(single("CA", "IN", { safeguards: ["bcr", "notice"] })));
    expect(bcr.verdict).toBe("non-compliant");
    expect(bcr.basis).toContain("PIPEDA has no BCR concept");
  });

  it("judges remote access and a backup abroad like storage abroad", () => {
    for (const use of ["access", "backup"] as const) {
      const bare = onlyFlow(assessDataMap(single("CA", "IN", { use })));
      expect(bare.verdict).toBe("non-compliant");
      expect(bare.obligations).toEqual(["contract", "notice"]);
      expect(onlyFlow(assessDataMap(single("CA", "IN", { use, safeguards: ["contract", "notice"] }))).verdict).toBe("permitted-with-safeguard");
    }
  });

  it("does not judge a foreign-owned vendor's Canadian storage as a transfer", () => {
    expect(onlyFlow(assessDataMap(single("CA", "CA-ON", { country: "US" }))).verdict).toBe("permitted");
  });

  it("judges an onward transfer to a subprocessor on the subprocessor's own safeguards, citing accountability", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["CA"],
        parties: [
          vendor({ locations: [{ region: "US", use: "storage" }], safeguards: ["contract", "notice"] }),
          party({ id: "support", locations: [{ region: "PH", use: "access" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
    const onward = flowOf(result, { party: "support" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.basis).toContain("(onward transfer: Vendor Ltd → support)");
    expect(onward.citations).toContain("PIPEDA Sch 1 Principle 4.1.3");
  });

  it("records the 24-month breach records and the 30-day access deadline, and flags the unconfirmed consent proposal only in the listing", () => {
    const def = catalogue.get("CA")!.def;
    expect(def.facts?.find((f) => f.id === "ca-breach-records")?.citations).toContain("SOR/2018-64");
    expect(def.facts?.find((f) => f.id === "ca-access-30-days")?.citations).toContain("PIPEDA s.8(3)");
    expect(def.facts?.find((f) => f.id === "ca-consent-consultation")?.verify).toBe(true);
    expect(flagTexts(assessDataMap(single("CA", "US", { safeguards: ["contract", "notice"] }))).some((t) => t.includes("2019 proposal"))).toBe(false);
  });

  it("leaves a British Columbia public body's storage abroad to FIPPA: PIPEDA governs commercial activity only", () => {
    const flow = onlyFlow(assessDataMap(publicBody("CA-BC", "US", ["pia"])));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.obligations).toEqual([]);
    expect(flow.citations).toContain("PIPEDA (commercial activity only)");
    expect(flow.citations.some((c) => c.includes("PIPEDA Sch 1 Principle"))).toBe(false);
  });

  it("finds a public body's data leaving Canada non-compliant until its public-sector law is reviewed, where no province module covers it", () => {
    for (const subject of ["CA", "CA-ON", "CA-AB"]) {
      const result = assessDataMap(publicBody(subject, "US", ["contract", "notice"]));
      const flow = onlyFlow(result);
      expect(flow.verdict, subject).toBe("non-compliant");
      expect(flow.basis).toContain("until the applicable public-sector privacy law is reviewed");
      expect(flow.citations).toContain("PIPEDA (commercial activity only)");
      expect(flow.citations).not.toContain(accountability);
      expect(result.flags.find((f) => f.text.startsWith("Verify: which public-sector privacy law governs"))?.severity).toBe("medium");
    }
  });

  it("permits a public body's storage within Canada without citing PIPEDA accountability", () => {
    const result = assessDataMap(publicBody("CA", "CA-ON"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).not.toContain(accountability);
    expect(flagTexts(result).some((t) => t.includes("in Canada too") || t.startsWith("Verify: which public-sector"))).toBe(false);
  });

  it("cites no PIPEDA accountability on a public body's onward transfer", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["CA-BC"],
        sector: "public",
        parties: [vendor({ locations: [{ region: "CA-BC", use: "storage" }] }), party({ id: "support", locations: [{ region: "PH", use: "access" }] })],
      }),
    );
    const onward = flowOf(result, { party: "support" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.obligations).toEqual(["pia"]);
    expect(onward.citations).not.toContain(accountability);
  });
});
