import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, listJurisdictions } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, vendor } from "../support";

const exceptionsNote = "Verify: the exact text of the PIIDPA s.5(2) exceptions is unconfirmed";

function publicBody(region: string, use: "storage" | "backup" | "access" | "processing" = "storage", safeguards: ("contract" | "notice" | "pia")[] = []) {
  return dataMap({ subjects: ["CA-NS"], sector: "public", parties: [vendor({ locations: [{ region, use }], safeguards })] });
}

describe("Nova Scotia (CA-NS) public bodies under PIIDPA, layered on PIPEDA", () => {
  it("is a subdivision of Canada with the Nova Scotia Commissioner", () => {
    const def = catalogue.get("CA-NS")!.def;
    expect(def.parent).toBe("CA");
    expect(def.regulator.name).toBe("Nova Scotia Information and Privacy Commissioner");
  });

  it("prohibits a public body's storage in the US even with a contract and notice: no safeguard cures the localization rule", () => {
    const result = assessDataMap(publicBody("US", "storage", ["contract", "notice"]));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("prohibited");
    expect(flow.basis).toContain("no transfer mechanism cures a localization breach");
    expect(flow.citations).toContain("PIIDPA s.5(1)");
    expect(flow.obligations).toEqual(["store and access the public body's personal information only in Canada"]);
    expect(flagTexts(result).some((t) => t.startsWith(exceptionsNote))).toBe(true);
  });

  it("prohibits remote access from abroad, a backup abroad and processing abroad alike", () => {
    for (const use of ["access", "backup", "processing"] as const) {
      expect(onlyFlow(assessDataMap(publicBody("IN", use, ["contract", "notice"]))).verdict).toBe("prohibited");
    }
  });

  it("lets a public body keep its data anywhere in Canada, another province included", () => {
    const result = assessDataMap(publicBody("CA-ON"));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(flagTexts(result).some((t) => t.startsWith(exceptionsNote))).toBe(false);
  });

  it("leaves a private-sector buyer in Nova Scotia to PIPEDA", () => {
    const map = dataMap({ subjects: ["CA-NS"], parties: [vendor({ locations: [{ region: "US", use: "storage" }], safeguards: ["contract", "notice"] })] });
    const flow = onlyFlow(assessDataMap(map));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain("PIPEDA Sch 1 Principle 4.1.3");
  });

  it("prohibits a subprocessor's support access from abroad down the chain", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["CA-NS"],
        sector: "public",
        parties: [vendor({ locations: [{ region: "CA-NS", use: "storage" }] }), party({ id: "helpdesk", locations: [{ region: "PH", use: "access" }] })],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    expect(flowOf(result, { party: "helpdesk" }).verdict).toBe("prohibited");
  });

  it("lists the 2027 successor act and the unconfirmed exceptions and breach duty", () => {
    const entry = listJurisdictions().find((j) => j.code === "CA-NS")!;
    expect(entry.facts.find((f) => f.id === "ns-bill-150")?.text).toContain("1 Apr 2027");
    const notes = entry.verify.map((v) => v.note).join("\n");
    expect(notes).toContain("s.5(2) exceptions");
    expect(notes).toContain("breach-notification duty");
  });

  it("warns a health-sector buyer that a Nova Scotia health authority is a public body whose data PIIDPA keeps in Canada", () => {
    const map = (region: string) =>
      dataMap({ subjects: ["CA-NS"], sector: "health", parties: [vendor({ locations: [{ region, use: "storage" }], safeguards: ["contract", "notice"] })] });
    const result = assessDataMap(map("US"));
    expect(onlyFlow(result).verdict).toBe("permitted-with-safeguard");
    const flag = result.flags.find((f) => f.text.startsWith("If the buyer is a Nova Scotia health authority or other public body"));
    expect(flag).toMatchObject({ severity: "high", citations: ["PIIDPA s.5(1)"] });
    expect(flag?.text).toContain("assess the map with sector 'public'");
    expect(flagTexts(assessDataMap(map("CA-ON"))).some((t) => t.includes("health authority"))).toBe(false);
  });

  it("cites no PIIDPA on a private-sector buyer's flows, abroad or at home", () => {
    for (const region of ["US", "CA-ON"]) {
      const map = dataMap({ subjects: ["CA-NS"], parties: [vendor({ locations: [{ region, use: "storage" }], safeguards: ["contract", "notice"] })] });
      const flow = onlyFlow(assessDataMap(map));
      expect(flow.verdict).toBe(region === "US" ? "permitted-with-safeguard" : "permitted");
      expect(flow.citations.some((c) => c.includes("PIIDPA"))).toBe(false);
    }
  });
});
