import { packedSubdivisionCodes } from "./subdivision-codes";

// i18n-iso-countries knows no ISO 3166-2 subdivisions: their codes come,
// packed, from subdivision-codes.ts (generated from the iso-3166 package), so
// "DE-BY" is a subdivision and "DE-ZZ" is not.
let subdivisionsByCountry: Map<string, ReadonlySet<string>> | undefined;

/** Whether `sub` ("BY") is an ISO 3166-2 subdivision of `country` ("DE"). */
export function isIsoSubdivision(country: string, sub: string): boolean {
  subdivisionsByCountry ??= new Map(
    packedSubdivisionCodes.split(";").map((entry) => {
      const [code = "", subs = ""] = entry.split(":");
      return [code, new Set(subs.split(","))] as const;
    }),
  );
  return subdivisionsByCountry.get(country)?.has(sub) ?? false;
}
