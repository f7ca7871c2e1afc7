import type { Category, DataMap, Party } from "~/datamap/schema";
import { catalogue as defaultCatalogue, type Catalogue } from "./catalogue";
import { combine, type CompiledJurisdiction } from "./judge";
import { regionInfo } from "./regions";
import type { AssessResult, Flag, FlagSeverity, FlagTemplate, Flow, LayerOutcome, MapFacts } from "./types";

// The flow engine: one flow per (subject region, party, location), each judged
// under the subject's jurisdiction (a subdivision's rules layered on its
// country's), link by link down the subprocessor chain. Pure: plain data in,
// plain data out.

const severityOrder: Readonly<Record<FlagSeverity, number>> = { high: 0, medium: 1, low: 2, info: 3 };

class FlagSet {
  private readonly byText = new Map<string, Flag>();

  add(template: FlagTemplate): void {
    const known = this.byText.get(template.text);
    if (!known) {
      this.byText.set(template.text, { severity: template.severity, text: template.text, citations: [...template.citations] });
      return;
    }
    for (const c of template.citations) if (!known.citations.includes(c)) known.citations.push(c);
  }

  addAll(templates: readonly FlagTemplate[]): void {
    for (const t of templates) this.add(t);
  }

  list(): Flag[] {
    return [...this.byText.values()].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  }
}

/** Party ids from the vendor down to each party, following `engagedBy` (default: the vendor). */
function engagementChains(parties: readonly Party[]): Map<string, readonly string[]> {
  const vendor = parties[0];
  const byId = new Map(parties.map((p) => [p.id, p]));
  const chains = new Map<string, readonly string[]>();
  const chainOf = (party: Party, depth: number): readonly string[] => {
    const known = chains.get(party.id);
    if (known) return known;
    const engager = party === vendor ? undefined : byId.get(party.engagedBy ?? vendor?.id ?? "");
    // The schema refuses cycles; the depth guard keeps an unparsed map from looping.
    const chain =
      engager && engager !== party && depth < parties.length ? [...chainOf(engager, depth + 1), party.id] : [party.id];
    chains.set(party.id, chain);
    return chain;
  };
  for (const party of parties) chainOf(party, 0);
  return chains;
}

/** The facts about the whole map that localization and threshold rules read. */
export function mapFacts(map: DataMap): MapFacts {
  const primaryRegions = new Set<string>();
  const storedRegions = new Set<string>();
  for (const party of map.parties) {
    for (const location of party.locations) {
      if (location.use === "storage" || location.use === "processing") primaryRegions.add(location.region);
      if (location.use === "storage") storedRegions.add(location.region);
    }
  }
  return { scope: map.scope, categories: new Set<Category>(map.scope.categories), primaryRegions, storedRegions };
}

function leavesDomestic(layer: CompiledJurisdiction, map: DataMap): boolean {
  return map.parties.some(
    (party) =>
      (party.country !== undefined && layer.isForeign(regionInfo(party.country))) ||
      party.locations.some((location) => layer.isForeign(regionInfo(location.region))),
  );
}

function addAll(target: string[], items: readonly string[] | undefined): void {
  if (!items) return;
  for (const item of items) if (!target.includes(item)) target.push(item);
}

export function assessDataMap(map: DataMap, from: Catalogue = defaultCatalogue): AssessResult {
  const flags = new FlagSet();
  const facts = mapFacts(map);
  const chains = engagementChains(map.parties);
  const names = new Map(map.parties.map((party) => [party.id, party.name]));
  const flows: Flow[] = [];
  const layersSeen = new Set<CompiledJurisdiction>();
  const vendor = map.parties[0];

  for (const subjectCode of map.scope.subjects) {
    const subject = regionInfo(subjectCode);
    if (subject.territoryFlag) flags.add(subject.territoryFlag);
    const layers = from.layersFor(subject);
    for (const layer of layers) layersSeen.add(layer);

    for (const party of map.parties) {
      const chain = chains.get(party.id) ?? [party.id];
      const onward = party !== vendor;
      const unauthorised = party.authorised === false;
      for (const location of party.locations) {
        const region = regionInfo(location.region);
        if (region.territoryFlag) flags.add(region.territoryFlag);
        const input = { subject, party, chain, location: { region, use: location.use }, map: facts };
        let judged: LayerOutcome | undefined;
        for (const layer of layers) judged = combine(judged, layer.judge(input));
        if (!judged) continue;
        flags.addAll(judged.flags);

        let basis = judged.basis;
        const citations = [...judged.citations];
        const obligations = [...judged.obligations];
        if (onward) {
          // Legal readers follow the chain by the parties' names; the flow keeps the id.
          basis += ` (onward transfer: ${chain.map((id) => names.get(id) ?? id).join(" → ")})`;
          if (judged.verdict !== "permitted") for (const layer of layers) addAll(citations, layer.def.transfer.onwardCitations);
        }
        if (unauthorised) {
          obligations.push(`authorise ${party.name} as a subprocessor or stop using it`);
          for (const layer of layers) addAll(citations, layer.def.processorAuthorisation);
        }
        flows.push({
          subject: subjectCode,
          party: party.id,
          region: location.region,
          use: location.use,
          verdict: judged.verdict,
          basis,
          citations,
          obligations,
        });
      }
    }
  }

  for (const layer of layersSeen) flags.addAll(layer.mapFlags(facts, leavesDomestic(layer, map)));
  partyFlags(map, chains, layersSeen, flags);
  return { rulesVersion: from.rulesVersion, flows, flags: flags.list() };
}

/** Findings about parties rather than flows: unauthorised subprocessors and parties with no locations. */
function partyFlags(
  map: DataMap,
  chains: ReadonlyMap<string, readonly string[]>,
  layers: ReadonlySet<CompiledJurisdiction>,
  flags: FlagSet,
): void {
  const authorisation: string[] = [];
  const transferRules: string[] = [];
  for (const layer of layers) {
    addAll(authorisation, layer.def.processorAuthorisation);
    addAll(transferRules, layer.def.transfer.citations);
  }
  for (const party of map.parties) {
    if (party.authorised === false) {
      const reachedThrough = map.parties
        .filter((other) => other !== party && (chains.get(other.id) ?? []).includes(party.id))
        .map((other) => other.id);
      flags.add({
        severity: "high",
        text:
          `${party.name} (${party.id}) is not on the buyer's approved subprocessor list` +
          (reachedThrough.length ? `; it also passes the data on to ${reachedThrough.join(", ")}.` : "."),
        citations: authorisation.length ? authorisation : transferRules,
      });
    }
    if (party.locations.length === 0) {
      flags.add({
        severity: "medium",
        text: `${party.name} (${party.id}) lists no locations, so none of its flows could be judged: ask where it stores, backs up, processes and accesses the data.`,
        citations: transferRules,
      });
    }
  }
}

export function assessDataMaps(maps: readonly DataMap[], from: Catalogue = defaultCatalogue): AssessResult[] {
  return maps.map((map) => assessDataMap(map, from));
}
