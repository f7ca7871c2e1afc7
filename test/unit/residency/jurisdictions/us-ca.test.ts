import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue, jurisdictionsFor } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, vendor } from "../support";

const numbering = "Verify: the numbering of the CCPA contract-content requirements";

describe("California (US-CA) under the CCPA/CPRA, layered on the US rules", () => {
  it("is layered on the United States, with 30-day resident notices and a 15-day sample to the Attorney General", () => {
    expect(jurisdictionsFor("US-CA").map((j) => j.code)).toEqual(["US", "US-CA"]);
    const def = catalogue.get("US-CA")!.def;
    expect(def.breach.find((b) => b.to === "data-subjects")?.days).toEqual({ count: 30, kind: "calendar" });
    expect(def.breach.find((b) => b.to === "regulator")).toMatchObject({ days: { count: 15, kind: "calendar" }, trigger: "a breach affecting more than 500 California residents" });
  });

  it("has no geographic restriction: a service provider under a written contract may keep the data abroad", () => {
    const result = assessDataMap(dataMap({ subjects: ["US-CA"], parties: [vendor({ locations: [{ region: "IN", use: "storage" }], safeguards: ["contract"] })] }));
    const flow = onlyFlow(result);
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.citations).toContain("11 CCR §7050(a)");
    expect(flagTexts(result).some((t) => t.startsWith(numbering))).toBe(true);
  });

  it("finds a recipient without a service-provider contract non-compliant, at home too, since it becomes a third party", () => {
    const flow = onlyFlow(assessDataMap(dataMap({ subjects: ["US-CA"], parties: [vendor({ locations: [{ region: "US-CA", use: "storage" }] })] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("may be a sale or sharing");
    expect(flow.obligations).toEqual(["contract"]);
    expect(flow.citations).toEqual(expect.arrayContaining(["Cal. Civ. Code §1798.120", "11 CCR §7026"]));
  });

  it("judges each subprocessor on its own contract", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["US-CA"],
        parties: [vendor({ locations: [{ region: "US", use: "storage" }], safeguards: ["contract"] }), party({ id: "mailer", locations: [{ region: "IE", use: "processing" }] })],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
    expect(flowOf(result, { party: "mailer" }).verdict).toBe("non-compliant");
  });

  it("treats a recipient using the data for its own purposes as a third party, contract or not, with the opt-out to honour", () => {
    const flow = onlyFlow(
      assessDataMap(dataMap({ subjects: ["US-CA"], parties: [vendor({ ownUse: true, locations: [{ region: "US", use: "storage" }], safeguards: ["contract"] })] })),
    );
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("third party rather than a service provider");
    expect(flow.obligations[0]).toContain("offer the opt-out (Civ. Code §1798.120)");
  });

  it("does not apply the CCPA to a public body", () => {
    const flow = onlyFlow(assessDataMap(dataMap({ subjects: ["US-CA"], sector: "public", parties: [vendor({ locations: [{ region: "US", use: "storage" }] })] })));
    expect(flow.verdict).toBe("permitted");
  });

  it("keeps the federal rules underneath: a California health buyer needs both the BAA and the service-provider contract", () => {
    const judge = (safeguards: ("baa" | "contract")[]) =>
      onlyFlow(assessDataMap(dataMap({ subjects: ["US-CA"], sector: "health", subjectsCount: 50, parties: [vendor({ locations: [{ region: "US", use: "storage" }], safeguards })] })));
    expect(judge(["baa"]).obligations).toEqual(["contract"]);
    expect(judge(["contract"]).obligations).toEqual(["baa"]);
    expect(judge(["baa", "contract"]).verdict).toBe("permitted-with-safeguard");
  });

  it("applies the DOJ bulk-data rule to Californians too", () => {
    const flow = onlyFlow(
      assessDataMap(dataMap({ subjects: ["US-CA"], categories: ["contact"], subjectsCount: 250_000, parties: [vendor({ locations: [{ region: "CN", use: "access" }], safeguards: ["contract"] })] })),
    );
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toContain("cisa-security-requirements");
  });
});
