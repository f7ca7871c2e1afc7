// The residency engine's public face: the flow engine, the catalogue and the
// region helpers a policy evaluator needs. Pure: no Remix, no database, no IO.

export { assessDataMap, assessDataMaps, mapFacts } from "./engine";
export { Catalogue, catalogue, listJurisdictions, rulesVersion } from "./catalogue";
export type { JurisdictionSummary, VerifyItem } from "./catalogue";
export { EEA, EEA_EFTA, EU27, RegionSet, countryOf, isEEA, isEU, regionInfo } from "./regions";
export { describeSafeguard, safeguardLabels } from "./safeguards";
export type * from "./types";

import { catalogue } from "./catalogue";
import type { Jurisdiction } from "./types";
import { regionInfo } from "./regions";

/**
 * The catalogue entries whose rules apply to people in a region, country first ("CA-QC":
 * Canada, then Québec). Empty when the country is not in the catalogue.
 */
export function jurisdictionsFor(region: string): Jurisdiction[] {
  const info = regionInfo(region);
  return [info.country, info.code]
    .filter((code, index) => index === 0 || code !== info.country)
    .flatMap((code) => {
      const found = catalogue.get(code);
      return found ? [found.def] : [];
    });
}
