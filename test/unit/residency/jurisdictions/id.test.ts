import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, onlyFlow, single, vendor } from "../support";

describe("Indonesia (ID) under PDP Law Art. 56 and GR 71/2019", () => {
  it("is in the catalogue with the 3 × 24-hour breach notice and an unconfirmed supervisory agency", () => {
    const def = catalogue.get("ID")!.def;
    expect(def.breach.map((b) => b.hours)).toEqual([72, 72]);
    const notes = listJurisdictions().find((j) => j.code === "ID")!.verify.map((v) => v.note).join("\n");
    expect(notes).toContain("supervisory agency has been established");
    expect(notes).toContain("believed Art. 46");
  });

  it("accepts binding safeguards by contract or binding corporate rules, and consent as the last resort", () => {
    for (const safeguards of [["contract"], ["bcr"], ["consent"]] as const) {
      const result = assessDataMap(single("ID", "SG", { safeguards: [...safeguards] }));
      expect(onlyFlow(result).verdict, safeguards[0]).toBe("permitted-with-safeguard");
      expect(onlyFlow(result).citations).toContain("PDP Law No. 27 of 2022 Art. 56");
      expect(flagTexts(result).some((t) => t.startsWith("Verify: whether the Government Regulation implementing PDP Law Art. 56"))).toBe(true);
    }
    const consent = onlyFlow(assessDataMap(single("ID", "SG", { safeguards: ["consent"] })));
    expect(consent.basis).toContain("the last resort");
  });

  it("finds a transfer with no safeguard non-compliant and flags remote access as an assumed transfer", () => {
    const result = assessDataMap(single("ID", "US", { use: "access" }));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(onlyFlow(result).obligations).toEqual(["contract or bcr or consent"]);
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the reference does not say whether remote access from abroad is a transfer under PDP Law"))).toBe(true);
  });

  it("prohibits a public-sector buyer's data stored, backed up or processed abroad whatever the safeguards", () => {
    for (const use of ["storage", "backup", "processing"] as const) {
      const flow = onlyFlow(
        assessDataMap(dataMap({ subjects: ["ID"], sector: "public", parties: [vendor({ locations: [{ region: "SG", use }], safeguards: ["contract", "consent"] })] })),
      );
      expect(flow.verdict, use).toBe("prohibited");
      expect(flow.citations).toEqual(["Government Regulation 71/2019"]);
    }
  });

  it("lets a private-sector buyer store offshore with a safeguard, noting supervision access and possible financial-services rules", () => {
    const result = assessDataMap(dataMap({ subjects: ["ID"], sector: "finance", parties: [vendor({ locations: [{ region: "SG", use: "storage" }], safeguards: ["contract"] })] }));
    expect(onlyFlow(result).verdict).toBe("permitted-with-safeguard");
    const texts = flagTexts(result).join("\n");
    expect(texts).toContain("may store data offshore only if it allows supervision and access");
    expect(texts).toContain("Financial-services rules may require local storage in Indonesia");
  });
});
