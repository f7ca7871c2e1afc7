import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveDataMap } from "~/datamap/derive";
import { DataMapSchema, safeguards, type Scope } from "~/datamap/schema";
import type { Answers } from "~/questionnaire/answers";
import { parseQuestionnaire } from "~/questionnaire/parse";
import type { Question } from "~/questionnaire/types";

const file = "questionnaires/hosted-crm-1.0.0.yaml";
const parsed = parseQuestionnaire(readFileSync(path.resolve(import.meta.dirname, "../../..", file), "utf8"), file);
if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
const hostedCrm = parsed.questionnaire;
const scope: Scope = { subjects: ["DE", "CA-QC"], categories: ["contact", "commercial"], sector: "general", subjectsCount: 40000 };

const northwind: Answers = {
  "s0.legal_name": { value: "Northwind CRM GmbH" },
  "s0.country": { value: "DE" },
  "s0.vendor_safeguards": { value: ["eu-scc"] },
  "s0.parties": {
    value: [
      { key: "AWS", legal_name: "Amazon Web Services EMEA SARL", role: "subprocessor", country: "LU", service: "Hosting", access: "hosts", own_use: false, safeguards: ["eu-scc", "dpf"], dpa_signed: true },
      { key: "Support-IN", legal_name: "Northwind Support India Pvt Ltd", role: "affiliate", country: "IN", service: "Second-line support", access: "remote", safeguards: ["eu-scc", "tia"], dpa_signed: true },
      { key: "Zendesk", legal_name: "Zendesk, Inc.", role: "subprocessor", country: "US-CA", service: "Support tickets", access: "hosts", safeguards: ["dpf", "eu-scc"], dpa_signed: true },
      { key: "Zendesk-AWS", legal_name: "Amazon Web Services, Inc.", role: "subprocessor", country: "US", engaged_by: "Zendesk", service: "Hosting for Zendesk", access: "hosts", safeguards: ["dpf"] },
      { key: "OpenAI", legal_name: "OpenAI Ireland Ltd", role: "subprocessor", country: "IE", service: "Email drafting model", access: "processes", safeguards: ["eu-scc"], dpa_signed: true },
    ],
  },
  "s1.storage_countries": { value: ["DE", "CA"] },
  "s1.facilities": {
    value: [
      { operator: "AWS", facility_type: "cloud", provider_region: "eu-central-1", city: "Frankfurt", region: "DE", data_classes: ["records", "attachments"] },
      { operator: "AWS", facility_type: "cloud", provider_region: "ca-central-1", city: "Montréal", region: "CA-QC", data_classes: ["records"] },
    ],
  },
  "s1.pinning": { value: "contract" },
  "s1.secondary_copies": { value: ["support"] },
  "s1.secondary_copy_locations": { value: [{ copy_type: "support", operator: "Zendesk-AWS", region: "US" }] },
  "s2.access_locations": {
    value: [
      { region: "DE", purpose: "operations" },
      { party: "Support-IN", region: "IN", purpose: "support", follow_the_sun: true },
    ],
  },
  "s3.backup_sites": { value: [{ kind: "backup", operator: "AWS", region: "IE", automatic_failover: false }] },
  "s7.key_model": { value: "vendor" },
  "s7.key_locations": { value: [{ party: "AWS", kind: "cloud_kms", region: "DE", admin_countries: ["DE", "US"] }] },
  "s14.own_use": { value: ["service_metadata"] },
  "s15.ai_in_use": { value: true },
  "s15.ai_features": { value: [{ feature: "Email drafting", default_state: "off", provider: "OpenAI", region: "IE", retention_days: 0 }] },
  "s15.training": { value: "never" },
};

