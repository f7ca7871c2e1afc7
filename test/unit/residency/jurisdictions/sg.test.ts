import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

describe("Singapore (SG) under the PDPA transfer limitation obligation", () => {
  it("is in the catalogue with the PDPC and the 3-calendar-day notification after assessment", () => {
    const def = catalogue.get("SG")!.def;
    expect(def.regulator.name).toBe("Personal Data Protection Commission (PDPC)");
    expect(def.breach[0]).toMatchObject({ days: { count: 3, kind: "calendar" }, citations: ["PDPA s.26D(1)"] });
    expect(def.transfer.whitelist).toEqual([]);
  });

  it("permits data kept in Singapore", () => {
    expect(onlyFlow(assessDataMap(single("SG", "SG"))).verdict).toBe("permitted");
  });

  it("accepts a contract naming the destination countries, or consent after a written summary", () => {
    const contract = onlyFlow(assessDataMap(single("SG", "AU", { safeguards: ["contract"] })));
    expect(contract.verdict).toBe("permitted-with-safeguard");
    expect(contract.basis).toContain("under a contract naming the destination countries and territories");
    expect(contract.citations).toEqual(expect.arrayContaining(["PDPA s.26", "PDPR 2021 reg 11(2)(b)"]));
    const consent = onlyFlow(assessDataMap(single("SG", "AU", { safeguards: ["consent"] })));
    expect(consent.verdict).toBe("permitted-with-safeguard");
    expect(consent.citations).toContain("PDPR 2021 reg 10(2)");
  });

  it("finds a backup abroad without enforceable obligations non-compliant, and notice alone does not help", () => {
    const flow = onlyFlow(assessDataMap(single("SG", "JP", { use: "backup", safeguards: ["notice"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("A backup in Japan (JP), which counts as storage,");
    expect(flow.basis).toContain("notice alone is not consent");
  });

  it("accepts binding corporate rules only for the vendor's affiliate, not for an unrelated subprocessor", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["SG"],
        parties: [
          vendor({ locations: [{ region: "SG", use: "storage" }] }),
          party({ id: "group-it", role: "affiliate", locations: [{ region: "IN", use: "processing" }], safeguards: ["bcr"] }),
          party({ id: "outsourcer", locations: [{ region: "IN", use: "processing" }], safeguards: ["bcr"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "group-it" }).verdict).toBe("permitted-with-safeguard");
    const outsourcer = flowOf(result, { party: "outsourcer" });
    expect(outsourcer.verdict).toBe("non-compliant");
    expect(outsourcer.basis).toContain("binding corporate rules count only for a recipient related to the transferring organisation");
  });

  it("counts remote access from abroad as a transfer, flagging the assumption", () => {
    const result = assessDataMap(single("SG", "MY", { use: "access" }));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(flagTexts(result)).toContain(
      "Verify: the reference does not say whether remote access from abroad is a transfer under PDPA s.26; the engine treats it as one.",
    );
  });
});
