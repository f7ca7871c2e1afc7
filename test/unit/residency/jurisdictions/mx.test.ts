import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import type { Party } from "~/datamap/schema";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const remisionNote = "Verify: whether the 2025 LFPDPPP keeps the 2010 rule that a communication to a processor (remisión) needs no consent";
const articlesNote = "Verify: the article numbers of Mexico's 2025 LFPDPPP are unconfirmed";

function recipient(input: Partial<Party> & Pick<Party, "id">) {
  return dataMap({ subjects: ["MX"], parties: [vendor({ locations: [{ region: "MX", use: "storage" }] }), party({ ownUse: true, ...input })] });
}

describe("Mexico (MX) under the LFPDPPP in force 21 Mar 2025", () => {
  it("is in the catalogue with the SABG, INAI's successor, and an unconfirmed breach timing", () => {
    const def = catalogue.get("MX")!.def;
    expect(def.regulator.name).toContain("Secretaría Anticorrupción y Buen Gobierno (SABG)");
    expect(def.breach[0]).toMatchObject({ to: "data-subjects", verify: true });
    expect(def.transfer.whitelist).toEqual([]);
    expect(def.localization).toEqual([]);
  });

  it("permits a processor abroad without consent on the assumption that remisiones still need none, and flags it", () => {
    for (const use of ["storage", "backup", "access"] as const) {
      const result = assessDataMap(single("MX", "US", { use }));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("remisión");
      expect(flagTexts(result).some((t) => t.startsWith(remisionNote))).toBe(true);
    }
    expect(flagTexts(assessDataMap(single("MX", "MX"))).some((t) => t.startsWith(remisionNote))).toBe(false);
  });

  it("needs prior consent and a recipient bound to the controller's obligations for a transfer to a party using the data for its own purposes", () => {
    const bare = flowOf(assessDataMap(recipient({ id: "partner", locations: [{ region: "US", use: "storage" }] })), { party: "partner" });
    expect(bare.verdict).toBe("non-compliant");
    expect(bare.obligations).toEqual(["consent", "contract"]);

    const consentOnly = flowOf(assessDataMap(recipient({ id: "partner", locations: [{ region: "US", use: "storage" }], safeguards: ["consent"] })), { party: "partner" });
    expect(consentOnly.verdict).toBe("non-compliant");
    expect(consentOnly.obligations).toEqual(["contract"]);

    const result = assessDataMap(recipient({ id: "partner", locations: [{ region: "US", use: "storage" }], safeguards: ["consent", "contract"] }));
    expect(flowOf(result, { party: "partner" }).verdict).toBe("permitted-with-safeguard");
    expect(flagTexts(result).some((t) => t.startsWith(articlesNote))).toBe(true);
  });

  it("does not take a contract alone in place of consent", () => {
    const flow = flowOf(assessDataMap(recipient({ id: "partner", locations: [{ region: "CO", use: "processing" }], safeguards: ["contract"] })), { party: "partner" });
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("does not replace the data subjects' consent");
  });

  it("permits an intra-group transfer to an affiliate under a uniform internal policy without consent, but not to an outsider", () => {
    const affiliate = flowOf(
      assessDataMap(recipient({ id: "group-us", role: "affiliate", locations: [{ region: "US", use: "processing" }], safeguards: ["bcr"] })),
      { party: "group-us" },
    );
    expect(affiliate.verdict).toBe("permitted-with-safeguard");
    expect(affiliate.basis).toContain("intra-group transfer");
    const outsider = flowOf(assessDataMap(recipient({ id: "partner", locations: [{ region: "US", use: "processing" }], safeguards: ["bcr"] })), { party: "partner" });
    expect(outsider.verdict).toBe("non-compliant");
    expect(outsider.basis).toContain("covers transfers within the vendor's group only");
  });

  it("flags the access reading when a party with its own use reaches the data from abroad", () => {
    const result = assessDataMap(recipient({ id: "partner", locations: [{ region: "US", use: "access" }] }));
    expect(flowOf(result, { party: "partner" }).verdict).toBe("non-compliant");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: whether remote access from outside Mexico"))).toBe(true);
  });
});
