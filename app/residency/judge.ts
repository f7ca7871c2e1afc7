import type { LocationUse, Party, Safeguard } from "~/datamap/schema";
import { RegionSet, regionInfo } from "./regions";
import { describeSafeguard, joinCodes } from "./safeguards";
import type {
  Applicability,
  FlagTemplate,
  FlowInput,
  InsufficientSafeguard,
  Jurisdiction,
  LayerOutcome,
  LocalizationMandate,
  MapFacts,
  Mechanism,
  RegionInfo,
  SectorRule,
  Verdict,
  Verifiable,
  WhitelistEntry,
} from "./types";

// The declarative judgement of one flow under one jurisdiction. A jurisdiction
// module is data; this file turns it into lookups once (compileJurisdiction)
// and applies it to each flow. Special logic wraps `declarative` through
// `Jurisdiction.special.judgeFlow`.

const rank: Readonly<Record<Verdict, number>> = {
  permitted: 0,
  "permitted-with-safeguard": 1,
  "non-compliant": 2,
  prohibited: 3,
};

export function verdictRank(verdict: Verdict): number {
  return rank[verdict];
}

const none: readonly never[] = Object.freeze([]);

export function outcome(
  verdict: Verdict,
  basis: string,
  citations: readonly string[],
  obligations: readonly string[] = none,
  flags: readonly FlagTemplate[] = none,
): LayerOutcome {
  return { verdict, basis, citations, obligations, flags };
}

/** A layer whose law does not reach the flow: permitted, citing nothing, and yielding to any other layer. */
export function notGoverned(basis: string): LayerOutcome {
  return { verdict: "permitted", basis, citations: none, obligations: none, flags: none, governs: false };
}

function union<T>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = a.slice();
  for (const item of b) if (!out.includes(item)) out.push(item);
  return out;
}

/**
 * The more severe of two outcomes; on a tie `b` (the later, more specific part) gives the
 * basis. Citations, obligations and flags of both are kept. A layer that does not govern
 * the flow (`notGoverned`) gives way to the other.
 */
export function combine(a: LayerOutcome | undefined, b: LayerOutcome): LayerOutcome {
  if (!a) return b;
  if (b.governs === false) return a;
  if (a.governs === false) return b;
  const lead = rank[a.verdict] > rank[b.verdict] ? a : b;
  return {
    verdict: lead.verdict,
    basis: lead.basis,
    citations: union(lead.citations, lead === a ? b.citations : a.citations),
    obligations: union(a.obligations, b.obligations),
    flags: union(a.flags, b.flags),
  };
}

export function appliesTo(applies: Applicability | readonly Applicability[], map: MapFacts): boolean {
  const list: readonly Applicability[] = isList(applies) ? applies : [applies];
  return list.some((a) => {
    if (a.sectors && !a.sectors.includes(map.scope.sector)) return false;
    if (a.categories && !a.categories.some((c) => map.categories.has(c))) return false;
    const count = map.scope.subjectsCount;
    if (a.minSubjects !== undefined && count !== undefined && count <= a.minSubjects) return false;
    return true;
  });
}

function isList(applies: Applicability | readonly Applicability[]): applies is readonly Applicability[] {
  return Array.isArray(applies);
}

const verifyFlags = new Map<string, FlagTemplate>();

/** The flag a verify-flagged fact raises when relied on; one shared object per note. */
export function verifyFlag(fact: Verifiable, citations: readonly string[]): FlagTemplate | undefined {
  if (!fact.verify) return undefined;
  const text = `Verify: ${fact.verifyNote}`;
  const key = `${text}\u0000${citations.join("\u0000")}`;
  let flag = verifyFlags.get(key);
  if (!flag) {
    flag = { severity: fact.verifySeverity ?? "medium", text, citations };
    verifyFlags.set(key, flag);
  }
  return flag;
}

/** "Storage in India (IN)", "Remote access from India (IN), which counts as a transfer,": the subject of a basis. */
export function describeUse(use: LocationUse, label: string): string {
  switch (use) {
    case "storage":
      return `Storage in ${label}`;
    case "backup":
      return `A backup in ${label}, which counts as storage,`;
    case "access":
      return `Remote access from ${label}, which counts as a transfer,`;
    case "processing":
      return `Processing in ${label}`;
  }
}

