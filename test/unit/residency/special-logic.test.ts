import { describe, expect, it } from "vitest";
import { Catalogue, assessDataMap, type Jurisdiction } from "~/residency";
import { dataMap, flowOf, onlyFlow, single, vendor } from "./support";

// The engine features no EEA, UK or Swiss rule uses yet (localization, layered
// subdivisions, hooks, sector rules), checked on fixture jurisdictions. AQ
// (Antarctica) has no data protection law, so nothing here can be mistaken
// for a real rule.

function fixture(overrides: Partial<Jurisdiction> = {}): Jurisdiction {
  return {
    code: "AQ",
    name: "Fixture land",
    blocs: [],
    regulator: { name: "Fixture Regulator", url: "https://example.org", sources: [] },
    reviewed: "2026-01-01",
    instruments: [],
    transfer: {
      restricted: true,
      citations: ["Fixture Act s.1"],
      domestic: { regions: ["AQ"], label: "Fixture land", citations: ["Fixture Act s.1"] },
      importerEstablishment: { rule: "ignored", citations: [] },
      whitelistName: "fixture listing",
      whitelist: [],
      mechanisms: [{ id: "contract", label: "a fixture contract", safeguards: ["contract"], citations: ["Fixture Act s.2"], sources: [] }],
    },
    localization: [],
    sectorRules: [],
    breach: [],
    sources: [],
    ...overrides,
  };
}

const healthLocalization: Jurisdiction["localization"][number] = {
  id: "aq-health",
  summary: "the fixture rule keeping health records in Fixture land",
  applies: { categories: ["health"] },
  allowedRegions: ["AQ"],
  bannedUses: ["storage", "backup", "processing", "access"],
  obligation: "keep health records in Fixture land",
  citations: ["Fixture Act s.9"],
  sources: [],
};

describe("localization, judged apart from transfer rules", () => {
  const engine = new Catalogue([fixture({ localization: [healthLocalization] })]);

  it("prohibits offshore storage of covered data even with a transfer mechanism in place", () => {
    const flow = onlyFlow(assessDataMap(single("AQ", "DE", { categories: ["health"], safeguards: ["contract"] }), engine));
    expect(flow.verdict).toBe("prohibited");
    expect(flow.basis).toContain("no transfer mechanism cures a localization breach");
    expect(flow.obligations).toEqual(["keep health records in Fixture land"]);
    expect(flow.citations).toEqual(["Fixture Act s.9"]);
  });

  it("leaves data outside the mandate's categories to the transfer rules", () => {
    const flow = onlyFlow(assessDataMap(single("AQ", "DE", { categories: ["contact"], safeguards: ["contract"] }), engine));
    expect(flow.verdict).toBe("permitted-with-safeguard");
  });

  it("treats an offshore backup as a copy only while a primary store stays at home, and flags the copy rule", () => {
    const copyRule = new Catalogue([
      fixture({
        localization: [
          { ...healthLocalization, primaryCopyOnly: true, verify: true, verifyNote: "whether fixture copies abroad are lawful is unconfirmed." },
        ],
      }),
    ]);
    const withHome = assessDataMap(
      dataMap({
        subjects: ["AQ"],
        categories: ["health"],
        parties: [vendor({ locations: [{ region: "AQ", use: "storage" }, { region: "DE", use: "backup" }], safeguards: ["contract"] })],
      }),
      copyRule,
    );
    expect(flowOf(withHome, { region: "DE" }).verdict).toBe("permitted-with-safeguard");
    expect(withHome.flags.map((f) => f.text)).toContain("Verify: whether fixture copies abroad are lawful is unconfirmed.");

    const withoutHome = assessDataMap(single("AQ", "DE", { use: "backup", categories: ["health"], safeguards: ["contract"] }), copyRule);
    expect(onlyFlow(withoutHome).verdict).toBe("prohibited");
  });

  it("applies a volume threshold above the given subjectsCount, and assumes it is met when the count is missing", () => {
    const threshold = new Catalogue([fixture({ localization: [{ ...healthLocalization, applies: { minSubjects: 1000 } }] })]);
    const judge = (subjectsCount?: number) =>
      onlyFlow(
        assessDataMap(
          dataMap({ subjects: ["AQ"], subjectsCount, parties: [vendor({ locations: [{ region: "DE", use: "storage" }], safeguards: ["contract"] })] }),
          threshold,
        ),
      ).verdict;
    expect(judge(500)).toBe("permitted-with-safeguard");
    expect(judge(5000)).toBe("prohibited");
    expect(judge(undefined)).toBe("prohibited");
  });
});

describe("a subdivision layered on its country", () => {
  // A real country with ISO 3166-2 districts (DataMaps accept only real codes) and no module of its own.
  const country = fixture({ code: "BT", transfer: { ...fixture().transfer, domestic: { regions: ["BT"], label: "Fixture land", citations: ["Fixture Act s.1"] } } });
  const province: Jurisdiction = fixture({
    code: "BT-11",
    name: "Fixture province",
    parent: "BT",
    transfer: {
      ...fixture().transfer,
      citations: ["Fixture Province Act s.17"],
      domestic: { regions: ["BT-11"], label: "Fixture province", citations: ["Fixture Province Act s.17"] },
      mechanisms: [
        { id: "pia", label: "a contract after a privacy impact assessment", safeguards: ["contract"], requires: ["pia"], citations: ["Fixture Province Act s.17"], sources: [] },
      ],
    },
  });
  const engine = new Catalogue([country, province]);

  it("applies the subdivision's stricter rule on top of the country's, so the rest of the country counts as outside", () => {
    const flow = onlyFlow(assessDataMap(single("BT-11", "BT-12", { safeguards: ["contract"] }), engine));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.obligations).toEqual(["pia"]);
    expect(flow.citations).toEqual(expect.arrayContaining(["Fixture Province Act s.17", "Fixture Act s.1"]));
  });

  it("treats a region given only by its country code as outside the subdivision", () => {
    expect(onlyFlow(assessDataMap(single("BT-11", "BT", { safeguards: ["contract", "pia"] }), engine)).verdict).toBe(
      "permitted-with-safeguard",
    );
    expect(onlyFlow(assessDataMap(single("BT-11", "BT-11"), engine)).verdict).toBe("permitted");
  });

  it("does not apply the subdivision's rule to subjects elsewhere in the country", () => {
    expect(onlyFlow(assessDataMap(single("BT", "BT-12"), engine)).verdict).toBe("permitted");
  });
});