describe("deriveDataMap", () => {
  it("turns a vendor's answers and the buyer's scope into a DataMap", () => {
    const { dataMap, notes } = deriveDataMap(hostedCrm, northwind, scope);
    expect(notes).toEqual([]);
    expect(dataMap).toEqual({
      scope,
      parties: [
        {
          id: "vendor",
          name: "Northwind CRM GmbH",
          role: "vendor",
          country: "DE",
          locations: [{ region: "DE", use: "access" }],
          safeguards: ["eu-scc"],
        },
        {
          id: "aws",
          name: "Amazon Web Services EMEA SARL",
          role: "subprocessor",
          country: "LU",
          locations: [
            { region: "DE", use: "storage" },
            { region: "CA-QC", use: "storage" },
            { region: "IE", use: "backup" },
            { region: "DE", use: "access" },
            { region: "US", use: "access" },
          ],
          safeguards: ["eu-scc", "dpf"],
        },
        { id: "support-in", name: "Northwind Support India Pvt Ltd", role: "affiliate", country: "IN", locations: [{ region: "IN", use: "access" }], safeguards: ["eu-scc", "tia"] },
        { id: "zendesk", name: "Zendesk, Inc.", role: "subprocessor", country: "US-CA", locations: [], safeguards: ["dpf", "eu-scc"] },
        {
          id: "zendesk-aws",
          name: "Amazon Web Services, Inc.",
          role: "subprocessor",
          country: "US",
          engagedBy: "zendesk",
          locations: [{ region: "US", use: "storage" }],
          safeguards: ["dpf"],
        },
        { id: "openai", name: "OpenAI Ireland Ltd", role: "subprocessor", country: "IE", locations: [{ region: "IE", use: "processing" }], safeguards: ["eu-scc"] },
      ],
    });
    expect(DataMapSchema.safeParse(dataMap).success).toBe(true);
  });

  it("marks the parties the buyer has not approved, by name or short name", () => {
    const { dataMap, notes } = deriveDataMap(hostedCrm, northwind, scope, { unauthorisedParties: ["Zendesk, Inc.", "openai", "Nobody Ltd"] });
    expect(dataMap.parties.filter((p) => p.authorised === false).map((p) => p.id)).toEqual(["zendesk", "openai"]);
    expect(notes).toEqual(['unauthorised party "Nobody Ltd" is not among the vendor\'s parties']);
  });

  it("marks the vendor as using data for its own purposes when it trains models on it", () => {
    const answers = { ...northwind, "s15.training": { value: "opt_out" } };
    expect(deriveDataMap(hostedCrm, answers, scope).dataMap.parties[0]?.ownUse).toBe(true);
  });

  it("gives a valid, smaller map and notes, never an exception, for an empty questionnaire", () => {
    const { dataMap, notes } = deriveDataMap(hostedCrm, {}, scope);
    expect(dataMap.parties).toEqual([{ id: "vendor", name: "Vendor", role: "vendor", locations: [], safeguards: [] }]);
    expect(notes).toEqual([
      'no vendor legal name answered (s0.legal_name); the vendor is named "Vendor"',
      "no country of establishment answered for the vendor (s0.country)",
      "no storage location answered (s1.storage_countries, s1.facilities)",
      "no backup location answered (s3.backup_sites)",
      "no access or support location answered (s2.access_locations)",
    ]);
    expect(DataMapSchema.safeParse(dataMap).success).toBe(true);
  });

  it("gives storage countries without a listed facility to the vendor, with a note", () => {
    const answers = { ...northwind, "s1.storage_countries": { value: ["DE", "CA", "CH"] } };
    const { dataMap, notes } = deriveDataMap(hostedCrm, answers, scope);
    expect(dataMap.parties[0]?.locations).toContainEqual({ region: "CH", use: "storage" });
    expect(notes).toEqual(["storage country CH (s1.storage_countries) has no facility in s1.facilities; it is given to the vendor"]);
  });

  it("ignores answers to questions the vendor's other answers hide", () => {
    const answers = { ...northwind, "s15.ai_in_use": { value: false } };
    const openai = deriveDataMap(hostedCrm, answers, scope).dataMap.parties.find((p) => p.id === "openai");
    expect(openai?.locations).toEqual([]);
  });

  it("survives stale or malformed stored answers with notes", () => {
    const answers: Answers = {
      ...northwind,
      "s0.parties": {
        value: [
          { key: "A", legal_name: "Alpha Ltd", role: "subprocessor", country: "GB", engaged_by: "B" },
          { key: "B", legal_name: "Beta Ltd", role: "subprocessor", country: "gb", engaged_by: "A" },
          { key: "vendor", legal_name: "Vendor Namesake Ltd", role: "subprocessor", country: "FR", engaged_by: "Ghost" },
          { legal_name: "No Key Ltd" },
        ],
      },
      "s2.access_locations": { value: [{ party: "Gamma", region: "PH", purpose: "support" }, { region: "Atlantis" }] },
    };
    const { dataMap, notes } = deriveDataMap(hostedCrm, answers, scope);
    expect(DataMapSchema.safeParse(dataMap).success).toBe(true);
    expect(dataMap.parties.map((p) => p.id)).toEqual(["vendor", "a", "b", "vendor-2"]);
    expect(dataMap.parties[0]?.locations).toContainEqual({ region: "PH", use: "access" });
    expect(notes).toEqual(
      expect.arrayContaining([
        "s0.parties row 2 (Beta Ltd): no valid country of establishment",
        "s0.parties row 4: no short name or legal name; left out",
        'Vendor Namesake Ltd: engaged by "Ghost", which is not in s0.parties; treated as engaged by the vendor',
        "Alpha Ltd: its chain of engagements loops and never reaches the vendor; treated as engaged by the vendor",
        's2.access_locations row 1: "Gamma" is not in s0.parties; the location is given to the vendor',
        's2.access_locations row 2: "Atlantis" is not an ISO 3166 region; left out',
      ]),
    );
  });
});

