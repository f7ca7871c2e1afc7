import { describe, expect, it } from "vitest";
import { EEA, assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

describe("Japan (JP) under APPI Art. 28", () => {
  it("is in the catalogue with the PPC and the 60-day report for leaks with an unlawful purpose", () => {
    const def = catalogue.get("JP")!.def;
    expect(def.regulator.name).toBe("Personal Information Protection Commission (PPC)");
    expect(def.breach.find((b) => b.days?.count === 60)?.trigger).toContain("unlawful purpose");
    expect(def.localization).toEqual([]);
  });

  it("permits storage, backups and access in every EU and EEA state the PPC designated", () => {
    for (const region of EEA) {
      const flow = onlyFlow(assessDataMap(single("JP", region, { use: region === "NO" ? "access" : "backup" })));
      expect(flow.verdict, region).toBe("permitted");
      expect(flow.basis).toContain("the PPC designation of the EU and EEA member states");
    }
  });

  it("does not rely on an unconfirmed designation of the United Kingdom and says so", () => {
    const result = assessDataMap(single("JP", "GB"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("a PPC designation of the United Kingdom is unconfirmed and not relied on");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: whether the PPC has designated the United Kingdom is unconfirmed"))).toBe(true);
  });

  it("accepts equivalent measures by contract, with continuing oversight of the recipient as an obligation flagged as unconfirmed", () => {
    const result = assessDataMap(single("JP", "US", { safeguards: ["contract"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.obligations).toEqual(["oversee the recipient's system continuously (APPI Art. 28(3))"]);
    expect(flow.citations).toEqual(expect.arrayContaining(["APPI Art. 28(1)", "APPI Art. 28(3)"]));
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the continuing-oversight duties of APPI Art. 28(3)"))).toBe(true);
  });

  it("accepts informed prior consent, but not mere notice", () => {
    expect(onlyFlow(assessDataMap(single("JP", "SG", { safeguards: ["consent"] }))).verdict).toBe("permitted-with-safeguard");
    const notice = onlyFlow(assessDataMap(single("JP", "SG", { safeguards: ["notice"] })));
    expect(notice.verdict).toBe("non-compliant");
    expect(notice.basis).toContain("notice alone is not consent");
    expect(notice.obligations).toEqual(["contract or consent"]);
  });

  it("counts remote access from a third country as provision abroad, flagging the assumption", () => {
    const result = assessDataMap(
      dataMap({ subjects: ["JP"], parties: [vendor({ locations: [{ region: "JP", use: "storage" }, { region: "IN", use: "access" }] })] }),
    );
    expect(flowOf(result, { region: "JP" }).verdict).toBe("permitted");
    expect(flowOf(result, { region: "IN" }).verdict).toBe("non-compliant");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the reference does not say whether remote access from abroad is provision"))).toBe(true);
  });

  it("judges an onward transfer to a subprocessor on that subprocessor's own safeguards", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["JP"],
        parties: [
          vendor({ locations: [{ region: "IE", use: "storage" }] }),
          party({ id: "analytics", locations: [{ region: "US", use: "processing" }], safeguards: ["contract"] }),
          party({ id: "sms", engagedBy: "analytics", locations: [{ region: "PH", use: "processing" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    expect(flowOf(result, { party: "analytics" }).verdict).toBe("permitted-with-safeguard");
    expect(flowOf(result, { party: "sms" }).basis).toContain("onward transfer: Vendor Ltd → analytics → sms");
    expect(flowOf(result, { party: "sms" }).verdict).toBe("non-compliant");
  });
});
