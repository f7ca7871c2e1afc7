import { expect, it } from "vitest";
import { assessDataMap, catalogue, isEEA } from "~/residency";
import { flagTexts, onlyFlow, single } from "../../support";

// The checks every EEA state must pass. Each state's own test file calls this
// and adds at least one scenario of its own.

export function gdprStateChecks(code: string, options: { regulator: RegExp; neighbour: string; efta?: boolean }): void {
  it("is in the catalogue with its supervisory authority, its blocs and the 72-hour breach deadline", () => {
    const entry = catalogue.get(code);
    expect(entry).toBeDefined();
    const def = entry!.def;
    expect(def.regulator.name).toMatch(options.regulator);
    expect(def.regulator.url).toMatch(/^https:\/\//);
    expect(def.blocs).toEqual(options.efta ? ["EEA"] : ["EU", "EEA"]);
    expect(def.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const toRegulator = def.breach.find((b) => b.to === "regulator");
    expect(toRegulator?.hours).toBe(72);
    expect(toRegulator?.citations).toContain("GDPR Art. 33(1)");
  });

  it("permits storage at home and in another EEA state, since neither is a transfer", () => {
    expect(isEEA(options.neighbour)).toBe(true);
    for (const region of [code, options.neighbour]) {
      const flow = onlyFlow(assessDataMap(single(code, region)));
      expect(flow.verdict).toBe("permitted");
      expect(flow.basis).toContain("within the EEA");
      expect(flow.citations).toContain("GDPR Art. 44");
    }
  });

  it("finds storage in India without SCCs non-compliant, naming the supervisory authority and what is missing", () => {
    const flow = onlyFlow(assessDataMap(single(code, "IN")));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toMatch(options.regulator);
    expect(flow.basis).toContain("no EU adequacy decision for India (IN)");
    expect(flow.citations).toEqual(expect.arrayContaining(["GDPR Art. 44", "GDPR Art. 46(2)(c)", "GDPR Art. 47"]));
    expect(flow.obligations).toEqual(["eu-scc or bcr", "tia"]);
  });

  it("accepts EU SCCs with a transfer impact assessment for India", () => {
    const flow = onlyFlow(assessDataMap(single(code, "IN", { safeguards: ["eu-scc", "tia"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toEqual(expect.arrayContaining(["GDPR Art. 46(2)(c)", "Decision (EU) 2021/914"]));
    expect(flow.obligations).toEqual([]);
  });

  if (options.efta) {
    it("scores storage in Brazil as needing a safeguard until the EEA incorporates the EU decision, and says so", () => {
      const result = assessDataMap(single(code, "BR"));
      expect(onlyFlow(result).verdict).toBe("non-compliant");
      expect(flagTexts(result).join("\n")).toMatch(/Verify: whether the EU-Brazil adequacy decision \(EU\) 2026\/179 has been incorporated into the EEA Agreement/);
    });
  } else {
    it("permits storage in Brazil under the EU adequacy decision of 26 Jan 2026", () => {
      const result = assessDataMap(single(code, "BR"));
      const flow = onlyFlow(result);
      expect(flow.verdict).toBe("permitted");
      expect(flow.citations).toContain("Decision (EU) 2026/179");
      expect(flagTexts(result).join("\n")).not.toMatch(/Brazil/);
    });
  }
}
