import { regionLabel } from "~/geo/regions";
import { safeguards as safeguardCodes, type Safeguard } from "~/datamap/schema";
import { safeguardLabels } from "~/residency/safeguards";
import type { AssessResult, Flow, Verdict } from "~/residency/types";
import { verdictPenalty } from "./method";
import { allocate, toPoints, worths } from "./points";
import type { Condition, Finding, ResidencyScore } from "./types";

export const flowKey = (flow: Pick<Flow, "subject" | "party" | "region" | "use">): string =>
  `${flow.subject}:${flow.party}:${flow.region}:${flow.use}`;

const verdictWords: Readonly<Record<Verdict, string>> = {
  permitted: "permitted",
  "permitted-with-safeguard": "permitted with safeguard",
  "non-compliant": "non-compliant",
  prohibited: "prohibited",
};

const useWords: Readonly<Record<Flow["use"], string>> = {
  storage: "storage",
  backup: "backup",
  access: "access",
  processing: "processing",
};

export function scoreResidency(result: AssessResult): ResidencyScore {
  const byVerdict: Record<Verdict, number> = { prohibited: 0, "non-compliant": 0, "permitted-with-safeguard": 0, permitted: 0 };
  for (const flow of result.flows) byVerdict[flow.verdict]++;
  const base = { rulesVersion: result.rulesVersion, flowCount: result.flows.length, byVerdict };
  if (result.flows.length === 0) {
    return { ...base, score: null, notScoredReason: "No flow could be judged: the answers name no location.", contributions: [] };
  }
  const worth = worths(result.flows.map(() => 1));
  const lost = allocate(result.flows.map((flow, i) => ((worth[i] ?? 0) * verdictPenalty[flow.verdict]) / 100));
  const contributions = result.flows.flatMap((flow, index) =>
    flow.verdict === "permitted"
      ? []
      : [
          {
            flowKey: flowKey(flow),
            index,
            subject: flow.subject,
            party: flow.party,
            region: flow.region,
            use: flow.use,
            verdict: flow.verdict,
            basis: flow.basis,
            citations: [...flow.citations],
            obligations: [...flow.obligations],
            worth: toPoints(worth[index] ?? 0),
            penalty: verdictPenalty[flow.verdict],
            pointsLost: toPoints(lost[index] ?? 0),
          },
        ],
  );
  const score = toPoints(1000 - lost.reduce((sum, l) => sum + l, 0));
  return { ...base, score, notScoredReason: null, contributions };
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

const isSafeguard = (code: string): code is Safeguard => (safeguardCodes as readonly string[]).includes(code);

const safeguardVerbs: Partial<Record<Safeguard, string>> = {
  tia: "document",
  pia: "complete",
  notice: "give",
  consent: "obtain",
  "ru-notification": "complete",
  "vn-ctia-filed": "file",
  "tr-scc-notified": "sign and notify",
  "cn-security-assessment": "pass",
  "cn-standard-contract": "sign and file",
};

function listWords(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

/** An engine obligation as an action: it writes alternatives with "or" and joint safeguards with "+". */
function obligationAction(obligation: string): { action: string; safeguard: boolean } {
  const alternatives = obligation.split(" or ").map((alt) => alt.split(" + ").map((code) => code.trim()));
  if (!alternatives.every((alt) => alt.every(isSafeguard))) return { action: obligation, safeguard: false };
  const [only] = alternatives;
  const named = (alt: string[]) => alt.map((code) => `${safeguardLabels[code as Safeguard]} (${code})`).join(" together with ");
  if (alternatives.length === 1 && only?.length === 1) {
    const verb = safeguardVerbs[only[0] as Safeguard] ?? "put in place";
    return { action: `${verb} ${named(only)}`, safeguard: true };
  }
  return { action: `put in place ${listWords(alternatives.map(named), "or")}`, safeguard: true };
}

const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function flowsPhrase(flows: readonly Flow[]): string {
  const subjects = unique(flows.map((f) => regionLabel(f.subject)));
  const places = unique(flows.map((f) => `${useWords[f.use]} in ${regionLabel(f.region)}`));
  return `the data of people in ${listWords(subjects)}: ${listWords(places)}`;
}

export type PartyNamer = (partyId: string) => string;

export function partyNamer(names: Readonly<Record<string, string>> = {}): PartyNamer {
  return (id) => names[id] ?? id;
}

export function flowFindings(result: AssessResult, nameOf: PartyNamer): Finding[] {
  const groups = new Map<string, Flow[]>();
  for (const flow of result.flows) {
    if (flow.verdict !== "non-compliant" && flow.verdict !== "prohibited") continue;
    const id = `flow:${flow.verdict}:${flow.party}:${flow.region}:${flow.use}`;
    groups.set(id, [...(groups.get(id) ?? []), flow]);
  }
  return [...groups].map(([id, flows]) => {
    const first = flows[0]!;
    const obligations = unique(flows.flatMap((f) => f.obligations));
    const bases = unique(flows.map((f) => `${regionLabel(f.subject)}: ${f.basis}.`));
    return {
      id,
      severity: first.verdict === "prohibited" ? "critical" : "high",
      source: "flow",
      title: `${verdictWords[first.verdict].replace(/^./, (c) => c.toUpperCase())}: ${useWords[first.use]} by ${nameOf(first.party)} in ${regionLabel(first.region)}`,
      detail: bases.join(" "),
      remediation:
        first.verdict === "prohibited"
          ? `No safeguard cures this flow: the data must not go there. ${obligations.map((o) => `${sentence(obligationAction(o).action)}.`).join(" ")}`.trim()
          : obligations.length > 0
            ? obligations.map((o) => `${sentence(obligationAction(o).action)}.`).join(" ")
            : "Find a lawful basis for this flow or stop it.",
      references: {
        controls: [],
        citations: unique(flows.flatMap((f) => f.citations)),
        questions: [],
        flows: flows.map(flowKey),
        policyRules: [],
      },
    } satisfies Finding;
  });
}

export function residencyFlagFindings(result: AssessResult, idOf: (text: string) => string): Finding[] {
  return result.flags.map((flag) => ({
    id: `residency:${idOf(flag.text)}`,
    severity: flag.severity,
    source: "flow",
    title: flag.text,
    detail: `Raised by the residency engine under rules version ${result.rulesVersion}.`,
    remediation: flag.text.startsWith("Verify:")
      ? "Have counsel confirm the point before the report is signed."
      : "Review with counsel; any flow it affects is listed with its own finding.",
    references: { controls: [], citations: [...flag.citations], questions: [], flows: [], policyRules: [] },
  }));
}

/**
 * One condition per obligation: safeguards per party (each party signs its
 * own), other duties once with every flow they cover.
 */
export function obligationConditions(result: AssessResult, findings: readonly Finding[], nameOf: PartyNamer): Condition[] {
  const groups = new Map<string, { obligation: string; party: string | null; flows: Flow[] }>();
  for (const flow of result.flows) {
    for (const obligation of flow.obligations) {
      const { safeguard } = obligationAction(obligation);
      const id = safeguard ? `obligation:${flow.party}:${obligation}` : `obligation:${obligation}`;
      const group = groups.get(id) ?? { obligation, party: safeguard ? flow.party : null, flows: [] };
      group.flows.push(flow);
      groups.set(id, group);
    }
  }
  return [...groups].map(([id, { obligation, party, flows }]) => {
    const keys = new Set(flows.map(flowKey));
    const parties = unique(flows.map((f) => nameOf(f.party)));
    const who = party ? `With ${nameOf(party)}` : `For ${listWords(parties)}`;
    return {
      id,
      text: `${who}, ${obligationAction(obligation).action} before go-live, for ${flowsPhrase(flows)}.`,
      findingIds: findings.filter((f) => f.references.flows.some((k) => keys.has(k))).map((f) => f.id),
    };
  });
}