describe("the residency questions of hosted-crm 1.0.0", () => {
  const questions = new Map(hostedCrm.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const columnTypes = (q: Question | undefined) => (q?.type === "table" ? Object.fromEntries(q.columns.map((c) => [c.id, c.type])) : {});

  it("has the questions and columns the derivation reads, marked as feeding residency", () => {
    const expected: [string, string, Record<string, string>][] = [
      ["s0.legal_name", "text", {}],
      ["s0.country", "country", {}],
      ["s0.vendor_safeguards", "multi", {}],
      ["s0.parties", "table", { key: "text", legal_name: "text", role: "single", country: "country", engaged_by: "rowref", own_use: "bool", safeguards: "multi" }],
      ["s1.storage_countries", "countries", {}],
      ["s1.facilities", "table", { operator: "rowref", region: "country" }],
      ["s1.secondary_copy_locations", "table", { operator: "rowref", region: "country" }],
      ["s2.access_locations", "table", { party: "rowref", region: "country" }],
      ["s2.processing_locations", "table", { party: "rowref", region: "country" }],
      ["s3.backup_sites", "table", { operator: "rowref", region: "country" }],
      ["s6.destruction_sites", "table", { party: "rowref", region: "country" }],
      ["s7.key_locations", "table", { party: "rowref", region: "country", admin_countries: "countries" }],
      ["s14.own_use", "multi", {}],
      ["s15.ai_features", "table", { provider: "rowref", region: "country" }],
      ["s15.training", "single", {}],
    ];
    for (const [id, type, columns] of expected) {
      const question = questions.get(id);
      expect(question?.type, id).toBe(type);
      expect(question?.residency, id).toBe(true);
      expect(columnTypes(question), id).toMatchObject(columns);
    }
  });

  it("accepts ISO 3166-2 subdivisions in every region column", () => {
    for (const question of questions.values()) {
      if (question.type !== "table" || !question.residency) continue;
      for (const column of question.columns) {
        if (column.type === "country" || column.type === "countries") expect(column.subdivisions, `${question.id}.${column.id}`).toBe(true);
      }
    }
  });

  it("offers exactly the DataMap's safeguards as choices", () => {
    const vendorSafeguards = questions.get("s0.vendor_safeguards");
    expect(vendorSafeguards?.type === "multi" && vendorSafeguards.choices.map((c) => c.value)).toEqual([...safeguards]);
  });
});
