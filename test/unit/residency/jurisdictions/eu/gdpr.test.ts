import { describe, expect, it } from "vitest";
import { RegionSchema } from "~/datamap/schema";
import { EEA, assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, onlyFlow, single, vendor } from "../../support";

describe("the GDPR base shared by the EEA states", () => {
  it("gives all 30 EEA states one entry each, the EU-27 sharing one transfer regime and IS, LI, NO another", () => {
    const defs = EEA.map((code) => catalogue.get(code)?.def);
    expect(defs.every(Boolean)).toBe(true);
    const regimes = new Set(defs.map((d) => d!.transfer));
    expect(regimes.size).toBe(2);
  });

  it("lists exactly the EU adequacy destinations of the reference, the US only through the DPF", () => {
    const whitelist = catalogue.get("DE")!.def.transfer.whitelist;
    const destinations = whitelist.flatMap((e) => e.destinations).sort();
    expect(destinations).toEqual(
      ["AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "INT-EPORG", "JE", "JP", "KR", "NZ", "US", "UY"].sort(),
    );
    const us = whitelist.find((e) => e.destinations.includes("US"));
    expect(us?.conditions).toEqual([expect.objectContaining({ kind: "recipient-safeguard", safeguard: "dpf" })]);
  });

  it("keeps the European Patent Organisation under an engine code that no DataMap region can name", () => {
    expect(RegionSchema.safeParse("INT-EPORG").success).toBe(false);
    const epo = catalogue.get("FR")!.def.transfer.whitelist.find((e) => e.destinations.includes("INT-EPORG"));
    expect(epo?.date).toBe("2025-07-15");
  });

  it("flags the unconfirmed decision number when it relies on a pre-2019 adequacy decision", () => {
    const result = assessDataMap(single("DE", "AR"));
    expect(onlyFlow(result).verdict).toBe("permitted");
    const flag = result.flags.find((f) => f.text.startsWith("Verify: the numbers of the pre-2019 EU adequacy decisions"));
    expect(flag?.severity).toBe("info");
    expect(flag?.citations).toContain("Decision 2003/490/EC");
  });

  it("merges the citations of one verify note relied on by several decisions into one flag", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["DE"],
        parties: [vendor({ locations: [{ region: "AR", use: "storage" }, { region: "UY", use: "backup" }] })],
      }),
    );
    const flags = result.flags.filter((f) => f.text.startsWith("Verify: the numbers of the pre-2019"));
    expect(flags).toHaveLength(1);
    expect(flags[0]?.citations).toEqual(expect.arrayContaining(["Decision 2003/490/EC", "Decision 2012/484/EU"]));
  });

  it("records the Digital Omnibus as a verify item while encoding 72 hours", () => {
    const de = listJurisdictions().find((j) => j.code === "DE")!;
    expect(de.verify.map((v) => v.note).join("\n")).toContain("Digital Omnibus proposal (19 Nov 2025) would raise");
    expect(de.breach.find((b) => b.to === "regulator")?.hours).toBe(72);
  });

  it("permits a DPF-listed US backup but raises the appeal risk with its citation", () => {
    const result = assessDataMap(single("SE", "US", { use: "backup", safeguards: ["dpf"] }));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(result.flags.find((f) => f.text.includes("under appeal"))?.severity).toBe("medium");
    expect(flagTexts(result).filter((t) => t.includes("C-703/25 P"))).toHaveLength(2);
  });
});