function hasAll(party: Party, safeguards: readonly Safeguard[]): boolean {
  return safeguards.every((s) => party.safeguards.includes(s));
}

interface CompiledEntry {
  entry: WhitelistEntry;
  regions: RegionSet;
  /** The regime's citations and the entry's, merged once. */
  citations: readonly string[];
  verify?: FlagTemplate;
}
interface CompiledMechanism {
  mechanism: Mechanism;
  citations: readonly string[];
  verify?: FlagTemplate;
}
interface CompiledMandate {
  mandate: LocalizationMandate;
  allowed: RegionSet;
  verify?: FlagTemplate;
}
interface CompiledSectorRule {
  rule: SectorRule;
  verify?: FlagTemplate;
}

export class CompiledJurisdiction {
  readonly def: Jurisdiction;
  readonly domestic: RegionSet;
  private readonly whitelist: readonly CompiledEntry[];
  /** Every whitelisted destination, to skip the list for the many regions on none of it. */
  private readonly whitelisted: RegionSet;
  private readonly mechanisms: readonly CompiledMechanism[];
  private readonly localization: readonly CompiledMandate[];
  private readonly sectorRules: readonly CompiledSectorRule[];
  private readonly insufficient: readonly { item: InsufficientSafeguard; verify?: FlagTemplate }[];
  private readonly alternatives: string;
  private readonly allMechanismCitations: readonly string[];

  constructor(def: Jurisdiction) {
    this.def = def;
    const t = def.transfer;
    this.domestic = new RegionSet(t.domestic.regions);
    this.whitelist = t.whitelist.map((entry) => ({
      entry,
      regions: new RegionSet(entry.destinations),
      citations: union(t.citations, entry.citations),
      verify: verifyFlag(entry, entry.citations),
    }));
    this.whitelisted = new RegionSet(t.whitelist.flatMap((entry) => entry.destinations));
    this.mechanisms = t.mechanisms.map((mechanism) => ({
      mechanism,
      citations: union(t.citations, mechanism.citations),
      verify: verifyFlag(mechanism, mechanism.citations),
    }));
    this.localization = def.localization.map((mandate) => ({
      mandate,
      allowed: new RegionSet(mandate.allowedRegions),
      verify: verifyFlag(mandate, mandate.citations),
    }));
    this.sectorRules = def.sectorRules.map((rule) => ({ rule, verify: verifyFlag(rule, rule.citations) }));
    this.insufficient = (t.insufficient ?? none).map((item) => ({ item, verify: verifyFlag(item, item.citations) }));
    this.alternatives = t.mechanisms.map((m) => joinCodes(m.safeguards)).join(" or ");
    this.allMechanismCitations = t.mechanisms.reduce<readonly string[]>(
      (acc, m) => union(acc, m.citations),
      t.citations,
    );
  }

  get code(): string {
    return this.def.code;
  }

  judge(input: FlowInput): LayerOutcome {
    const special = this.def.special?.judgeFlow;
    return special ? special(input, () => this.declarative(input)) : this.declarative(input);
  }

  /** Whether a region is outside the area where data moves freely. */
  isForeign(region: RegionInfo): boolean {
    return !this.domestic.has(region);
  }

  /** Map-level findings: informational sector rules and the jurisdiction's own `mapFlags`. */
  mapFlags(map: MapFacts, dataLeaves: boolean): FlagTemplate[] {
    const flags: FlagTemplate[] = [];
    for (const { rule, verify } of this.sectorRules) {
      const effect = rule.effect;
      if (effect.kind !== "flag" || !appliesTo(rule.applies, map)) continue;
      if (effect.when === "offshore" && !dataLeaves) continue;
      flags.push({ severity: effect.severity, text: effect.text, citations: rule.citations });
      if (verify) flags.push(verify);
    }
    const special = this.def.special?.mapFlags;
    if (special) flags.push(...special(map));
    return flags;
  }

