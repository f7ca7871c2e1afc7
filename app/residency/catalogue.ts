import { regionLabel, regionName } from "~/geo/regions";
import { jurisdictions } from "./jurisdictions";
import { CompiledJurisdiction, describeUse, outcome } from "./judge";
import { labelInSentence } from "./regions";
import type { FlagTemplate, Jurisdiction, RegionInfo, Source, Verifiable } from "./types";

/** The catalogue compiled into lookups, once per process. */
export class Catalogue {
  readonly rulesVersion: string;
  readonly jurisdictions: readonly CompiledJurisdiction[];
  private readonly byCode = new Map<string, CompiledJurisdiction>();
  private readonly layers = new Map<string, readonly CompiledJurisdiction[]>();
  private readonly unknown = new Map<string, CompiledJurisdiction>();

  constructor(defs: readonly Jurisdiction[]) {
    if (defs.length === 0) throw new Error("the jurisdiction catalogue is empty");
    for (const def of defs) {
      if (this.byCode.has(def.code)) throw new Error(`jurisdiction ${def.code} is listed twice`);
      this.byCode.set(def.code, new CompiledJurisdiction(def));
    }
    this.jurisdictions = [...this.byCode.values()];
    // The catalogue is as new as its most recently reviewed entry.
    this.rulesVersion = defs.reduce((latest, def) => (def.reviewed > latest ? def.reviewed : latest), "");
  }

  get(code: string): CompiledJurisdiction | undefined {
    return this.byCode.get(code);
  }

  /**
   * The jurisdictions whose rules apply to data subjects in a region, country first: "CA-QC"
   * gives Canada, then Québec on top. A country outside the catalogue gets the conservative default.
   */
  layersFor(subject: RegionInfo): readonly CompiledJurisdiction[] {
    const cached = this.layers.get(subject.code);
    if (cached) return cached;
    const country = this.byCode.get(subject.country) ?? this.unknownCountry(subject.country);
    const subdivision = subject.code.length > 2 ? this.byCode.get(subject.code) : undefined;
    const layers = subdivision ? [country, subdivision] : [country];
    this.layers.set(subject.code, layers);
    return layers;
  }

  private unknownCountry(country: string): CompiledJurisdiction {
    let compiled = this.unknown.get(country);
    if (!compiled) {
      compiled = new CompiledJurisdiction(conservativeDefault(country, this.rulesVersion));
      this.unknown.set(country, compiled);
    }
    return compiled;
  }
}

/**
 * A country outside the catalogue: flows that stay in it cross no border; every other flow is
 * non-compliant until a lawyer reviews the country's rules, and the map carries a high flag.
 */
function conservativeDefault(country: string, rulesVersion: string): Jurisdiction {
  const label = regionLabel(country);
  const inSentence = labelInSentence(country);
  const citation = `Custodian catalogue ${rulesVersion}: no entry for ${label}; conservative default`;
  const flag: FlagTemplate = {
    severity: "high",
    text:
      `${inSentence.charAt(0).toUpperCase()}${inSentence.slice(1)} is not in the jurisdiction catalogue: flows of its data subjects were judged by a conservative default ` +
      `(any flow leaving ${country} is non-compliant until reviewed), not by its law.`,
    citations: [citation],
  };
  return {
    code: country,
    name: regionName(country),
    blocs: [],
    regulator: { name: `the data protection authority of ${regionName(country)}, if any`, url: "", sources: [] },
    reviewed: rulesVersion,
    instruments: [],
    transfer: {
      restricted: true,
      citations: [citation],
      domestic: { regions: [country], label: regionName(country), citations: [citation] },
      importerEstablishment: { rule: "counts", citations: [citation] },
      whitelistName: "reviewed rule",
      whitelist: [],
      mechanisms: [],
    },
    localization: [],
    sectorRules: [],
    breach: [],
    sources: [],
    special: {
      judgeFlow(input, declarative) {
        const judged = declarative();
        if (judged.verdict === "permitted") return judged;
        return outcome(
          "non-compliant",
          `${describeUse(input.location.use, input.location.region.label)} leaves ${inSentence}, which is not in the catalogue, ` +
            `so by the conservative default it is non-compliant until ${regionName(country)}'s transfer rules are reviewed`,
          [citation],
          [`review the transfer rules of ${inSentence}`],
          judged.flags,
        );
      },
      mapFlags: () => [flag],
    },
  };
}

export const catalogue = new Catalogue(jurisdictions);

/** The catalogue's version: the date of its most recent review ("2026-11-22"). */
export const rulesVersion = catalogue.rulesVersion;

export interface VerifyItem {
  fact: string;
  note: string;
  citations: string[];
}

/** One jurisdiction as plain data: what `assess --jurisdictions` prints and the UI lists. */
export interface JurisdictionSummary {
  code: string;
  name: string;
  parent?: string;
  blocs: readonly string[];
  regulator: { name: string; url: string };
  reviewed: string;
  /** Every source the entry relies on, once each. */
  sources: Source[];
  /** The facts the reference could not confirm. */
  verify: VerifyItem[];
  instruments: Jurisdiction["instruments"];
  transfer: Jurisdiction["transfer"];
  localization: Jurisdiction["localization"];
  sectorRules: Jurisdiction["sectorRules"];
  breach: Jurisdiction["breach"];
  facts: NonNullable<Jurisdiction["facts"]>;
}

export function listJurisdictions(from: Catalogue = catalogue): JurisdictionSummary[] {
  return from.jurisdictions.map(({ def }) => summarize(def));
}

function summarize(def: Jurisdiction): JurisdictionSummary {
  const t = def.transfer;
  const verify = new Map<string, VerifyItem>();
  const note = (fact: string, item: Verifiable, citations: readonly string[]) => {
    if (!item.verify) return;
    const known = verify.get(item.verifyNote);
    if (!known) verify.set(item.verifyNote, { fact, note: item.verifyNote, citations: [...citations] });
    else for (const c of citations) if (!known.citations.includes(c)) known.citations.push(c);
  };
  for (const e of t.whitelist) note(`whitelist: ${e.label} (${e.destinations.join(", ")})`, e, e.citations);
  for (const m of t.mechanisms) note(`mechanism: ${m.label}`, m, m.citations);
  for (const i of t.insufficient ?? []) note(`not sufficient: ${i.safeguards.join(" + ")}`, i, i.citations);
  for (const l of def.localization) note(`localization: ${l.summary}`, l, l.citations);
  for (const r of def.sectorRules) note(`sector rule: ${r.summary}`, r, r.citations);
  for (const b of def.breach) note(`breach notification to the ${b.to}`, b, b.citations);
  for (const f of def.facts ?? []) note(f.text, f, f.citations);

  const sources = new Map<string, Source>();
  const add = (list: readonly Source[]) => {
    for (const s of list) if (!sources.has(s.url)) sources.set(s.url, s);
  };
  add(def.sources);
  add(def.regulator.sources);
  for (const group of [def.instruments, t.whitelist, t.mechanisms, def.localization, def.sectorRules, def.breach, def.facts ?? []]) {
    for (const item of group) add(item.sources);
  }

  return {
    code: def.code,
    name: def.name,
    ...(def.parent ? { parent: def.parent } : {}),
    blocs: def.blocs,
    regulator: { name: def.regulator.name, url: def.regulator.url },
    reviewed: def.reviewed,
    sources: [...sources.values()],
    verify: [...verify.values()],
    instruments: def.instruments,
    transfer: t,
    localization: def.localization,
    sectorRules: def.sectorRules,
    breach: def.breach,
    facts: def.facts ?? [],
  };
}
