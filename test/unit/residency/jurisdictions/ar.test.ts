import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const laterUpdates = "Verify: the countries AAIP Resolution 34/2019 added to Argentina's adequate list are unconfirmed";
const ukNote = "Verify: whether AAIP Resolution 34/2019 or a later update added the United Kingdom";

describe("Argentina (AR) under Law 25,326 Art. 12 and Disposition 60-E/2016", () => {
  it("is in the catalogue with the AAIP, no localization and no breach deadline encoded", () => {
    const def = catalogue.get("AR")!.def;
    expect(def.regulator.name).toBe("Agencia de Acceso a la Información Pública (AAIP)");
    expect(def.localization).toEqual([]);
    expect(def.breach).toEqual([]);
    expect(listJurisdictions().find((j) => j.code === "AR")!.verify.map((v) => v.note).join("\n")).toContain("breach-notification duty");
  });

  it("permits storage in the EEA, Switzerland, Uruguay and the other listed countries", () => {
    for (const region of ["ES", "NO", "CH", "UY", "NZ", "JE", "FO"]) {
      const flow = onlyFlow(assessDataMap(single("AR", region)));
      expect(flow.verdict).toBe("permitted");
      expect(flow.citations).toContain("Disposition 60-E/2016");
    }
  });

  it("permits Canada and Israel within the listed scope, stating the assumption", () => {
    const canada = onlyFlow(assessDataMap(single("AR", "CA-ON")));
    expect(canada.verdict).toBe("permitted");
    expect(canada.basis).toContain("scope: the private sector");
    const israel = onlyFlow(assessDataMap(single("AR", "IL")));
    expect(israel.basis).toContain("scope: automated processing");
  });

  it("does not treat the United States as adequate, DPF or not, and flags the unconfirmed later list", () => {
    const result = assessDataMap(single("AR", "US", { safeguards: ["dpf"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("the United States is not on Argentina's adequate list");
    expect(flow.obligations).toEqual(["ar-model-clauses or bcr or consent"]);
    expect(flagTexts(result).some((t) => t.startsWith(laterUpdates))).toBe(true);
  });

  it("does not rely on an unconfirmed listing of the United Kingdom", () => {
    const result = assessDataMap(single("AR", "GB"));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    const texts = flagTexts(result);
    expect(texts.some((t) => t.startsWith(ukNote))).toBe(true);
    expect(texts.some((t) => t.startsWith(laterUpdates))).toBe(false);
  });

  it("accepts the AAIP or RIPD model clauses, BCRs or consent", () => {
    for (const safeguard of ["ar-model-clauses", "bcr", "consent"] as const) {
      expect(onlyFlow(assessDataMap(single("AR", "US", { safeguards: [safeguard] }))).verdict).toBe("permitted-with-safeguard");
    }
    expect(onlyFlow(assessDataMap(single("AR", "US", { safeguards: ["ar-model-clauses"] }))).citations).toContain("AAIP Res. 198/2023");
  });

  it("does not accept non-model clauses, which must be filed with the AAIP within 30 days", () => {
    for (const safeguard of ["contract", "eu-scc"] as const) {
      const flow = onlyFlow(assessDataMap(single("AR", "IN", { safeguards: [safeguard] })));
      expect(flow.verdict).toBe("non-compliant");
      expect(flow.basis).toContain("submitted to the AAIP within 30 days");
    }
  });

  it("judges a subprocessor's remote access from the US on its own safeguards, flagging the access reading", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["AR"],
        parties: [vendor({ locations: [{ region: "DE", use: "storage" }] }), party({ id: "support", locations: [{ region: "US", use: "access" }] })],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    const onward = flowOf(result, { party: "support" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.citations).toContain("Law 25,326 Art. 12");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: whether remote access from outside Argentina"))).toBe(true);
  });
});