describe("special logic hooks", () => {
  it("lets a jurisdiction tighten the declarative verdict and add map-level flags from the scope", () => {
    const engine = new Catalogue([
      fixture({
        special: {
          judgeFlow(input, declarative) {
            const judged = declarative();
            if (input.location.use !== "access" || judged.verdict === "permitted") return judged;
            return { ...judged, verdict: "prohibited", basis: "Fixture land forbids access from abroad", obligations: ["stop access from abroad"] };
          },
          mapFlags: (map) =>
            (map.scope.subjectsCount ?? 0) > 100_000
              ? [{ severity: "medium", text: "Over 100,000 people: the fixture filing applies.", citations: ["Fixture Act s.40"] }]
              : [],
        },
      }),
    ]);
    const result = assessDataMap(
      dataMap({
        subjects: ["AQ"],
        subjectsCount: 200_000,
        parties: [vendor({ locations: [{ region: "DE", use: "access" }, { region: "DE", use: "storage" }], safeguards: ["contract"] })],
      }),
      engine,
    );
    expect(flowOf(result, { use: "access" }).verdict).toBe("prohibited");
    expect(flowOf(result, { use: "storage" }).verdict).toBe("permitted-with-safeguard");
    expect(result.flags).toEqual([{ severity: "medium", text: "Over 100,000 people: the fixture filing applies.", citations: ["Fixture Act s.40"] }]);
  });
});

describe("the other declarative switches", () => {
  it("requires a sector safeguard on every flow, domestic ones included", () => {
    const engine = new Catalogue([
      fixture({
        sectorRules: [
          {
            id: "aq-baa",
            summary: "The fixture health rule needs an agreement with every service provider",
            applies: { sectors: ["health"] },
            effect: { kind: "require-safeguards", safeguards: ["baa"], flows: "all", obligation: "baa" },
            citations: ["Fixture Health Act s.3"],
            sources: [],
          },
        ],
      }),
    ]);
    const judge = (safeguards: ("baa" | "contract")[]) =>
      onlyFlow(assessDataMap(dataMap({ subjects: ["AQ"], sector: "health", parties: [vendor({ locations: [{ region: "AQ", use: "storage" }], safeguards })] }), engine));
    expect(judge([]).verdict).toBe("non-compliant");
    expect(judge([]).obligations).toEqual(["baa"]);
    expect(judge(["baa"]).verdict).toBe("permitted-with-safeguard");
  });

  it("permits every destination where export is not restricted", () => {
    const engine = new Catalogue([fixture({ transfer: { ...fixture().transfer, restricted: false } })]);
    const flow = onlyFlow(assessDataMap(single("AQ", "IN"), engine));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("Fixture land has no general rule on exporting personal data");
  });

  it("treats a processor without its own use as no disclosure where the law says so", () => {
    const engine = new Catalogue([
      fixture({ transfer: { ...fixture().transfer, processorIsNotATransfer: { text: "a fixture processor is not a recipient", citations: ["Fixture Act s.12"] } } }),
    ]);
    const processor = onlyFlow(assessDataMap(single("AQ", "IN"), engine));
    expect(processor.verdict).toBe("permitted");
    expect(processor.citations).toEqual(["Fixture Act s.12"]);
    const ownUse = assessDataMap(
      dataMap({ subjects: ["AQ"], parties: [vendor({ ownUse: true, locations: [{ region: "IN", use: "storage" }] })] }),
      engine,
    );
    expect(onlyFlow(ownUse).verdict).toBe("non-compliant");
  });

  it("judges the recipient's seat only where the jurisdiction counts establishment", () => {
    const ignoring = new Catalogue([fixture()]);
    const counting = new Catalogue([fixture({ transfer: { ...fixture().transfer, importerEstablishment: { rule: "counts", citations: ["Fixture Act s.3"] } } })]);
    const map = single("AQ", "AQ", { country: "IN" });
    expect(onlyFlow(assessDataMap(map, ignoring)).verdict).toBe("permitted");
    const counted = onlyFlow(assessDataMap(map, counting));
    expect(counted.verdict).toBe("non-compliant");
    expect(counted.citations).toContain("Fixture Act s.3");
  });
});

describe("a catalogue", () => {
  it("refuses a jurisdiction listed twice", () => {
    expect(() => new Catalogue([fixture(), fixture()])).toThrow("jurisdiction AQ is listed twice");
  });

  it("takes its version from the most recently reviewed entry", () => {
    const engine = new Catalogue([fixture({ reviewed: "2026-01-01" }), fixture({ code: "AQ-XA", reviewed: "2026-03-04" })]);
    expect(engine.rulesVersion).toBe("2026-03-04");
  });
});