  declarative(input: FlowInput): LayerOutcome {
    const { location, party, map } = input;
    const what = describeUse(location.use, location.region.label);

    let localization: LayerOutcome | undefined;
    for (const compiled of this.localization) {
      if (!appliesTo(compiled.mandate.applies, map)) continue;
      const judged = this.judgeLocalization(compiled, input, what);
      if (judged) localization = combine(localization, judged);
    }
    // A transfer mechanism never cures a localization breach (reference X7), so
    // the transfer rules are not even offered as a way out.
    if (localization?.verdict === "prohibited") return localization;

    let result = this.judgeTransfer(location.region, what, input);
    const establishment = this.def.transfer.importerEstablishment;
    if (establishment.rule === "counts" && party.country) {
      const seat = regionInfo(party.country);
      if (seat.code !== location.region.code && !this.domestic.has(seat)) {
        const judged = this.judgeTransfer(seat, `Handing the data to ${party.name}, established in ${seat.label},`, input);
        if (rank[judged.verdict] > rank[result.verdict]) {
          result = { ...judged, citations: union(judged.citations, establishment.citations) };
        }
      }
    }
    if (localization) result = combine(localization, result);

    for (const { rule, verify } of this.sectorRules) {
      const effect = rule.effect;
      if (effect.kind !== "require-safeguards" || !appliesTo(rule.applies, map)) continue;
      if (effect.flows === "cross-border" && this.domestic.has(location.region)) continue;
      const flags = verify ? [verify] : none;
      result = combine(
        result,
        hasAll(party, effect.safeguards)
          ? outcome("permitted-with-safeguard", `${rule.summary}: ${effect.safeguards.map(describeSafeguard).join(" and ")} is in place`, rule.citations, none, flags)
          : outcome("non-compliant", `${rule.summary}, and ${party.name} lacks ${effect.safeguards.map(describeSafeguard).join(" and ")}${this.regulatorNote()}`, rule.citations, [effect.obligation], flags),
      );
    }
    return result;
  }

  private regulatorNote(): string {
    return `; regulator: ${this.def.regulator.name}`;
  }

  private judgeLocalization(compiled: CompiledMandate, input: FlowInput, what: string): LayerOutcome | undefined {
    const { mandate, allowed, verify } = compiled;
    const { location, map } = input;
    if (allowed.has(location.region) || !mandate.bannedUses.includes(location.use)) return undefined;
    const flags = verify ? [verify] : none;
    if (mandate.primaryCopyOnly && location.use !== "access" && primaryInside(map, allowed)) {
      // A copy of a database kept at home (a backup, a mirror, processing of it abroad):
      // judged as a transfer, but the reliance on the copy rule is still shown.
      return outcome("permitted", `${what} is a copy of a primary database kept where ${mandate.summary} requires`, mandate.citations, none, flags);
    }
    return outcome(
      "prohibited",
      `${what} breaches ${mandate.summary}; no transfer mechanism cures a localization breach${this.regulatorNote()}`,
      mandate.citations,
      [mandate.obligation],
      flags,
    );
  }

