import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, jurisdictionsFor, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const otherGrounds = /^Verify: the ADGM transfer grounds other than adequacy .* are not covered by the reference/;
const otherAdequacy = /^Verify: which jurisdictions the ADGM Commissioner of Data Protection has found adequate, other than the DIFC and the QFC, is unconfirmed/;
const accessReading = /^Verify: whether remote access from outside the ADGM counts as a transfer/;

describe("the Abu Dhabi Global Market (AE-ADGM) under the ADGM Data Protection Regulations 2021", () => {
  it("is layered on the UAE, with the Office of Data Protection and a breach deadline believed to be 72 hours", () => {
    expect(jurisdictionsFor("AE-ADGM").map((j) => j.code)).toEqual(["AE", "AE-ADGM"]);
    const def = catalogue.get("AE-ADGM")!.def;
    expect(def.regulator.name).toBe("ADGM Office of Data Protection");
    expect(def.breach[0]).toMatchObject({ hours: 72, verify: true });
    const notes = listJurisdictions().find((j) => j.code === "AE-ADGM")!.verify.map((v) => v.note);
    expect(notes).toContain("the ADGM breach-notification deadline (believed 72 hours) and its section are unconfirmed.");
  });

  it("permits storage inside the ADGM and treats the rest of the UAE as outside it", () => {
    expect(onlyFlow(assessDataMap(single("AE-ADGM", "AE-ADGM"))).verdict).toBe("permitted");
    for (const region of ["AE", "AE-AZ"]) expect(onlyFlow(assessDataMap(single("AE-ADGM", region))).verdict).toBe("non-compliant");
  });

  it("permits storage in the DIFC under the 2026 mutual adequacy recognition", () => {
    const result = assessDataMap(single("AE-ADGM", "AE-DIFC"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("the ADGM recognition of the DIFC as adequate");
    expect(flow.citations).toEqual(expect.arrayContaining(["ADGM DPR 2021 s.41", "DIFC/ADGM/QFC mutual adequacy recognition (Jan 2026)"]));
    expect(result.flags).toEqual([]);
  });

  it("finds every other transfer non-compliant until counsel confirms a Part V ground, whatever safeguard is recorded", () => {
    const result = assessDataMap(single("AE-ADGM", "DE", { safeguards: ["eu-scc", "contract", "bcr", "tia"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("leaves the ADGM without an adequacy decision of the Commissioner of Data Protection (ADGM DPR 2021 s.41)");
    expect(flow.basis).toContain("the catalogue confirms no other Part V transfer ground");
    expect(flow.obligations).toEqual(["confirm an ADGM DPR 2021 Part V transfer ground with counsel"]);
    expect(flow.citations).toEqual(expect.arrayContaining(["ADGM DPR 2021 s.41", "ADGM DPR 2021 Part V"]));
    expect(result.flags.find((f) => otherGrounds.test(f.text))?.severity).toBe("high");
    expect(result.flags.find((f) => otherAdequacy.test(f.text))?.severity).toBe("medium");
  });

  it("does not cover Qatar as a whole through the unconfirmed recognition of the Qatar Financial Centre", () => {
    expect(onlyFlow(assessDataMap(single("AE-ADGM", "QA"))).verdict).toBe("non-compliant");
  });

  it("counts a backup outside the ADGM as storage and remote access as a transfer, flagging that reading", () => {
    const backup = onlyFlow(assessDataMap(single("AE-ADGM", "GB", { use: "backup" })));
    expect(backup.verdict).toBe("non-compliant");
    expect(backup.basis).toMatch(/^A backup in the United Kingdom \(GB\), which counts as storage,/);
    const access = assessDataMap(single("AE-ADGM", "IN", { use: "access" }));
    expect(onlyFlow(access).basis).toMatch(/^Remote access from India \(IN\), which counts as a transfer,/);
    expect(flagTexts(access).some((t) => accessReading.test(t))).toBe(true);
  });

  it("judges the federal PDPL out of ADGM subjects' flows, citing its free-zone exclusion", () => {
    const result = assessDataMap(single("AE-ADGM", "AE-DIFC"));
    expect(onlyFlow(result).citations).toContain("FDL 45/2021 (PDPL) scope: excludes the financial free zones and data covered by other legislation");
    expect(flagTexts(result).some((t) => t.includes("PDPL Executive Regulations"))).toBe(false);
  });

  it("judges an onward transfer link by link and cites the onward rule", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["AE-ADGM"],
        parties: [
          vendor({ locations: [{ region: "AE-ADGM", use: "storage" }] }),
          party({ id: "difc-support", locations: [{ region: "AE-DIFC", use: "access" }] }),
          party({ id: "offshore", engagedBy: "difc-support", locations: [{ region: "PH", use: "access" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    expect(flowOf(result, { party: "difc-support" }).verdict).toBe("permitted");
    const onward = flowOf(result, { party: "offshore" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.basis).toContain("(onward transfer: Vendor Ltd → difc-support → offshore)");
    expect(onward.citations).toContain("ADGM DPR 2021 Part V (onward transfers)");
  });
});
