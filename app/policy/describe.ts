import type { Category, LocationUse } from "~/datamap/schema";
import { regionInfo } from "~/residency/regions";
import type { NamedRegionSet, PolicyRuleDefinition, RegionSetSpec } from "./rules";

// Plain-English readings of rules and region sets, shared by the /policy page
// and the findings' sentences.

export const namedRegionSetLabels: Readonly<Record<NamedRegionSet, string>> = {
  eea: "the EEA",
  eu: "the EU",
  "subject-country": "the data subject's own country",
};

export const policyRuleKindLabels = {
  "uses-within": "Data stays in a region",
  "access-within": "Access only from a region",
  "category-in-country": "A data category stays in the person's own country",
  "parties-established-in": "Parties are established in a region",
} as const;

const usePlural: Readonly<Record<LocationUse, string>> = {
  storage: "storage",
  backup: "backups",
  access: "remote access",
  processing: "processing",
};

export const categoryPhrases: Readonly<Record<Category, string>> = {
  contact: "contact details",
  commercial: "commercial data",
  financial: "financial data",
  payment: "payment card data",
  health: "health data",
  "my-health-record": "My Health Record data",
  "government-id": "government identifiers",
  children: "children's data",
  biometric: "biometric data",
  genetic: "genetic data",
  "precise-location": "precise location data",
  "criminal-justice": "criminal justice data",
  "credit-information": "credit information",
};

/** "the EEA or the United Kingdom (GB)"; with a subject, "the data subject's own country" becomes its name. */
export function describeRegionSet(spec: RegionSetSpec, subject?: string): string {
  const parts = [
    ...spec.sets.map((set) =>
      set === "subject-country" && subject ? regionInfo(regionInfo(subject).country).label : namedRegionSetLabels[set],
    ),
    ...spec.regions.map((code) => regionInfo(code).label),
  ];
  return joinWords(parts, "or");
}

function describeSubjects(subjects: RegionSetSpec | null): string {
  return subjects ? `people in ${describeRegionSet(subjects)}` : "everyone in scope";
}

/** The rule as a sentence: "For people in the EU, storage and backups stay in the EEA." */
export function describeRule(definition: PolicyRuleDefinition): string {
  const who = describeSubjects(definition.subjects);
  switch (definition.kind) {
    case "uses-within":
      return `For ${who}, ${joinWords(definition.uses.map((u) => usePlural[u]), "and")} stay in ${describeRegionSet(definition.allowed)}.`;
    case "access-within":
      return `For ${who}, remote access comes only from ${describeRegionSet(definition.allowed)}.`;
    case "category-in-country":
      return `For ${who}, ${categoryPhrases[definition.category]} stays in the person's own country: storage, backups, access and processing.`;
    case "parties-established-in":
      return `For ${who}, every party handling the data is established in ${describeRegionSet(definition.allowed)}.`;
  }
}

/** "Storage in", "A backup in", "Remote access from", "Processing in". */
export function useOpening(use: LocationUse): string {
  switch (use) {
    case "storage":
      return "Storage in";
    case "backup":
      return "A backup in";
    case "access":
      return "Remote access from";
    case "processing":
      return "Processing in";
  }
}

export function joinWords(parts: readonly string[], conjunction: "and" | "or"): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${conjunction} ${parts.at(-1)}`;
}
