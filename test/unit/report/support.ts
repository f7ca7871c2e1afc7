import { demoOrganisation, demoVendors, type DemoAnswers } from "#db/seed-demo-data";
import { deriveDataMap } from "~/datamap/derive";
import type { Scope } from "~/datamap/schema";
import { evaluatePolicy, PolicyRuleDefinitionSchema, type PolicyRule } from "~/policy";
import { demoPolicyRules } from "#db/seed-demo-data";
import { getLatestQuestionnaire } from "~/questionnaire/registry.server";
import { assessDataMap } from "~/residency";
import { verifyNotesByFlow } from "~/assessments/flow-verify";
import { catalogueInfoFor, type AssessmentReportInput, type ReportAnswer } from "~/report";
import { scoreAssessment } from "~/scoring";

export const hostedCrm = getLatestQuestionnaire("hosted-crm")!;
export const asOf = "2026-11-10";

/** The seed's shorthand ({ na: reason } for N/A) as stored answers, answered by the vendor's contact. */
export function toReportAnswers(demo: DemoAnswers, answeredBy: string): Record<string, ReportAnswer> {
  return Object.fromEntries(
    Object.entries(demo).map(([id, given]) => [
      id,
      typeof given === "object" && !Array.isArray(given)
        ? { value: null, naReason: given.na, answeredBy, answeredAt: "2026-10-23T09:00:00.000Z" }
        : { value: given, naReason: null, answeredBy, answeredAt: "2026-10-23T09:00:00.000Z" },
    ]),
  );
}

const policyRules: PolicyRule[] = demoPolicyRules.map((rule, i) => ({
  id: `rule-${i + 1}`,
  name: rule.name,
  severity: rule.severity,
  enabled: true,
  definition: PolicyRuleDefinitionSchema.parse(rule.definition),
}));

export type DemoName = "Northwind" | "Bluebird" | "Maple" | "Kairos";

/**
 * The report input of a demo vendor's assessment, scored as the app scores it;
 * `answers` overrides or adds answers (e.g. parties with names in other scripts).
 */
export function demoReportInput(
  name: DemoName = "Northwind",
  options: { answers?: DemoAnswers; finalised?: boolean } = {},
): AssessmentReportInput {
  const demo = demoVendors.find((v) => v.name.startsWith(name))!;
  const a = demo.assessment;
  const answers = toReportAnswers({ ...a.answers, ...options.answers }, a.answeredBy);
  const plain = Object.fromEntries(Object.entries(answers).map(([id, x]) => [id, { value: x.value as never, naReason: x.naReason }]));
  const scope = a.scope as Scope;
  const { dataMap, notes } = deriveDataMap(hostedCrm, plain, scope);
  const residency = assessDataMap(dataMap);
  const policyFindings = evaluatePolicy(policyRules, dataMap);
  const score = scoreAssessment({ questionnaire: hostedCrm, answers: plain, scope, residency, policyFindings, asOf });
  return {
    version: options.finalised === false ? null : { number: 1, reason: "finalised", createdAt: "2026-11-10T14:30:00.000Z", createdBy: "Lea Moreau" },
    issuedAt: "2026-11-10T14:30:00.000Z",
    buyer: { name: demoOrganisation.name },
    vendor: { name: demo.name, service: demo.service, country: demo.country },
    assessment: { id: "demo-assessment", createdAt: "2026-09-01T08:00:00.000Z", submittedAt: "2026-10-23T09:00:00.000Z" },
    questionnaire: hostedCrm,
    scope,
    answers,
    evidenceFiles: [],
    dataMap,
    derivationNotes: notes,
    residency,
    verifyNotes: verifyNotesByFlow(dataMap, residency.flows),
    policyFindings,
    score,
    catalogue: catalogueInfoFor(scope.subjects),
  };
}

/**
 * Northwind's answers plus three parties whose names need more than Latin-1:
 * "Zürich Daten GmbH" processing in Łódź, a Greek archive and a Japanese
 * support affiliate, so the PDF must draw Polish, Greek and Japanese text.
 */
export function northwindWithNamesInOtherScripts(): DemoAnswers {
  const northwind = demoVendors.find((v) => v.name.startsWith("Northwind"))!.assessment.answers;
  const rows = (id: string) => northwind[id] as Record<string, string | number | boolean | string[]>[];
  return {
    "s0.parties": [
      ...rows("s0.parties"),
      {
        key: "Zurich-Data",
        legal_name: "Zürich Daten GmbH",
        role: "subprocessor",
        country: "PL",
        service: "Address clean-up in our Łódź office",
        access: "hosts",
        own_use: false,
        safeguards: ["eu-scc"],
        dpa_signed: true,
      },
      {
        key: "Hellas",
        legal_name: "Ελληνικά Αρχεία Α.Ε.",
        role: "subprocessor",
        country: "GR",
        service: "Archive of closed accounts",
        access: "hosts",
        own_use: false,
        safeguards: ["eu-scc"],
        dpa_signed: true,
      },
      {
        key: "Nihon",
        legal_name: "日本サポート株式会社",
        role: "affiliate",
        country: "JP",
        service: "Support for our Japanese customers",
        access: "remote",
        own_use: false,
        safeguards: ["eu-scc", "uk-addendum", "tia"],
        dpa_signed: true,
      },
    ],
    "s1.facilities": [
      ...rows("s1.facilities"),
      { operator: "Zurich-Data", facility_type: "colocation", city: "Łódź", region: "PL", data_classes: ["records"] },
      { operator: "Hellas", facility_type: "own", city: "Αθήνα", region: "GR", data_classes: ["attachments"] },
    ],
    "s2.access_locations": [...rows("s2.access_locations"), { party: "Nihon", region: "JP", purpose: "support", follow_the_sun: true }],
  };
}
