import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, onlyFlow, party, single, vendor } from "../support";

describe("the Republic of Korea (KR) under PIPA Art. 28-8", () => {
  it("is in the catalogue with the PIPC and the 72-hour breach duty", () => {
    const def = catalogue.get("KR")!.def;
    expect(def.regulator.name).toContain("Personal Information Protection Commission (PIPC)");
    expect(def.breach.every((b) => b.hours === 72)).toBe(true);
  });

  it("permits storage, access and outsourced processing in the EU and EEA under the equivalency recognition of 16 Sep 2025", () => {
    for (const [region, use] of [["DE", "storage"], ["NO", "access"], ["IE", "processing"]] as const) {
      const flow = onlyFlow(assessDataMap(single("KR", region, { use })));
      expect(flow.verdict, region).toBe("permitted");
      expect(flow.citations).toContain("PIPA Art. 28-8(1)(5)");
    }
    expect(catalogue.get("KR")!.def.transfer.whitelist[0]?.date).toBe("2025-09-16");
  });

  it("excludes personal credit information from the equivalency recognition", () => {
    const flow = onlyFlow(assessDataMap(single("KR", "DE", { categories: ["contact", "credit-information"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("does not cover resident registration numbers or personal credit information");
    expect(flow.basis).toContain("this map holds credit-information");
    expect(onlyFlow(assessDataMap(single("KR", "DE", { categories: ["credit-information"], safeguards: ["consent"] }))).verdict).toBe(
      "permitted-with-safeguard",
    );
  });

  it("treats a government ID as a possible resident registration number, which the recognition also excludes", () => {
    expect(onlyFlow(assessDataMap(single("KR", "FR", { categories: ["government-id"] }))).verdict).toBe("non-compliant");
  });

  it("accepts storage entrusted abroad for a contract with the data subject when disclosed and under a protective contract", () => {
    const flow = onlyFlow(assessDataMap(single("KR", "US", { safeguards: ["notice", "contract"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain("PIPA Art. 28-8(1)(3)");
    const undisclosed = onlyFlow(assessDataMap(single("KR", "US", { safeguards: ["contract"] })));
    expect(undisclosed.verdict).toBe("non-compliant");
    expect(undisclosed.obligations).toEqual(["consent or notice + contract"]);
  });

  it("requires separate consent for a recipient that uses the data for its own purposes, for which the entrustment ground does not apply", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["KR"],
        parties: [
          vendor({ locations: [{ region: "KR", use: "storage" }] }),
          party({ id: "partner", ownUse: true, locations: [{ region: "US", use: "access" }], safeguards: ["notice", "contract"] }),
        ],
      }),
    );
    const flow = result.flows.find((f) => f.party === "partner")!;
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("the contract-necessity ground covers only storage or processing entrusted abroad");
    expect(flow.obligations).toEqual(["consent"]);
  });

  it("lists the unconfirmed date of the 2026 breach amendment", () => {
    const notes = listJurisdictions().find((j) => j.code === "KR")!.verify.map((v) => v.note);
    expect(notes).toContain("the effective date of the 2026 amendment to PIPA Art. 34 is unconfirmed.");
  });
});
