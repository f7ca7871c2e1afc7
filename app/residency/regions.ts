import { regionLabel, regionName } from "~/geo/regions";
import type { FlagTemplate, RegionInfo } from "./types";

// Blocs and region matching shared by the engine, the jurisdiction modules and
// (later) the buyer's policy evaluator. Source: reference §1 and §29 (EEA list).

export const EU27 = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;
export const EEA_EFTA = ["IS", "LI", "NO"] as const;
export const EEA = [...EU27, ...EEA_EFTA] as const;

// EU outermost regions that ISO 3166-1 codes as countries of their own are part
// of the Union, so a flow from France to Réunion is not a transfer. Not in the
// reference: the engine flags it whenever it relies on it.
const TERRITORIES: Readonly<Record<string, { country: string; article: string }>> = {
  GP: { country: "FR", article: "TFEU Art. 349" },
  GF: { country: "FR", article: "TFEU Art. 349" },
  MQ: { country: "FR", article: "TFEU Art. 349" },
  RE: { country: "FR", article: "TFEU Art. 349" },
  YT: { country: "FR", article: "TFEU Art. 349" },
  MF: { country: "FR", article: "TFEU Art. 349" },
  AX: { country: "FI", article: "TFEU Art. 355(4)" },
};

const infoCache = new Map<string, RegionInfo>();

const takesArticle =
  /^(United|Republic|Democratic|Holy|Isle|Central African|Dominican Republic)\b|(Islands|Netherlands|Philippines|Bahamas|Maldives|Gambia|Emirates)$/;

/** "the United States (US)", "Germany (DE)", "Québec, Canada (CA-QC)": a region's label inside a sentence. */
export function labelInSentence(code: string): string {
  const label = regionLabel(code);
  return code.length === 2 && takesArticle.test(regionName(code)) ? `the ${label}` : label;
}

/** The country a region is judged as, its label, and the territory rule used (if any). Cached. */
export function regionInfo(code: string): RegionInfo {
  const cached = infoCache.get(code);
  if (cached) return cached;
  const iso = code.slice(0, 2);
  const territory = TERRITORIES[iso];
  const info: RegionInfo = territory
    ? {
        code,
        country: territory.country,
        label: labelInSentence(code),
        territoryFlag: {
          severity: "low",
          text:
            `Verify: ${regionLabel(iso)} is judged as part of ${labelInSentence(territory.country)}, ` +
            `an EU territory under ${territory.article} and TFEU Art. 355(1); the reference of 22 Nov 2026 does not cover EU outermost regions.`,
          citations: [territory.article, "TFEU Art. 355(1)"],
        } satisfies FlagTemplate,
      }
    : { code, country: iso, label: labelInSentence(code) };
  infoCache.set(code, info);
  return info;
}

/** The ISO 3166-1 country of a region code ("CA" for "CA-QC"), before any territory rule. */
export function countryOf(code: string): string {
  return code.slice(0, 2);
}

/**
 * A set of regions. A country code covers its subdivisions and territories; a subdivision
 * code covers only itself, so "CA" (province unknown) is not inside "CA-QC".
 */
export class RegionSet {
  readonly codes: ReadonlySet<string>;

  constructor(codes: Iterable<string>) {
    this.codes = new Set(codes);
  }

  has(region: RegionInfo | string): boolean {
    const info = typeof region === "string" ? regionInfo(region) : region;
    return this.codes.has(info.code) || this.codes.has(info.country) || this.codes.has(countryOf(info.code));
  }
}

const eu = new RegionSet(EU27);
const eea = new RegionSet(EEA);

export function isEU(region: string): boolean {
  return eu.has(region);
}

export function isEEA(region: string): boolean {
  return eea.has(region);
}
