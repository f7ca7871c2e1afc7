import { describe, expect, it } from "vitest";
import { demoPolicyRules } from "#db/seed-demo-data";
import {
  describeRule,
  evaluatePolicy,
  PolicyRuleDefinitionSchema,
  PolicyRuleSchema,
  type PolicyRule,
  type PolicyRuleDefinition,
} from "~/policy";
import { dataMap, party, vendor } from "../residency/support";

function rule(definition: PolicyRuleDefinition, overrides: Partial<PolicyRule> = {}): PolicyRule {
  return { id: "r1", name: "The rule", severity: "high", enabled: true, definition, ...overrides };
}

const euStaysInEEA = rule(
  { kind: "uses-within", subjects: { sets: ["eu"], regions: [] }, uses: ["storage", "backup"], allowed: { sets: ["eea"], regions: [] } },
  { name: "EU customers' data is stored and backed up in the EEA" },
);

const mixedMap = dataMap({
  subjects: ["DE", "GB", "CA-QC"],
  parties: [
    vendor({
      country: "DE",
      locations: [
        { region: "DE", use: "storage" },
        { region: "NO", use: "backup" },
        { region: "US-VA", use: "backup" },
        { region: "IN", use: "access" },
        { region: "US", use: "processing" },
      ],
    }),
    party({ id: "helpdesk", name: "Helpdesk Inc.", country: "US", locations: [{ region: "IE", use: "storage" }] }),
    party({ id: "mystery", name: "Mystery Ltd", locations: [{ region: "FR", use: "processing" }] }),
  ],
});

describe("a rule that keeps data of some subjects in a region set", () => {
  it("finds each use outside the set, only for the subjects the rule covers", () => {
    const findings = evaluatePolicy([euStaysInEEA], mixedMap);
    expect(findings).toEqual([
      {
        ruleId: "r1",
        ruleText: "EU customers' data is stored and backed up in the EEA",
        severity: "high",
        subject: "DE",
        party: "vendor",
        region: "US-VA",
        use: "backup",
        text: "A backup in Virginia, United States (US-VA) by Vendor Ltd (vendor) is outside the EEA, where this rule keeps the data of people in Germany (DE).",
      },
    ]);
  });

  it("leaves uses the rule does not name alone: access and processing in the US break nothing here", () => {
    const uses = evaluatePolicy([euStaysInEEA], mixedMap).map((f) => f.use);
    expect(uses).not.toContain("access");
    expect(uses).not.toContain("processing");
  });

  it("counts Norway as inside the EEA and Norway as outside the EU", () => {
    const inEU = rule({ kind: "uses-within", subjects: null, uses: ["backup"], allowed: { sets: ["eu"], regions: [] } });
    const regions = evaluatePolicy([inEU], mixedMap).filter((f) => f.subject === "DE").map((f) => f.region);
    expect(regions).toEqual(["NO", "US-VA"]);
  });

  it("applies to everyone in scope when it names no subjects", () => {
    const everyone = rule({ kind: "uses-within", subjects: null, uses: ["backup"], allowed: { sets: ["eea"], regions: [] } });
    expect(evaluatePolicy([everyone], mixedMap).map((f) => f.subject)).toEqual(["DE", "GB", "CA-QC"]);
  });

  it("takes a custom list of regions, where a country covers its subdivisions", () => {
    const northAmerica = rule({ kind: "uses-within", subjects: null, uses: ["backup"], allowed: { sets: [], regions: ["US", "NO"] } });
    expect(evaluatePolicy([northAmerica], mixedMap)).toEqual([]);
  });

  it("reads the subject's own country as the country of a subdivision (CA for CA-QC)", () => {
    const home = rule({
      kind: "uses-within",
      subjects: { sets: [], regions: ["CA-QC"] },
      uses: ["storage"],
      allowed: { sets: ["subject-country"], regions: [] },
    });
    const map = dataMap({
      subjects: ["CA-QC"],
      parties: [vendor({ locations: [{ region: "CA-ON", use: "storage" }, { region: "US", use: "storage" }] })],
    });
    const findings = evaluatePolicy([home], map);
    expect(findings.map((f) => f.region)).toEqual(["US"]);
    expect(findings[0]?.text).toContain("outside Canada (CA)");
  });
});

