import type { DataMap, LocationUse, Party } from "~/datamap/schema";
import { regionLabel } from "~/geo/regions";
import { safeguardLabels } from "~/residency/safeguards";
import type { Flow, Verdict } from "~/residency/types";
import type { DecisionOutcome, FindingSeverity, FindingSource, Tier } from "~/scoring";
import { formatDate, formatNumber } from "~/ui/format";
import { useLabels, verdictWords } from "~/residency/words";

// Wording shared by the report's sections. Verdicts use the four words of the
// whole app (STYLE.md); numbers from scoring already have one decimal.

export { verdictWords };

export const verdictRank: Readonly<Record<Verdict, number>> = {
  permitted: 0,
  "permitted-with-safeguard": 1,
  "non-compliant": 2,
  prohibited: 3,
};

export const decisionLabels: Readonly<Record<DecisionOutcome, string>> = {
  approve: "Approve",
  "approve-with-conditions": "Approve with conditions",
  reject: "Reject",
};

export const tierLabels: Readonly<Record<Tier, string>> = { low: "Low", medium: "Medium", high: "High" };

export const severityLabels: Readonly<Record<FindingSeverity, string>> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Information",
};

export const severityOrder: readonly FindingSeverity[] = ["critical", "high", "medium", "low", "info"];

export function sourceLabel(source: FindingSource, buyer: string): string {
  switch (source) {
    case "answer":
      return "Answer";
    case "knockout":
      return "Knockout answer";
    case "flow":
      return "Transfer rules (law)";
    case "policy":
      return `Policy (${buyer}'s own rule)`;
  }
}

/** 25.8 -> "25.8"; scores are numbers with one decimal (docs/scoring.md). */
export function points(value: number | null | undefined): string {
  return value === null || value === undefined ? "not scored" : value.toFixed(1);
}

export function useLabel(use: LocationUse): string {
  return useLabels[use];
}

/** "storage in Germany (DE)", "remote access from India (IN)" */
export function flowPhrase(flow: Pick<Flow, "use" | "region">): string {
  return `${useLabels[flow.use].toLowerCase()} ${flow.use === "access" ? "from" : "in"} ${regionLabel(flow.region)}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** "a, b and c" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Ends text with one full stop, whether or not it ends with an abbreviation's. */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function dateLabel(iso: string): string {
  return formatDate(iso);
}

const isSafeguard = (code: string): code is keyof typeof safeguardLabels => code in safeguardLabels;

/**
 * An engine obligation in words: "eu-scc + uk-addendum" and "contract or consent"
 * read as the safeguards they name, code in brackets; free text stays as it is.
 */
export function obligationWords(obligation: string): string {
  return obligation
    .split(" or ")
    .map((alternative) =>
      alternative
        .split(" + ")
        .map((code) => code.trim())
        .map((code) => (isSafeguard(code) ? `${safeguardLabels[code]} (${code})` : code))
        .join(" with "),
    )
    .join(", or ");
}

/** Whether an obligation can be met by safeguard codes alone, i.e. is signed party by party. */
export function isSafeguardObligation(obligation: string): boolean {
  return obligation.split(" or ").every((alt) => alt.split(" + ").every((code) => isSafeguard(code.trim())));
}

export interface PartyDirectory {
  name(id: string): string;
  party(id: string): Party | undefined;
  /** "via Tessellate Helpdesk Inc." for an onward party; empty for one the vendor engaged. */
  via(id: string): string;
}

export function partyDirectory(map: DataMap | null): PartyDirectory {
  const byId = new Map((map?.parties ?? []).map((p) => [p.id, p]));
  const vendor = map?.parties[0];
  return {
    name: (id) => byId.get(id)?.name ?? id,
    party: (id) => byId.get(id),
    via(id) {
      const chain: string[] = [];
      let current = byId.get(id);
      // The schema rules out cycles; the bound only guards a map that skipped it.
      while (current && vendor && current.id !== vendor.id && chain.length <= byId.size) {
        const engager = byId.get(current.engagedBy ?? vendor.id);
        if (!engager || engager.id === vendor.id) break;
        chain.unshift(engager.name);
        current = engager;
      }
      return chain.length > 0 ? `via ${chain.join(", then ")}` : "";
    },
  };
}


/** A download name of ASCII letters, digits and hyphens only. */
export function slug(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[Łł]/g, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return ascii;
}
