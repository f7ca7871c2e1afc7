import type { DataMap, Party, Region } from "~/datamap/schema";
import { EEA, EU27, RegionSet, regionInfo } from "~/residency/regions";
import { categoryPhrases, describeRegionSet, useOpening } from "./describe";
import type { PolicyRule, PolicyRuleDefinition, RegionSetSpec } from "./rules";
import type { PolicyFinding } from "./types";

// The buyer's policy over a DataMap: one finding per flow (subject region,
// party, location) that breaks an enabled rule. Region matching is the
// engine's (RegionSet): a country covers its subdivisions and EU outermost
// regions count as their state, so policy and law never disagree on geography.

/** The regions a set stands for, for one data subject region. */
function resolve(spec: RegionSetSpec, subject: Region): RegionSet {
  const codes: string[] = [...spec.regions];
  for (const set of spec.sets) {
    if (set === "eea") codes.push(...EEA);
    else if (set === "eu") codes.push(...EU27);
    else codes.push(regionInfo(subject).country);
  }
  return new RegionSet(codes);
}

function coversSubject(definition: PolicyRuleDefinition, subject: Region): boolean {
  return definition.subjects === null || resolve(definition.subjects, subject).has(subject);
}

/** The findings of every enabled rule, rule by rule, in the map's subject and party order. */
export function evaluatePolicy(rules: readonly PolicyRule[], map: DataMap): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const subject of map.scope.subjects) {
      if (!coversSubject(rule.definition, subject)) continue;
      for (const party of map.parties) findings.push(...judgeParty(rule, subject, party, map));
    }
  }
  return findings;
}

function judgeParty(rule: PolicyRule, subject: Region, party: Party, map: DataMap): PolicyFinding[] {
  const { definition } = rule;
  const who = `${party.name} (${party.id})`;
  const people = `people in ${regionInfo(subject).label}`;
  const finding = (location: Party["locations"][number], text: string): PolicyFinding => ({
    ruleId: rule.id,
    ruleText: rule.name,
    severity: rule.severity,
    subject,
    party: party.id,
    region: location.region,
    use: location.use,
    text,
  });
  const out: PolicyFinding[] = [];

  switch (definition.kind) {
    case "uses-within":
    case "access-within": {
      const uses = definition.kind === "access-within" ? ["access"] : definition.uses;
      const allowed = resolve(definition.allowed, subject);
      for (const location of party.locations) {
        if (!uses.includes(location.use) || allowed.has(location.region)) continue;
        out.push(
          finding(
            location,
            `${useOpening(location.use)} ${regionInfo(location.region).label} by ${who} is outside ` +
              `${describeRegionSet(definition.allowed, subject)}, where this rule keeps the data of ${people}.`,
          ),
        );
      }
      break;
    }
    case "category-in-country": {
      if (!map.scope.categories.includes(definition.category)) break;
      const country = regionInfo(subject).country;
      const home = new RegionSet([country]);
      for (const location of party.locations) {
        if (home.has(location.region)) continue;
        out.push(
          finding(
            location,
            `${useOpening(location.use)} ${regionInfo(location.region).label} by ${who} takes the ` +
              `${categoryPhrases[definition.category]} of ${people} outside ${regionInfo(country).label}.`,
          ),
        );
      }
      break;
    }
    case "parties-established-in": {
      const allowed = resolve(definition.allowed, subject);
      if (party.country !== undefined && allowed.has(party.country)) break;
      const seat =
        party.country === undefined
          ? `${who} has no known country of establishment, so it cannot be shown to be in`
          : `${who} is established in ${regionInfo(party.country).label}, outside`;
      for (const location of party.locations) {
        out.push(
          finding(
            location,
            `${seat} ${describeRegionSet(definition.allowed, subject)}, yet handles the data of ${people} ` +
              `(${useOpening(location.use).toLowerCase()} ${regionInfo(location.region).label}).`,
          ),
        );
      }
      break;
    }
  }
  return out;
}
