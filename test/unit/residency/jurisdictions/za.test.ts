import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

const noWhitelist = /^Verify: whether the Information Regulator has issued a list of countries whose law gives adequate protection is unconfirmed/;
const accessReading = /^Verify: whether remote access from outside South Africa counts as a transfer/;

describe("South Africa (ZA) under POPIA s.72", () => {
  it("is in the catalogue with the Information Regulator and notice as soon as reasonably possible, with no fixed hours", () => {
    const def = catalogue.get("ZA")!.def;
    expect(def.regulator.name).toBe("Information Regulator");
    const regulator = def.breach.find((b) => b.to === "regulator");
    expect(regulator?.deadline).toMatch(/^as soon as reasonably possible after the discovery/);
    expect(regulator?.deadline).toContain("eServices portal (mandatory from 1 Apr 2025)");
    expect(regulator?.hours).toBeUndefined();
    expect(def.breach.find((b) => b.to === "data-subjects")?.citations).toEqual(["POPIA s.22"]);
  });

  it("permits storage in South Africa, judging where the data is rather than the vendor's seat", () => {
    const result = assessDataMap(single("ZA", "ZA", { country: "US" }));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(result.flags).toEqual([]);
  });

  it("accepts a binding agreement, binding corporate rules or consent under s.72(1)", () => {
    const cases = [
      ["contract", "POPIA s.72(1)(a)", "a binding agreement giving adequate protection, including onward-transfer provisions"],
      ["bcr", "POPIA s.72(1)(a)", "binding corporate rules giving adequate protection"],
      ["consent", "POPIA s.72(1)(b)", "the data subjects' consent to the transfer"],
    ] as const;
    for (const [safeguard, citation, label] of cases) {
      const flow = onlyFlow(assessDataMap(single("ZA", "IE", { safeguards: [safeguard] })));
      expect(flow.verdict).toBe("permitted-with-safeguard");
      expect(flow.citations).toContain(citation);
      expect(flow.basis).toContain(label);
    }
  });

  it("finds storage abroad without any s.72 basis non-compliant, flagging that no whitelist is relied on", () => {
    const result = assessDataMap(single("ZA", "GB", { safeguards: ["uk-idta", "tia"] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("there is no list of countries with adequate protection for the United Kingdom (GB)");
    expect(flow.obligations).toEqual(["contract or bcr or consent"]);
    expect(flow.citations).toEqual(expect.arrayContaining(["POPIA s.72(1)", "POPIA s.72(1)(a)", "POPIA s.72(1)(b)"]));
    expect(result.flags.find((f) => noWhitelist.test(f.text))?.severity).toBe("low");
  });

  it("counts a backup abroad as storage and remote access from abroad as a transfer, flagging that reading", () => {
    const backup = onlyFlow(assessDataMap(single("ZA", "MU", { use: "backup" })));
    expect(backup.verdict).toBe("non-compliant");
    expect(backup.basis).toMatch(/^A backup in Mauritius \(MU\), which counts as storage,/);
    const access = assessDataMap(single("ZA", "IN", { use: "access", safeguards: ["contract"] }));
    expect(onlyFlow(access).verdict).toBe("permitted-with-safeguard");
    expect(flagTexts(access).some((t) => accessReading.test(t))).toBe(true);
  });

  it("judges an onward transfer on the subprocessor's own agreement and cites the onward-transfer provisions", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["ZA"],
        parties: [
          vendor({ locations: [{ region: "IE", use: "storage" }], safeguards: ["contract"] }),
          party({ id: "ticketing", locations: [{ region: "US", use: "processing" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
    const onward = flowOf(result, { party: "ticketing" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.basis).toContain("(onward transfer: Vendor Ltd → ticketing)");
    expect(onward.citations).toContain("POPIA s.72(1)(a) (onward-transfer provisions)");
  });
});
