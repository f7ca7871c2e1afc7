import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const continuity = /Verify: whether the pre-DUAA adequacy regulations .* carry over/;

describe("the United Kingdom (GB) under UK GDPR as amended by the DUAA", () => {
  it("is in the catalogue with the ICO and the 72-hour breach deadline", () => {
    const def = catalogue.get("GB")!.def;
    expect(def.regulator.name).toBe("Information Commissioner's Office (ICO)");
    expect(def.breach.find((b) => b.to === "regulator")).toMatchObject({ hours: 72, citations: ["UK GDPR Art. 33"] });
  });

  it("permits storage in the UK, including for subjects given by a UK subdivision code", () => {
    for (const subject of ["GB", "GB-SCT"]) {
      const flow = onlyFlow(assessDataMap(single(subject, "GB-ENG")));
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("within the United Kingdom");
      expect(flow.citations).toContain("UK GDPR Art. 44A");
    }
  });

  it("permits storage in the EEA and Gibraltar under the recognitions kept from EU exit, flagging the assumed continuity", () => {
    for (const region of ["IE", "NO", "GI"]) {
      const result = assessDataMap(single("GB", region));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.citations).toContain("DPA 2018 Sch 21 para 5");
      expect(flagTexts(result).some((t) => continuity.test(t))).toBe(true);
    }
  });

  it("covers a US recipient only if it joined the UK Extension, and raises no EU appeal flag", () => {
    const dpfOnly = onlyFlow(assessDataMap(single("GB", "US", { safeguards: ["dpf"] })));
    expect(dpfOnly.verdict).toBe("non-compliant");
    expect(dpfOnly.basis).toContain("participating in the UK Extension");
    expect(dpfOnly.basis).toContain('no "dpf-uk"');

    const result = assessDataMap(single("GB", "US", { safeguards: ["dpf", "dpf-uk"] }));
    const bridged = onlyFlow(result);
    expect(bridged.verdict).toBe("permitted");
    expect(bridged.citations).toContain("SI 2023/1028 reg. 3(2)");
    expect(flagTexts(result).some((t) => t.includes("C-703/25 P"))).toBe(false);
  });

  it("permits Korea even with credit information, which the UK regulations include", () => {
    const flow = onlyFlow(assessDataMap(single("GB", "KR", { categories: ["contact", "credit-information"] })));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("SI 2022/1213");
  });

  it("does not rely on the unconfirmed Faroe Islands listing and says so", () => {
    const result = assessDataMap(single("GB", "FO"));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(flagTexts(result).join("\n")).toContain("Verify: whether the UK recognises the Faroe Islands as adequate is unconfirmed");
  });

  it("accepts the IDTA or the EU SCCs with the UK Addendum, each with the data protection test", () => {
    for (const safeguards of [["uk-idta", "tia"], ["eu-scc", "uk-addendum", "tia"]] as const) {
      const flow = onlyFlow(assessDataMap(single("GB", "IN", { safeguards: [...safeguards] })));
      expect(flow.verdict).toBe("permitted-with-safeguard");
      expect(flow.citations).toContain("UK GDPR Art. 46(1A) (the data protection test)");
    }
    const untested = onlyFlow(assessDataMap(single("GB", "IN", { safeguards: ["uk-idta"] })));
    expect(untested.verdict).toBe("non-compliant");
    expect(untested.obligations).toEqual(["tia"]);
  });

  it("rejects the EU SCCs without the UK Addendum, which stopped being enough on 21 Mar 2024", () => {
    const flow = onlyFlow(assessDataMap(single("GB", "IN", { safeguards: ["eu-scc", "tia"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("stopped being valid for UK transfers on 21 Mar 2024");
    expect(flow.obligations).toEqual(["uk-idta or eu-scc + uk-addendum or bcr"]);
  });

  it("adds an informational accounting-records note, never a localization breach, when financial data leaves the UK", () => {
    const offshore = assessDataMap(single("GB", "IE", { categories: ["financial"] }));
    expect(onlyFlow(offshore).verdict).toBe("permitted");
    const note = offshore.flags.find((f) => f.citations.includes("Companies Act 2006 s.388(2)"));
    expect(note?.severity).toBe("info");
    const onshore = assessDataMap(single("GB", "GB", { categories: ["financial"] }));
    expect(onshore.flags.some((f) => f.citations.includes("Companies Act 2006 s.388(2)"))).toBe(false);
  });

  it("cites UK GDPR Art. 28(2) for a subprocessor the buyer has not authorised", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["GB"],
        parties: [vendor({ locations: [{ region: "GB", use: "storage" }] }), party({ id: "sms", authorised: false, locations: [{ region: "GB", use: "processing" }] })],
      }),
    );
    expect(result.flags.find((f) => f.text.includes("(sms)"))?.citations).toEqual(["UK GDPR Art. 28(2)"]);
    expect(flowOf(result, { party: "sms" }).citations).toContain("UK GDPR Art. 28(2)");
  });
});
