import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { flagTexts, onlyFlow, single } from "../support";

describe("Switzerland (CH) under the revised FADP", () => {
  it("is in the catalogue with the FDPIC and an 'as quickly as possible' breach duty without an hour count", () => {
    const def = catalogue.get("CH")!.def;
    expect(def.regulator.name).toContain("FDPIC");
    const toRegulator = def.breach.find((b) => b.to === "regulator");
    expect(toRegulator?.deadline).toBe("as quickly as possible");
    expect(toRegulator?.hours).toBeUndefined();
    expect(toRegulator?.citations).toEqual(["revFADP Art. 24(1)"]);
  });

  it("permits storage in Switzerland and in confirmed Annex 1 states without a verify flag", () => {
    for (const region of ["CH", "DE", "LI", "GI"]) {
      const result = assessDataMap(single("CH", region));
      expect(onlyFlow(result).verdict).toBe("permitted");
      expect(result.flags).toEqual([]);
    }
  });

  it("permits the unreadable tail of Annex 1 (such as the Netherlands and the UK) as an assumption it flags", () => {
    for (const region of ["NL", "GB", "NO"]) {
      const result = assessDataMap(single("CH", region));
      expect(onlyFlow(result).verdict).toBe("permitted");
      expect(flagTexts(result).join("\n")).toContain("Verify: the entries of Annex 1 DPO after Malta");
    }
  });

  it("covers a US recipient only if certified under the Swiss-US DPF", () => {
    const certified = onlyFlow(assessDataMap(single("CH", "US", { safeguards: ["dpf-ch"] })));
    expect(certified.verdict).toBe("permitted");
    expect(certified.citations).toContain("Federal Council decision of 14 Aug 2024 (Swiss-US DPF)");

    const euListed = onlyFlow(assessDataMap(single("CH", "US", { safeguards: ["dpf"] })));
    expect(euListed.verdict).toBe("non-compliant");
    expect(euListed.basis).toContain("listing on the EU-US DPF does not cover Swiss data");
  });

  it("counts support access from the US as a transfer", () => {
    const flow = onlyFlow(assessDataMap(single("CH", "US", { use: "access" })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toMatch(/^Remote access from the United States \(US\), which counts as a transfer,/);
  });

  it("scores Japan and Korea as needing a safeguard, flagging their unconfirmed status", () => {
    for (const region of ["JP", "KR"]) {
      const bare = assessDataMap(single("CH", region));
      expect(onlyFlow(bare).verdict).toBe("non-compliant");
      expect(flagTexts(bare).join("\n")).toContain("Verify: Japan and Korea were not on Annex 1 DPO in 2022");
      const covered = onlyFlow(assessDataMap(single("CH", region, { safeguards: ["ch-scc", "tia"] })));
      expect(covered.verdict).toBe("permitted-with-safeguard");
      expect(covered.citations).toContain("revFADP Art. 16(2)(d)");
    }
  });

  it("asks for the Swiss adaptations when only the EU SCCs are in place", () => {
    const flow = onlyFlow(assessDataMap(single("CH", "IN", { safeguards: ["eu-scc", "tia"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("Swiss adaptations the FDPIC recognised (ch-scc)");
    expect(flow.obligations).toEqual(["ch-scc or bcr"]);
  });

  it("permits Canada on the stated assumption of a private-sector recipient", () => {
    const flow = onlyFlow(assessDataMap(single("CH", "CA")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("substantially similar provincial act");
  });

  it("refuses consent for systematic hosting and flags the unconfirmed Art. 17 list it reasons from", () => {
    const result = assessDataMap(single("CH", "IN", { safeguards: ["consent"] }));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    const flag = result.flags.find((f) => f.text.startsWith("Verify: the exact list of revFADP Art. 17 exceptions"));
    expect(flag?.citations).toEqual(["revFADP Art. 17"]);
  });
});
