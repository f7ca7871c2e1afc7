import type { Region } from "~/datamap/schema";
import { jurisdictionsFor, listJurisdictions, rulesVersion } from "~/residency";
import type { CatalogueInfo } from "./types";

/**
 * The catalogue entries whose rules applied to the data subjects in scope, with
 * their sources, as they stand today. A score version stores this, so its report
 * keeps citing what it was judged under after the catalogue moves on.
 */
export function catalogueInfoFor(subjects: readonly Region[]): CatalogueInfo {
  const codes = new Set(subjects.flatMap((subject) => jurisdictionsFor(subject).map((j) => j.code)));
  return {
    rulesVersion,
    jurisdictions: listJurisdictions()
      .filter((j) => codes.has(j.code))
      .map((j) => ({ code: j.code, name: j.name, reviewed: j.reviewed, regulator: j.regulator, sources: j.sources })),
  };
}
