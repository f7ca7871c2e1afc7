import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, single, vendor } from "../support";

const NEGATIVE_LIST = "Verify: whether any country had been notified under DPDP Act s.16(1) by Nov 2026 is unconfirmed";

describe("India (IN) under the DPDP Act and the RBI payment-data directive", () => {
  it("is in the catalogue with the 72-hour Board report and the 6-hour CERT-In report", () => {
    const def = catalogue.get("IN")!.def;
    expect(def.breach.map((b) => b.hours)).toEqual([72, undefined, 6]);
    expect(def.breach[0]?.verify).toBe(true);
    expect(def.transfer.restricted).toBe(false);
  });

  it("permits storage, backups and remote access abroad because no country is on the negative list, flagging that status", () => {
    for (const use of ["storage", "backup", "access", "processing"] as const) {
      const result = assessDataMap(single("IN", "US", { use }));
      const flow = onlyFlow(result);
      expect(flow.verdict, use).toBe("permitted");
      expect(flow.basis).toContain("DPDP Act s.16(1) lets the Central Government restrict transfers only to countries it notifies");
      expect(flow.citations).toEqual(["DPDP Act s.16(1)"]);
      expect(flagTexts(result).some((t) => t.startsWith(NEGATIVE_LIST))).toBe(true);
    }
  });

  it("raises no negative-list flag for data kept in India", () => {
    const result = assessDataMap(single("IN", "IN"));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(flagTexts(result).some((t) => t.startsWith(NEGATIVE_LIST))).toBe(false);
  });

  it("prohibits a finance-sector buyer's payment data stored or backed up abroad, whatever the safeguards", () => {
    for (const use of ["storage", "backup"] as const) {
      const result = assessDataMap(
        dataMap({ subjects: ["IN"], sector: "finance", categories: ["payment"], parties: [vendor({ locations: [{ region: "SG", use }], safeguards: ["contract", "consent", "eu-scc"] })] }),
      );
      const flow = onlyFlow(result);
      expect(flow.verdict, use).toBe("prohibited");
      expect(flow.obligations).toEqual(["store the payment system data only in India"]);
      expect(flow.citations).toContain("RBI directive on Storage of Payment System Data (Apr 2018)");
      expect(flagTexts(result).some((t) => t.startsWith("Verify: the RBI directive binds payment system operators"))).toBe(true);
    }
  });

  it("allows payment data to be processed abroad only with the duty to bring it back to India within a business day or 24 hours", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["IN"],
        sector: "finance",
        categories: ["payment"],
        parties: [vendor({ locations: [{ region: "IN", use: "storage" }, { region: "SG", use: "processing" }] })],
      }),
    );
    const processing = flowOf(result, { region: "SG" });
    expect(processing.verdict).toBe("permitted");
    expect(processing.obligations).toEqual([
      "delete the payment data abroad and bring it back to India within one business day or 24 hours of processing, whichever is earlier",
    ]);
    expect(processing.citations).toContain("RBI FAQ on Storage of Payment System Data (26 Jun 2019)");
  });

  it("prohibits processing payment data abroad when no party keeps it in India, since there is nowhere to bring it back to", () => {
    const processedIn = (locations: { region: string; use: "storage" | "processing" }[]) =>
      assessDataMap(dataMap({ subjects: ["IN"], sector: "finance", categories: ["payment"], parties: [vendor({ locations })] }));

    const result = processedIn([{ region: "SG", use: "processing" }]);
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("prohibited");
    expect(flow.basis).toContain("no party keeps the payment data in India");
    expect(flow.citations).toEqual(["RBI directive on Storage of Payment System Data (Apr 2018)", "RBI FAQ on Storage of Payment System Data (26 Jun 2019)"]);
    expect(flow.obligations).toEqual(["store the payment system data only in India"]);
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the RBI directive binds payment system operators"))).toBe(true);

    for (const home of ["IN", "IN-MH"]) {
      const kept = flowOf(processedIn([{ region: home, use: "storage" }, { region: "SG", use: "processing" }]), { region: "SG" });
      expect(kept.verdict, home).toBe("permitted");
      expect(kept.obligations).toContain(
        "delete the payment data abroad and bring it back to India within one business day or 24 hours of processing, whichever is earlier",
      );
    }
  });

  it("does not localize a retailer's payment data, but warns that payment system operators must keep it in India", () => {
    const result = assessDataMap(dataMap({ subjects: ["IN"], categories: ["payment"], parties: [vendor({ locations: [{ region: "SG", use: "storage" }] })] }));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(result.flags.find((f) => f.text.startsWith("If the buyer is a payment system operator"))?.severity).toBe("medium");
  });

  it("warns a finance-sector buyer about IRDAI and SEBI rules and any buyer about Significant Data Fiduciary restrictions when data leaves India", () => {
    const offshore = assessDataMap(dataMap({ subjects: ["IN"], sector: "finance", parties: [vendor({ locations: [{ region: "GB", use: "storage" }] })] }));
    const texts = flagTexts(offshore).join("\n");
    expect(texts).toContain("Insurance (IRDAI) and securities (SEBI) rules");
    expect(texts).toContain("Significant Data Fiduciary");
    expect(texts).toContain("Verify: the IRDAI and SEBI localization rules are referenced only by secondary commentary");
    const onshore = assessDataMap(dataMap({ subjects: ["IN"], sector: "finance", parties: [vendor({ locations: [{ region: "IN", use: "storage" }] })] }));
    expect(flagTexts(onshore).join("\n")).not.toContain("Significant Data Fiduciary");
  });

  it("lists the unconfirmed Indian facts for a legal reader", () => {
    const notes = listJurisdictions().find((j) => j.code === "IN")!.verify.map((v) => v.note).join("\n");
    expect(notes).toContain("DPDP Act s.16(1)");
    expect(notes).toContain("Rule 13");
    expect(notes).toContain("about May 2027");
  });

  it("says that DPDP Rules 13 and 15 apply only from about 14 May 2027, although the Rules were notified on 14 Nov 2025", () => {
    const def = catalogue.get("IN")!.def;
    const rules = def.instruments.find((i) => i.id === "dpdp-rules")!;
    expect(rules.inForce).toBe("2025-11-14");
    expect(rules.articles["13"]).toContain("applies only from about 14 May 2027");
    expect(rules.articles["15"]).toContain("applies only from about 14 May 2027");
    const commencement = listJurisdictions()
      .find((j) => j.code === "IN")!
      .verify.find((v) => v.note.includes("Rules 13 and 15"));
    expect(commencement?.note).toContain("about 14 May 2027 under the phased commencement");
    expect(commencement?.note).toContain("only the date of notification");
  });
});
