import type { DataMap, Party } from "~/datamap/schema";
import { catalogue as defaultCatalogue, mapFacts, regionInfo, type Catalogue, type Flow } from "~/residency";

// AssessResult lists verify flags once per map; a legal reader needs to see
// them on the flows that rest on them. This re-asks each flow's layers which
// flags their judgement raised (the catalogue's own `judge`, so no rule is
// restated here) and keeps the "Verify:" ones.

const VERIFY = "Verify:";

function chains(parties: readonly Party[]): Map<string, string[]> {
  const byId = new Map(parties.map((p) => [p.id, p]));
  const vendor = parties[0];
  const out = new Map<string, string[]>();
  for (const party of parties) {
    const chain = [party.id];
    let current = party;
    while (current !== vendor && chain.length <= parties.length) {
      const engager = byId.get(current.engagedBy ?? vendor?.id ?? "");
      if (!engager || engager === current) break;
      chain.unshift(engager.id);
      current = engager;
    }
    out.set(party.id, chain);
  }
  return out;
}

/** For each flow, in order, the texts of the verify flags its judgement relied on. */
export function verifyNotesByFlow(map: DataMap, flows: readonly Flow[], from: Catalogue = defaultCatalogue): string[][] {
  const facts = mapFacts(map);
  const byId = new Map(map.parties.map((p) => [p.id, p]));
  const chainOf = chains(map.parties);
  return flows.map((flow) => {
    const party = byId.get(flow.party);
    if (!party) return [];
    const subject = regionInfo(flow.subject);
    const region = regionInfo(flow.region);
    const input = { subject, party, chain: chainOf.get(party.id) ?? [party.id], location: { region, use: flow.use }, map: facts };
    const notes = new Set<string>();
    for (const template of [subject.territoryFlag, region.territoryFlag]) if (template) notes.add(template.text);
    for (const layer of from.layersFor(subject)) {
      for (const flag of layer.judge(input).flags) if (flag.text.startsWith(VERIFY)) notes.add(flag.text);
    }
    return [...notes];
  });
}
