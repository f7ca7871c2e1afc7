import type { Category, DataMapSector } from "~/datamap/schema";
import type { Verdict } from "~/residency/types";
import type { FindingSeverity, RiskLevel } from "./types";

// Every number the method uses, in one place. Changing any of them changes
// scores, so it needs a new methodVersion and a line in docs/scoring.md
// (docs/decisions/009-scoring.md).

export const METHOD_VERSION = "1.1.1";

export const verdictPenalty: Readonly<Record<Verdict, number>> = {
  permitted: 0,
  // Lawful, but it rests on a contract and an assessment that can fail (CJEU C-311/18).
  "permitted-with-safeguard": 20,
  "non-compliant": 100,
  prohibited: 100,
};

export const verdictOrder: readonly Verdict[] = ["prohibited", "non-compliant", "permitted-with-safeguard", "permitted"];

export const categoryPoints: Readonly<Record<Category, number>> = {
  contact: 5,
  commercial: 5,
  financial: 20,
  payment: 25,
  "credit-information": 25,
  "government-id": 25,
  "precise-location": 25,
  children: 35,
  health: 35,
  "my-health-record": 40,
  biometric: 40,
  genetic: 40,
  "criminal-justice": 40,
};
export const CATEGORY_MAX = 40;
export const SENSITIVE_CATEGORY = 20;
export const FURTHER_CATEGORY_POINTS = 5;
export const FURTHER_CATEGORY_LIMIT = 2;

export const sectorPoints: Readonly<Record<DataMapSector, number>> = { general: 0, finance: 10, health: 15, public: 15 };
export const SECTOR_MAX = 15;

export const peopleBands: readonly { atLeast: number; points: number; label: string }[] = [
  { atLeast: 10_000_000, points: 20, label: "10 million or more" },
  { atLeast: 1_000_000, points: 15, label: "1 million to 10 million" },
  { atLeast: 100_000, points: 10, label: "100,000 to 1 million" },
  { atLeast: 1_000, points: 5, label: "1,000 to 100,000" },
  { atLeast: 0, points: 0, label: "fewer than 1,000" },
];
/** Not given counts as a large population, not a small one. */
export const PEOPLE_UNKNOWN_POINTS = 15;
export const PEOPLE_MAX = 20;

export const regionCountBands: readonly { atLeast: number; points: number }[] = [
  { atLeast: 4, points: 5 },
  { atLeast: 2, points: 3 },
  { atLeast: 0, points: 0 },
];
export const REGIONS_MAX = 5;
export const regimeCountBands: readonly { atLeast: number; points: number }[] = [
  { atLeast: 3, points: 10 },
  { atLeast: 2, points: 5 },
  { atLeast: 0, points: 0 },
];
export const REGIMES_MAX = 10;

export const riskLevels: readonly { atLeast: number; level: RiskLevel }[] = [
  { atLeast: 55, level: "high" },
  { atLeast: 30, level: "medium" },
  { atLeast: 0, level: "low" },
];
export const residualLevels: readonly { atLeast: number; level: RiskLevel }[] = [
  { atLeast: 40, level: "high" },
  { atLeast: 20, level: "medium" },
  { atLeast: 0, level: "low" },
];

export const residualShares = { inherent: 50, control: 25, residency: 25 } as const;

/**
 * Knockouts that reject: the vendor uses or sells our customers' data for its
 * own ends, which no processor may do (GDPR Art. 28(10); CCPA s. 1798.140(ag)).
 * Every other knockout is a condition to be met before go-live.
 */
export const rejectingKnockouts: ReadonlySet<string> = new Set(["s14.own_use#controller-use", "s14.sale#sale"]);

export const conditionSeverities: ReadonlySet<FindingSeverity> = new Set(["high", "critical"]);

export const severityRank: Readonly<Record<FindingSeverity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
