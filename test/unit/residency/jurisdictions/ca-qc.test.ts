import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, jurisdictionsFor } from "~/residency";
import { dataMap, flowOf, onlyFlow, party, single, vendor } from "../support";

const s17 = "ARPPIPS s.17";

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

  it("cites Access Act s.70.1 for a public body", () => {
    const result = assessDataMap(dataMap({ subjects: ["CA-QC"], sector: "public", parties: [vendor({ locations: [{ region: "CA-ON", use: "storage" }] })] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.citations).toContain("Access Act A-2.1 s.70.1");
    expect(flow.basis).toContain("for a public body the same rule is Access Act s.70.1");
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