  private judgeTransfer(dest: RegionInfo, what: string, input: FlowInput): LayerOutcome {
    const t = this.def.transfer;
    const party = input.party;
    if (this.domestic.has(dest)) {
      return outcome("permitted", `${what} stays within ${t.domestic.label}, so no transfer rule is engaged`, t.domestic.citations);
    }
    if (!t.restricted) {
      return outcome("permitted", `${what} is not restricted: ${this.def.name} has no general rule on exporting personal data`, t.citations);
    }
    if (t.processorIsNotATransfer && !party.ownUse) {
      return outcome("permitted", `${what} is not a disclosure: ${t.processorIsNotATransfer.text}`, t.processorIsNotATransfer.citations);
    }

    const flags: FlagTemplate[] = [];
    let whyNot: string | undefined;
    for (const { entry, regions, citations, verify } of this.whitelisted.has(dest) ? this.whitelist : none) {
      if (!regions.has(dest)) continue;
      if (entry.scoredAsNotAdequate) {
        if (verify) flags.push(verify);
        whyNot = `${entry.label} is unconfirmed and not relied on`;
        continue;
      }
      const unmet = unmetCondition(entry, party, input.map);
      if (unmet) {
        whyNot = unmet;
        continue;
      }
      if (verify) flags.push(verify);
      if (entry.risk) flags.push(entry.risk);
      const assumed = (entry.conditions ?? []).filter((c) => c.kind === "recipient-assumed").map((c) => `; ${c.text}`);
      const scope = entry.scope === "full" ? "" : `; scope: ${entry.scope}`;
      return outcome("permitted", `${what} is covered by ${entry.label}: ${entry.decision}${scope}${assumed.join("")}`, citations, none, flags);
    }
    whyNot ??= `there is no ${t.whitelistName} for ${dest.label}`;

    let incomplete: { compiled: CompiledMechanism; missing: Safeguard[] } | undefined;
    for (const compiled of this.mechanisms) {
      const { mechanism, verify } = compiled;
      if (!hasAll(party, mechanism.safeguards)) continue;
      const missing = (mechanism.requires ?? none).filter((s) => !party.safeguards.includes(s));
      if (missing.length === 0) {
        if (verify) flags.push(verify);
        const withRequired = mechanism.requires?.length ? ` with ${mechanism.requires.map(describeSafeguard).join(" and ")}` : "";
        return outcome(
          "permitted-with-safeguard",
          `${what} needs a safeguard because ${whyNot}, and relies on ${mechanism.label}${withRequired}`,
          compiled.citations,
          none,
          flags,
        );
      }
      incomplete ??= { compiled, missing };
    }

    if (incomplete) {
      const { compiled, missing } = incomplete;
      if (compiled.verify) flags.push(compiled.verify);
      return outcome(
        "non-compliant",
        `${what} needs a safeguard because ${whyNot}; it relies on ${compiled.mechanism.label} but ${missing.map(describeSafeguard).join(" and ")} is missing${this.regulatorNote()}`,
        compiled.citations,
        missing,
        flags,
      );
    }
    const insufficient = this.insufficientReasons(party, flags);
    const first = t.mechanisms[0];
    const obligations = first
      ? [this.alternatives, ...(first.requires ?? none).filter((s) => !party.safeguards.includes(s))]
      : ["find a lawful basis for the transfer"];
    const accepted = this.alternatives ? `none of the accepted safeguards (${this.alternatives}) is in place` : "no safeguard is accepted";
    return outcome(
      "non-compliant",
      `${what} needs a safeguard because ${whyNot}, and ${accepted}${insufficient.text}${this.regulatorNote()}`,
      union(this.allMechanismCitations, insufficient.citations),
      obligations,
      flags,
    );
  }

  private insufficientReasons(party: Party, flags: FlagTemplate[]): { text: string; citations: readonly string[] } {
    let text = "";
    let citations: readonly string[] = none;
    for (const { item, verify } of this.insufficient) {
      if (!hasAll(party, item.safeguards)) continue;
      text += `; ${item.reason}`;
      citations = union(citations, item.citations);
      if (verify) flags.push(verify);
    }
    return { text, citations };
  }
}

function unmetCondition(entry: WhitelistEntry, party: Party, map: MapFacts): string | undefined {
  for (const condition of entry.conditions ?? none) {
    if (
      condition.kind === "recipient-safeguard" &&
      !party.safeguards.includes(condition.safeguard) &&
      !(condition.impliedBy ?? none).some((s) => party.safeguards.includes(s))
    ) {
      return `${entry.label} ${condition.text} and ${party.name} is not one (no "${condition.safeguard}")`;
    }
    if (condition.kind === "excludes-categories") {
      const held = condition.categories.filter((c) => map.categories.has(c));
      if (held.length > 0) return `${entry.label} ${condition.text} and this map holds ${held.join(", ")}`;
    }
  }
  return undefined;
}

function primaryInside(map: MapFacts, allowed: RegionSet): boolean {
  for (const region of map.storedRegions) if (allowed.has(region)) return true;
  return false;
}
