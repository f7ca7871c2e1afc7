import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const S77 = "Verify: the wording of My Health Records Act 2012 s.77 is known only from secondary sources";

describe("Australia (AU) under APP 8 and the My Health Records Act", () => {
  it("is in the catalogue with the OAIC and the 30-day assessment of a suspected breach", () => {
    const def = catalogue.get("AU")!.def;
    expect(def.regulator.name).toContain("Office of the Australian Information Commissioner (OAIC)");
    expect(def.breach[0]).toMatchObject({ to: "regulator", citations: ["Privacy Act 1988 s.26WH", "Privacy Act 1988 s.26WK"] });
    expect(def.breach[0]?.deadline).toContain("assessed, reasonably and expeditiously, within 30 days (s.26WH)");
  });

  it("gives no fixed deadline for notifying the OAIC or individuals: both are as soon as practicable, the 30 days being for the assessment", () => {
    const breach = catalogue.get("AU")!.def.breach;
    for (const entry of breach) {
      expect(entry.deadline, entry.to).toMatch(/^as soon as practicable/);
      expect(entry.days, entry.to).toBeUndefined();
      expect(entry.hours, entry.to).toBeUndefined();
    }
  });

  it("gives no in-force date for the My Health Records Rules 2026, only the date they were made", () => {
    const rules = catalogue.get("AU")!.def.instruments.find((i) => i.id === "mhr-rules-2026")!;
    expect(rules.inForce).toBeUndefined();
    expect(rules.title).toContain("made 27 Mar 2026");
  });

  it("permits storage anywhere in Australia", () => {
    expect(onlyFlow(assessDataMap(single("AU-NSW", "AU-VIC"))).verdict).toBe("permitted");
  });

  it("accepts APP 8.1 reasonable steps by contract, leaving the buyer accountable under s.16C, and flags the assumed disclosure", () => {
    const result = assessDataMap(single("AU", "US", { safeguards: ["contract"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toEqual(expect.arrayContaining(["APP 8.1", "Privacy Act 1988 s.16C"]));
    const texts = flagTexts(result);
    expect(texts.some((t) => t.startsWith("Verify: when giving data to an overseas contractor that only holds it"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Verify: whether any country or binding scheme has been prescribed under APP 8.2(aa)"))).toBe(true);
  });

  it("accepts express informed consent, rejects notice alone and finds a bare offshore host non-compliant", () => {
    expect(onlyFlow(assessDataMap(single("AU", "SG", { safeguards: ["consent"] }))).verdict).toBe("permitted-with-safeguard");
    const notice = onlyFlow(assessDataMap(single("AU", "SG", { safeguards: ["notice"] })));
    expect(notice.verdict).toBe("non-compliant");
    expect(notice.basis).toContain("is not their express informed consent");
    expect(notice.obligations).toEqual(["contract or consent"]);
  });

  it("counts access from overseas to data held in Australia as a disclosure, flagging the secondary source", () => {
    const result = assessDataMap(single("AU", "PH", { use: "access" }));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: only secondary commentary says that making information accessible"))).toBe(true);
  });

  it("prohibits My Health Record data outside Australia, backups and remote access included, whatever the safeguards", () => {
    for (const use of ["storage", "backup", "access", "processing"] as const) {
      const result = assessDataMap(single("AU", "NZ", { use, categories: ["my-health-record"], safeguards: ["contract", "consent"] }));
      const flow = onlyFlow(result);
      expect(flow.verdict, use).toBe("prohibited");
      expect(flow.citations).toEqual(["My Health Records Act 2012 s.77"]);
      expect(flagTexts(result).some((t) => t.startsWith(S77))).toBe(true);
    }
    expect(onlyFlow(assessDataMap(single("AU", "AU", { categories: ["my-health-record"] }))).verdict).toBe("permitted");
  });

  it("does not localize ordinary clinical records, and says only My Health Record data must stay", () => {
    const result = assessDataMap(single("AU", "NZ", { categories: ["health"], safeguards: ["contract"] }));
    expect(onlyFlow(result).verdict).toBe("permitted-with-safeguard");
    expect(result.flags.find((f) => f.text.startsWith("Only My Health Record system data must stay in Australia"))?.severity).toBe("info");
  });

  it("cites s.16C on an onward transfer that lacks steps", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["AU"],
        parties: [
          vendor({ locations: [{ region: "AU", use: "storage" }] }),
          party({ id: "helpdesk", locations: [{ region: "IN", use: "access" }], safeguards: ["contract"] }),
          party({ id: "bpo", engagedBy: "helpdesk", locations: [{ region: "PH", use: "access" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "helpdesk" }).verdict).toBe("permitted-with-safeguard");
    const bpo = flowOf(result, { party: "bpo" });
    expect(bpo.verdict).toBe("non-compliant");
    expect(bpo.citations).toContain("Privacy Act 1988 s.16C");
    expect(bpo.basis).toContain("Vendor Ltd → helpdesk → bpo");
  });
});
