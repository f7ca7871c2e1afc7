import type { DB } from "#db/database";
import { deriveDataMap } from "~/datamap/derive";
import type { Category, DataMap, LocationUse, Region } from "~/datamap/schema";
import { regionLabel } from "~/geo/regions";
import { listPolicyRules } from "~/models/policy-rules.server";
import type { Organisation } from "~/models/organisations.server";
import { evaluatePolicy, type PolicyFinding } from "~/policy";
import { hasValue } from "~/questionnaire";
import { assessDataMap, type Flag, type Verdict } from "~/residency";
import type { AssessmentWorkspace } from "./workspace.server";
import { verifyNotesByFlow } from "./flow-verify";

// The residency part of an assessment page: answers + scope -> DataMap ->
// flows judged by the catalogue, and the organisation's own policy over the
// same map. Plain data out, ready for the loader.

export interface FlowRow {
  subject: Region;
  party: string;
  partyName: string;
  /** Names of the parties that passed the data on, vendor first; empty for the vendor itself. */
  via: string[];
  region: Region;
  regionLabel: string;
  use: LocationUse;
  verdict: Verdict;
  basis: string;
  citations: string[];
  obligations: string[];
  /** The verify flags (unconfirmed facts) this flow's verdict relies on. */
  verify: string[];
}

export interface SubjectFlows {
  subject: Region;
  label: string;
  flows: FlowRow[];
}

export interface PolicyFindingRow extends PolicyFinding {
  subjectLabel: string;
  partyName: string;
  regionLabel: string;
}

export type AssessmentResidency =
  | { state: "no-subjects" }
  | { state: "no-answers" }
  | { state: "no-locations"; notes: string[] }
  | {
      state: "judged";
      rulesVersion: string;
      /** What the answers could not tell (missing tables, unknown parties). */
      notes: string[];
      groups: SubjectFlows[];
      flags: Flag[];
      policy: { organisationName: string; rulesInForce: number; findings: PolicyFindingRow[] };
    };

export interface ResidencyOptions {
  /** Parties the buyer has not approved, by party id, short name or legal name. */
  unauthorisedParties?: string[];
}

/** The DataMap an assessment's answers and scope give, with the derivation's notes. */
export function deriveAssessmentDataMap(workspace: AssessmentWorkspace, options: ResidencyOptions = {}) {
  const { scope } = workspace.assessment;
  return deriveDataMap(
    workspace.questionnaire,
    workspace.answers,
    {
      subjects: scope.subjects,
      categories: scope.categories as Category[],
      sector: scope.sector,
      ...(scope.subjectsCount != null ? { subjectsCount: scope.subjectsCount } : {}),
    },
    options,
  );
}

export function getAssessmentResidency(
  db: DB,
  organisation: Organisation,
  workspace: AssessmentWorkspace,
  options: ResidencyOptions = {},
): AssessmentResidency {
  if (workspace.assessment.scope.subjects.length === 0) return { state: "no-subjects" };
  const answered = Object.values(workspace.answers).some((a) => hasValue(a.value) || (a.naReason ?? "") !== "");
  if (!answered) return { state: "no-answers" };

  const { dataMap, notes } = deriveAssessmentDataMap(workspace, options);
  if (dataMap.scope.subjects.length === 0) return { state: "no-subjects" };
  if (dataMap.parties.every((p) => p.locations.length === 0)) return { state: "no-locations", notes };

  const result = assessDataMap(dataMap);
  const verify = verifyNotesByFlow(dataMap, result.flows);
  const names = partyNames(dataMap);
  const groups: SubjectFlows[] = dataMap.scope.subjects.map((subject) => ({ subject, label: regionLabel(subject), flows: [] }));
  result.flows.forEach((flow, i) => {
    const group = groups.find((g) => g.subject === flow.subject);
    group?.flows.push({
      ...flow,
      partyName: names.name(flow.party),
      via: names.via(flow.party),
      regionLabel: regionLabel(flow.region),
      verify: verify[i] ?? [],
    });
  });

  const rules = listPolicyRules(db, organisation.id);
  const findings = evaluatePolicy(rules, dataMap).map((finding) => ({
    ...finding,
    subjectLabel: regionLabel(finding.subject),
    partyName: names.name(finding.party),
    regionLabel: regionLabel(finding.region),
  }));

  return {
    state: "judged",
    rulesVersion: result.rulesVersion,
    notes,
    groups,
    flags: result.flags,
    policy: { organisationName: organisation.name, rulesInForce: rules.filter((r) => r.enabled).length, findings },
  };
}

function partyNames(map: DataMap) {
  const byId = new Map(map.parties.map((p) => [p.id, p]));
  const vendor = map.parties[0];
  return {
    name: (id: string) => byId.get(id)?.name ?? id,
    via(id: string): string[] {
      const via: string[] = [];
      let current = byId.get(id);
      while (current && current !== vendor && via.length < map.parties.length) {
        const engager = byId.get(current.engagedBy ?? vendor?.id ?? "");
        if (!engager) break;
        via.unshift(engager.name);
        current = engager;
      }
      return via;
    },
  };
}
