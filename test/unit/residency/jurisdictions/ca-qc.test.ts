import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, jurisdictionsFor } from "~/residency";
import { dataMap, flowOf, onlyFlow, party, single, vendor } from "../support";

const s17 = "ARPPIPS s.17";
const s70_1 = "Access Act A-2.1 s.70.1";

function publicBody(region: string, safeguards: ("contract" | "notice" | "pia")[], country?: string) {
  return dataMap({ subjects: ["CA-QC"], sector: "public", parties: [vendor({ locations: [{ region, use: "storage" }], safeguards, ...(country ? { country } : {}) })] });
}

describe("Québec (CA-QC) under Law 25, layered on PIPEDA", () => {
  it("is layered on Canada, with the CAI and incidents reported promptly", () => {
    expect(jurisdictionsFor("CA-QC").map((j) => j.code)).toEqual(["CA", "CA-QC"]);
    const def = catalogue.get("CA-QC")!.def;
    expect(def.regulator.name).toBe("Commission d'accès à l'information (CAI)");
    expect(def.breach.find((b) => b.to === "regulator")).toMatchObject({ deadline: "promptly", citations: ["ARPPIPS s.3.5"] });
    expect(def.localization).toEqual([]);
  });

  it("permits storage in Québec itself", () => {
    const flow = onlyFlow(assessDataMap(single("CA-QC", "CA-QC")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("within Québec");
  });

  it("needs a PIA for a Québec subject's data stored in Ontario, because other provinces are outside Québec", () => {
    const flow = onlyFlow(assessDataMap(single("CA-QC", "CA-ON", { safeguards: ["contract", "notice"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["pia"]);
    expect(flow.citations).toContain(s17);
  });

  it("treats storage given only as Canada (CA) as outside Québec", () => {
    expect(onlyFlow(assessDataMap(single("CA-QC", "CA", { safeguards: ["contract", "notice"] }))).verdict).toBe("non-compliant");
  });

  it("permits communication outside Québec with a PIA, a written agreement and the s.8 notice", () => {
    for (const region of ["CA-ON", "US"]) {
      const flow = onlyFlow(assessDataMap(single("CA-QC", region, { safeguards: ["contract", "pia", "notice"] })));
      expect(flow.verdict).toBe("permitted-with-safeguard");
      expect(flow.basis).toContain("privacy impact assessment");
      expect(flow.citations).toEqual(expect.arrayContaining([s17, "ARPPIPS s.8"]));
    }
  });

  it("counts remote access from outside Québec as a communication outside Québec", () => {
    const flow = onlyFlow(assessDataMap(single("CA-QC", "CA-ON", { use: "access", safeguards: ["contract", "notice"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("Remote access from Ontario, Canada (CA-ON), which counts as a transfer");
    expect(flow.obligations).toEqual(["pia"]);
  });

  it("judges a backup in another province like storage there", () => {
    expect(onlyFlow(assessDataMap(single("CA-QC", "CA-NB", { use: "backup" }))).obligations).toEqual(["contract", "pia", "notice"]);
  });

  it("treats a body established outside Québec as outside Québec, even on Montréal servers", () => {
    const flow = onlyFlow(assessDataMap(single("CA-QC", "CA-QC", { country: "US" })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.citations).toContain("ARPPIPS s.17 (entrusting a person or body outside Québec)");
  });

  it("does not take consent in place of the PIA and written agreement", () => {
    const flow = onlyFlow(assessDataMap(single("CA-QC", "FR", { safeguards: ["consent", "notice"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("consent does not replace the privacy impact assessment");
  });

  it("keeps the federal rule underneath: a PIA without the notice fails both layers", () => {
    const flow = onlyFlow(assessDataMap(single("CA-QC", "US", { safeguards: ["contract", "pia"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["notice"]);
    expect(flow.citations).toEqual(expect.arrayContaining([s17, "PIPEDA Sch 1 Principle 4.1.3"]));
  });

  it("judges a public body under Access Act s.70.1 alone, asking for the PIA and the written agreement but not the private-sector notice", () => {
    const flow = onlyFlow(assessDataMap(publicBody("CA-ON", [])));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["contract", "pia"]);
    expect(flow.citations).toContain(s70_1);
    expect(flow.citations.some((c) => c.startsWith("ARPPIPS"))).toBe(false);
  });

  it("permits a public body's storage in Ontario with a written agreement and a PIA, citing s.70.1 and not ARPPIPS", () => {
    const flow = onlyFlow(assessDataMap(publicBody("CA-ON", ["contract", "pia"])));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain(s70_1);
    expect(flow.citations).not.toContain("ARPPIPS s.8");
    expect(flow.citations).not.toContain(s17);
  });

  it("treats a bare CA and a body established outside Québec as outside Québec for a public body too", () => {
    expect(onlyFlow(assessDataMap(publicBody("CA", ["contract"]))).obligations).toEqual(["pia"]);
    expect(onlyFlow(assessDataMap(publicBody("CA-QC", [], "US"))).verdict).toBe("non-compliant");
    const home = onlyFlow(assessDataMap(publicBody("CA-QC", [])));
    expect(home.verdict).toBe("permitted");
    expect(home.citations).not.toContain(s17);
  });

  it("cites no ARPPIPS on a public body's onward transfer outside Québec", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["CA-QC"],
        sector: "public",
        parties: [vendor({ locations: [{ region: "CA-QC", use: "storage" }] }), party({ id: "backup-co", locations: [{ region: "CA-ON", use: "backup" }], safeguards: ["contract"] })],
      }),
    );
    const onward = flowOf(result, { party: "backup-co" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.obligations).toEqual(["pia"]);
    expect(onward.citations.some((c) => c.startsWith("ARPPIPS"))).toBe(false);
  });

  it("judges an onward transfer outside Québec on the subprocessor's own PIA", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["CA-QC"],
        parties: [
          vendor({ locations: [{ region: "CA-QC", use: "storage" }] }),
          party({ id: "backup-co", locations: [{ region: "CA-ON", use: "backup" }], safeguards: ["contract", "notice"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    const onward = flowOf(result, { party: "backup-co" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.obligations).toEqual(["pia"]);
    expect(onward.citations).toContain(s17);
  });

  it("does not apply Québec's rule to a subject elsewhere in Canada", () => {
    expect(onlyFlow(assessDataMap(single("CA-ON", "CA-QC"))).verdict).toBe("permitted");
  });
});
