import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const ART16 = "Verify: Law No. 94-V Art. 16 is known only from a secondary summary";

function homeAnd(abroad: { region: string; use: "storage" | "backup" | "access" | "processing" }, safeguards: ("consent" | "contract")[] = []) {
  return dataMap({ subjects: ["KZ"], parties: [vendor({ locations: [{ region: "KZ", use: "storage" }, abroad], safeguards })] });
}

describe("Kazakhstan (KZ) under Law No. 94-V", () => {
  it("is in the catalogue with a one-business-day breach notice", () => {
    const def = catalogue.get("KZ")!.def;
    expect(def.breach[0]).toMatchObject({ days: { count: 1, kind: "business" } });
  });

  it("prohibits a database of Kazakh data subjects kept only abroad, whatever the safeguards", () => {
    for (const use of ["storage", "backup"] as const) {
      const flow = onlyFlow(assessDataMap(single("KZ", "RU", { use, safeguards: ["consent", "contract"] })));
      expect(flow.verdict, use).toBe("prohibited");
      expect(flow.citations).toEqual(["Law No. 94-V Art. 12(2)"]);
    }
  });

  it("judges a mirror or backup abroad of a database kept in Kazakhstan as a transfer needing consent", () => {
    for (const use of ["storage", "backup"] as const) {
      const bareResult = assessDataMap(homeAnd({ region: "DE", use }));
      const bare = flowOf(bareResult, { region: "DE" });
      expect(bare.verdict, use).toBe("non-compliant");
      expect(bare.obligations).toEqual(["consent"]);
      expect(flagTexts(bareResult).some((t) => t.startsWith(ART16))).toBe(true);
      const result = assessDataMap(homeAnd({ region: "DE", use }, ["consent"]));
      const consented = flowOf(result, { region: "DE" });
      expect(consented.verdict, use).toBe("permitted-with-safeguard");
      expect(consented.citations).toEqual(expect.arrayContaining(["Law No. 94-V Art. 16", "Law No. 94-V Art. 12(2)"]));
      expect(flagTexts(result).some((t) => t.startsWith(ART16))).toBe(true);
    }
    expect(flowOf(assessDataMap(homeAnd({ region: "DE", use: "storage" }, ["consent"])), { region: "DE" }).basis).toContain(
      "it mirrors a primary database kept in Kazakhstan",
    );
  });

  it("does not accept a contract in place of consent", () => {
    const flow = flowOf(assessDataMap(homeAnd({ region: "US", use: "processing" }, ["contract"])), { region: "US" });
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("a contract is not among the Art. 16 grounds");
  });

  it("counts remote access from abroad as a transfer, flagging the assumption, and reminds the buyer to record it in the registry", () => {
    const result = assessDataMap(homeAnd({ region: "UZ", use: "access" }));
    expect(flowOf(result, { region: "UZ" }).verdict).toBe("non-compliant");
    const texts = flagTexts(result);
    expect(texts.some((t) => t.startsWith("Verify: the reference does not say whether remote access from abroad is a cross-border transfer under Law No. 94-V"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Kazakhstan's database registry must record whether cross-border transfer occurs"))).toBe(true);
  });

  it("permits a database kept in Kazakhstan", () => {
    const result = assessDataMap(single("KZ", "KZ"));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(flagTexts(result).some((t) => t.includes("database registry"))).toBe(false);
  });

  it("does not take processing in Kazakhstan for a database kept there: storage abroad is then the primary store, prohibited", () => {
    const map = dataMap({
      subjects: ["KZ"],
      parties: [
        vendor({ locations: [{ region: "DE", use: "storage" }], safeguards: ["consent"] }),
        party({ id: "kz-affiliate", engagedBy: "vendor", locations: [{ region: "KZ", use: "processing" }], safeguards: ["consent"] }),
      ],
    });
    const flow = flowOf(assessDataMap(map), { region: "DE" });
    expect(flow.verdict).toBe("prohibited");
    expect(flow.citations).toEqual(["Law No. 94-V Art. 12(2)"]);
    const backupOnly = dataMap({ subjects: ["KZ"], parties: [vendor({ locations: [{ region: "KZ", use: "processing" }, { region: "DE", use: "backup" }], safeguards: ["consent"] })] });
    expect(flowOf(assessDataMap(backupOnly), { region: "DE" }).verdict).toBe("prohibited");
  });
});
