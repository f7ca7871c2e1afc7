import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, onlyFlow, vendor } from "../support";

function ab(region: string, safeguards: ("contract" | "notice")[], sector: "general" | "public" | "health" = "general", use: "storage" | "access" = "storage") {
  return dataMap({ subjects: ["CA-AB"], sector, parties: [vendor({ locations: [{ region, use }], safeguards })] });
}

describe("Alberta (CA-AB) under PIPA, layered on PIPEDA", () => {
  it("is a subdivision of Canada whose Commissioner hears of breaches without unreasonable delay", () => {
    const def = catalogue.get("CA-AB")!.def;
    expect(def.parent).toBe("CA");
    expect(def.breach[0]).toMatchObject({ to: "regulator", deadline: "without unreasonable delay", citations: ["Alberta PIPA s.34.1"] });
  });

  it("has no transfer prohibition: a service provider outside Canada is permitted once individuals have notice", () => {
    const flow = onlyFlow(assessDataMap(ab("US", ["contract", "notice"])));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain("Alberta PIPA s.13.1");
  });

  it("finds a service provider outside Canada without notice non-compliant under s.13.1", () => {
    const flow = onlyFlow(assessDataMap(ab("IN", ["contract"], "health", "access")));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["notice"]);
    expect(flow.citations).toContain("Alberta PIPA s.13.1");
  });

  it("asks for no notice when the service provider stays in Canada", () => {
    expect(onlyFlow(assessDataMap(ab("CA-BC", []))).verdict).toBe("permitted");
  });

  it("flags that Alberta's public-sector law was not researched when a public body's data leaves Canada", () => {
    const offshore = assessDataMap(ab("US", ["contract", "notice"], "public"));
    expect(onlyFlow(offshore).citations).not.toContain("Alberta PIPA s.13.1");
    const texts = flagTexts(offshore);
    expect(texts.some((t) => t.startsWith("Alberta public bodies are outside PIPA"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Verify: whether Alberta's Protection of Privacy Act"))).toBe(true);
    expect(flagTexts(assessDataMap(ab("CA-AB", [], "public"))).some((t) => t.includes("Protection of Privacy Act"))).toBe(false);
  });

  it("holds a public body's data leaving Canada non-compliant until Alberta's public-sector law is reviewed, citing no PIPA", () => {
    const result = assessDataMap(ab("US", ["contract", "notice"], "public"));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("until the applicable public-sector privacy law is reviewed");
    expect(flow.citations.some((c) => c.startsWith("Alberta PIPA") || c.startsWith("PIPEDA Sch 1"))).toBe(false);
    expect(flagTexts(result).find((t) => t.startsWith("Alberta public bodies"))).toContain("non-compliant until that law is reviewed");
    const home = onlyFlow(assessDataMap(ab("CA-AB", [], "public")));
    expect(home.verdict).toBe("permitted");
    expect(home.citations.some((c) => c.startsWith("Alberta PIPA"))).toBe(false);
  });
});