describe("a rule on where access comes from", () => {
  const access = rule(
    { kind: "access-within", subjects: null, allowed: { sets: ["eea"], regions: ["GB"] } },
    { name: "No support access from outside the EEA and the UK", severity: "medium" },
  );

  it("finds remote access from outside the set for every subject, and nothing else", () => {
    const findings = evaluatePolicy([access], mixedMap);
    expect(findings.map((f) => `${f.subject} ${f.party} ${f.use} ${f.region}`)).toEqual([
      "DE vendor access IN",
      "GB vendor access IN",
      "CA-QC vendor access IN",
    ]);
    expect(findings[0]?.severity).toBe("medium");
    expect(findings[0]?.text).toBe(
      "Remote access from India (IN) by Vendor Ltd (vendor) is outside the EEA or the United Kingdom (GB), where this rule keeps the data of people in Germany (DE).",
    );
  });
});

describe("a rule that keeps a data category in the person's own country", () => {
  const health = rule({ kind: "category-in-country", subjects: null, category: "health" }, { name: "Health data only in-country" });

  it("breaks nothing when the scope holds no data of that category", () => {
    expect(evaluatePolicy([health], mixedMap)).toEqual([]);
  });

  it("finds every use outside the subject's country, even inside the EEA", () => {
    const map = dataMap({
      subjects: ["DE"],
      categories: ["contact", "health"],
      parties: [vendor({ locations: [{ region: "DE", use: "storage" }, { region: "IE", use: "backup" }] })],
    });
    const findings = evaluatePolicy([health], map);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ subject: "DE", region: "IE", use: "backup" });
    expect(findings[0]?.text).toBe(
      "A backup in Ireland (IE) by Vendor Ltd (vendor) takes the health data of people in Germany (DE) outside Germany (DE).",
    );
  });
});

describe("a rule on where parties are established", () => {
  const established = rule({ kind: "parties-established-in", subjects: { sets: ["eea"], regions: [] }, allowed: { sets: ["eea"], regions: [] } });

  it("finds every flow of a party established outside the set, wherever its servers are", () => {
    const findings = evaluatePolicy([established], mixedMap);
    const helpdesk = findings.filter((f) => f.party === "helpdesk");
    expect(helpdesk.map((f) => `${f.subject} ${f.region} ${f.use}`)).toEqual(["DE IE storage"]);
    expect(helpdesk[0]?.text).toBe(
      "Helpdesk Inc. (helpdesk) is established in the United States (US), outside the EEA, yet handles the data of people in Germany (DE) (storage in Ireland (IE)).",
    );
  });

  it("treats a party with no known country as breaking the rule, saying so", () => {
    const mystery = evaluatePolicy([established], mixedMap).filter((f) => f.party === "mystery");
    expect(mystery).toHaveLength(1);
    expect(mystery[0]?.text).toContain("has no known country of establishment");
  });

  it("lets a party established in the set pass", () => {
    expect(evaluatePolicy([established], mixedMap).some((f) => f.party === "vendor")).toBe(false);
  });
});

describe("the rule set", () => {
  it("skips disabled rules", () => {
    expect(evaluatePolicy([{ ...euStaysInEEA, enabled: false }], mixedMap)).toEqual([]);
  });

  it("gives no findings for a map that keeps every rule", () => {
    const clean = dataMap({ subjects: ["FR"], parties: [vendor({ country: "FR", locations: [{ region: "FR", use: "storage" }] })] });
    expect(evaluatePolicy([euStaysInEEA], clean)).toEqual([]);
  });

  it("reads each rule as a sentence", () => {
    expect(describeRule(euStaysInEEA.definition)).toBe("For people in the EU, storage and backups stay in the EEA.");
    expect(describeRule({ kind: "access-within", subjects: null, allowed: { sets: ["eea"], regions: ["GB"] } })).toBe(
      "For everyone in scope, remote access comes only from the EEA or the United Kingdom (GB).",
    );
  });

  it("refuses a definition that names no allowed region, naming the field", () => {
    const parsed = PolicyRuleDefinitionSchema.safeParse({ kind: "access-within", subjects: null, allowed: { sets: [], regions: [] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["allowed"], message: "must name at least one region set or region" });
  });

  it("refuses the subject's own country as a filter on subjects", () => {
    const parsed = PolicyRuleDefinitionSchema.safeParse({
      kind: "access-within",
      subjects: { sets: ["subject-country"], regions: [] },
      allowed: { sets: ["eea"], regions: [] },
    });
    expect(parsed.error?.issues[0]?.path).toEqual(["subjects"]);
  });

  it("ships demo rules for Acme Retail that parse", () => {
    for (const demo of demoPolicyRules) {
      expect(PolicyRuleSchema.safeParse({ id: "demo", enabled: true, ...demo }).success, demo.name).toBe(true);
    }
  });
});
