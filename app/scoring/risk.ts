import type { Scope } from "~/datamap/schema";
import { regionLabel } from "~/geo/regions";
import { countryOf, isEEA } from "~/residency/regions";
import {
  CATEGORY_MAX,
  FURTHER_CATEGORY_LIMIT,
  FURTHER_CATEGORY_POINTS,
  PEOPLE_MAX,
  PEOPLE_UNKNOWN_POINTS,
  REGIMES_MAX,
  REGIONS_MAX,
  SECTOR_MAX,
  SENSITIVE_CATEGORY,
  categoryPoints,
  peopleBands,
  regimeCountBands,
  regionCountBands,
  residualLevels,
  residualShares,
  riskLevels,
  sectorPoints,
} from "./method";
import { allocate, toPoints } from "./points";
import type { InherentFactor, InherentRisk, ResidualRisk, RiskLevel } from "./types";

const band = <T extends { atLeast: number }>(bands: readonly T[], value: number): T =>
  bands.find((b) => value >= b.atLeast) ?? bands[bands.length - 1]!;

const levelOf = (bands: readonly { atLeast: number; level: RiskLevel }[], score: number): RiskLevel => band(bands, score).level;

// Not toLocaleString: its output depends on the ICU data Node was built with.
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function legalRegimes(subjects: readonly string[]): string[] {
  return [...new Set(subjects.map((s) => (isEEA(countryOf(s)) ? "EEA" : countryOf(s))))].sort();
}

export function inherentRisk(scope: Scope): InherentRisk {
  const categories = [...new Set(scope.categories)].sort((a, b) => categoryPoints[b] - categoryPoints[a] || a.localeCompare(b));
  const [top, ...others] = categories;
  const further = others.filter((c) => categoryPoints[c] >= SENSITIVE_CATEGORY).slice(0, FURTHER_CATEGORY_LIMIT);
  const people = scope.subjectsCount;
  const peopleBand = people === undefined ? null : band(peopleBands, people);
  const subjects = [...new Set(scope.subjects)];
  const regimes = legalRegimes(subjects);

  const factors: InherentFactor[] = [
    {
      factor: "categories",
      label: "Most sensitive data category",
      detail: top ? `${top} (${categoryPoints[top]} points)` : "no category given",
      points: top ? categoryPoints[top] : 0,
      maxPoints: CATEGORY_MAX,
    },
    {
      factor: "further-categories",
      label: "Further sensitive categories",
      detail: further.length
        ? `${further.join(", ")}: ${FURTHER_CATEGORY_POINTS} points each, at most ${FURTHER_CATEGORY_LIMIT} counted`
        : "none",
      points: further.length * FURTHER_CATEGORY_POINTS,
      maxPoints: FURTHER_CATEGORY_POINTS * FURTHER_CATEGORY_LIMIT,
    },
    {
      factor: "sector",
      label: "The buyer's sector",
      detail: scope.sector,
      points: sectorPoints[scope.sector],
      maxPoints: SECTOR_MAX,
    },
    {
      factor: "people",
      label: "Number of people",
      detail:
        people === undefined
          ? "not given: counted as 1 million to 10 million"
          : `${thousands(people)} (${peopleBand!.label})`,
      points: peopleBand ? peopleBand.points : PEOPLE_UNKNOWN_POINTS,
      maxPoints: PEOPLE_MAX,
    },
    {
      factor: "regions",
      label: "Number of subject regions",
      detail: `${subjects.length}: ${subjects.map(regionLabel).join(", ")}`,
      points: band(regionCountBands, subjects.length).points,
      maxPoints: REGIONS_MAX,
    },
    {
      factor: "regimes",
      label: "Legal regimes of the subjects",
      detail: `${regimes.length} (${regimes.join(", ")}); the EEA counts as one`,
      points: band(regimeCountBands, regimes.length).points,
      maxPoints: REGIMES_MAX,
    },
  ];
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  return {
    score,
    level: levelOf(riskLevels, score),
    factors,
    scope: {
      subjects: [...scope.subjects],
      categories: [...scope.categories],
      sector: scope.sector,
      subjectsCount: scope.subjectsCount ?? null,
    },
  };
}

export function residualRisk(inherent: number, control: number, residency: number | null): ResidualRisk {
  const inputs = [
    { part: "inherent" as const, label: "Inherent risk", tenths: inherent * 10, share: residualShares.inherent, note: null },
    { part: "control-gap" as const, label: "Control gap (100 minus the control score)", tenths: 1000 - Math.round(control * 10), share: residualShares.control, note: null },
    {
      part: "residency-gap" as const,
      label: "Residency gap (100 minus the residency score)",
      tenths: residency === null ? 1000 : 1000 - Math.round(residency * 10),
      share: residualShares.residency,
      note: residency === null ? "No flow could be judged: counted as a full gap." : null,
    },
  ];
  const points = allocate(inputs.map((p) => (p.tenths * p.share) / 100));
  const breakdown = inputs.map((p, i) => ({
    part: p.part,
    label: p.label,
    input: toPoints(p.tenths),
    share: p.share,
    points: toPoints(points[i] ?? 0),
    note: p.note,
  }));
  const score = toPoints(points.reduce((sum, p) => sum + p, 0));
  return { score, level: levelOf(residualLevels, score), breakdown };
}
