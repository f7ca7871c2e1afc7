import type {
  Category,
  DataMapSector,
  LocationUse,
  Party,
  Region,
  Safeguard,
  Scope,
} from "~/datamap/schema";

// The jurisdiction catalogue is data with provenance (STYLE.md habit 7): every
// rule names its citation and sources, and every fact the reference marks
// UNCONFIRMED carries `verify: true` with a note, never a comment.

export type Verdict = "permitted" | "permitted-with-safeguard" | "non-compliant" | "prohibited";
export type FlagSeverity = "info" | "low" | "medium" | "high";

/** Where a fact comes from: a URL and the date shown on it ("2025-12-19", "2025-12", "2025" or "undated"). */
export interface Source {
  url: string;
  date: string;
  /** A law-firm note, commentary or blog rather than the primary text or the regulator. */
  secondary?: true;
  note?: string;
}

/**
 * A fact the reference could not confirm. The engine may still use it (as an
 * assumption, or to fall back to the stricter reading); every flow that does
 * raises a flag carrying `verifyNote` and the fact's citations.
 */
export type Verifiable =
  | { verify?: undefined; verifyNote?: undefined; verifySeverity?: undefined }
  | { verify: true; verifyNote: string; verifySeverity?: FlagSeverity };

export interface Regulator {
  name: string;
  url: string;
  sources: readonly Source[];
}

export interface Instrument {
  id: string;
  title: string;
  /** Article (or section) number to what it does, e.g. { "46": "appropriate safeguards" }. */
  articles: Readonly<Record<string, string>>;
  inForce?: string;
  sources: readonly Source[];
}

/** Which maps a rule applies to. Every given condition must hold; a list of these applies if any one does. */
export interface Applicability {
  sectors?: readonly DataMapSector[];
  /** Applies when the map holds any of these categories. */
  categories?: readonly Category[];
  /** Applies above this many data subjects; a map without `subjectsCount` is assumed to be above it. */
  minSubjects?: number;
}

/** A flag raised when a rule or fact is relied on. */
export interface FlagTemplate {
  severity: FlagSeverity;
  text: string;
  citations: readonly string[];
}

export type WhitelistCondition =
  /** Only recipients holding this safeguard, e.g. the US: only organisations on the DPF List ("dpf"). */
  | {
      kind: "recipient-safeguard";
      safeguard: Safeguard;
      text: string;
      /** Safeguards that presuppose this one: a DPF UK Extension participant is on the DPF List. */
      impliedBy?: readonly Safeguard[];
    }
  /** The decision does not cover these categories, e.g. Korea: personal credit information. */
  | { kind: "excludes-categories"; categories: readonly Category[]; text: string }
  /**
   * A scope every CRM party meets (Canada: recipients subject to PIPEDA; Japan: APPI business
   * operators). Not tested, but stated in the basis so the reader sees the assumption.
   */
  | { kind: "recipient-assumed"; text: string };

/** An adequacy decision, approved-transfer regulation or whitelist listing. */
export type WhitelistEntry = Verifiable & {
  /** Region codes; a country code covers its subdivisions. Engine-only codes (INT-EPORG) are kept for the record. */
  destinations: readonly string[];
  label: string;
  scope: string;
  conditions?: readonly WhitelistCondition[];
  decision: string;
  date?: string;
  validUntil?: string;
  citations: readonly string[];
  sources: readonly Source[];
  /** An unconfirmed listing the engine does not rely on: flows fall through to the safeguards. */
  scoredAsNotAdequate?: true;
  /** An informational risk raised whenever the entry is relied on (e.g. a decision under appeal). */
  risk?: FlagTemplate;
};

/** One accepted transfer mechanism: all `safeguards` in place, then every `requires` done. */
export type Mechanism = Verifiable & {
  id: string;
  label: string;
  safeguards: readonly Safeguard[];
  /** Assessments or filings without which the mechanism is incomplete (tia, pia, ru-notification). */
  requires?: readonly Safeguard[];
  citations: readonly string[];
  sources: readonly Source[];
};

/** A safeguard that parties often rely on but that does not suffice here; named in the basis. */
export type InsufficientSafeguard = Verifiable & {
  safeguards: readonly Safeguard[];
  reason: string;
  citations: readonly string[];
};

export interface TransferRegime {
  /** false: no general export restriction (cross-border flows are permitted unless another rule bites). */
  restricted: boolean;
  /** The general rule cited on every restricted transfer, e.g. ["GDPR Art. 44"]. */
  citations: readonly string[];
  /** Where data moves freely: no transfer rule is engaged (the EEA for GDPR states; CA-QC for Québec). */
  domestic: { regions: readonly string[]; label: string; citations: readonly string[] };
  /**
   * A recipient established outside the domestic area is itself in a third country, whatever
   * its servers' location (EDPB Guidelines 05/2021, criterion 3), when "counts".
   */
  importerEstablishment: { rule: "counts" | "ignored"; citations: readonly string[] };
  /** What a whitelist listing is called here, for "there is no … for India (IN)". */
  whitelistName: string;
  whitelist: readonly WhitelistEntry[];
  mechanisms: readonly Mechanism[];
  insufficient?: readonly InsufficientSafeguard[];
  /** Handing data to a processor that does not use it for its own purposes is not a transfer (NZ IPP 12). */
  processorIsNotATransfer?: { citations: readonly string[]; text: string };
  /** Citation for the onward-transfer rule, added on flows to parties down the chain. */
  onwardCitations?: readonly string[];
}

export type LocalizationMandate = Verifiable & {
  id: string;
  summary: string;
  applies: Applicability | readonly Applicability[];
  /** Where the data may be; a country code covers its subdivisions. */
  allowedRegions: readonly string[];
  /** Uses outside `allowedRegions` that breach the mandate. */
  bannedUses: readonly LocationUse[];
  /**
   * The mandate asks for the primary database at home (Russia, Kazakhstan, China, Vietnam):
   * while some party stores the data in `allowedRegions`, an offshore backup, mirror or
   * processing of it is a copy, judged as a transfer; with no store at home, it is a breach.
   */
  primaryCopyOnly?: true;
  /** What must be done, e.g. "keep the primary database in Russia". */
  obligation: string;
  citations: readonly string[];
  sources: readonly Source[];
};

export type SectorRuleEffect =
  /** Every flow (or every cross-border flow) needs these safeguards, e.g. HIPAA: a BAA with each business associate. */
  | { kind: "require-safeguards"; safeguards: readonly Safeguard[]; flows: "all" | "cross-border"; obligation: string }
  /** An informational finding for the whole map; "offshore" only when data leaves the domestic area. */
  | { kind: "flag"; severity: FlagSeverity; text: string; when: "always" | "offshore" };

export type SectorRule = Verifiable & {
  id: string;
  summary: string;
  applies: Applicability | readonly Applicability[];
  effect: SectorRuleEffect;
  citations: readonly string[];
  sources: readonly Source[];
};

export type BreachNotification = Verifiable & {
  to: "regulator" | "data-subjects" | "controller";
  /** The deadline in the law's words. */
  deadline: string;
  /** The same as a figure, where the law gives one. */
  hours?: number;
  days?: { count: number; kind: "calendar" | "business" };
  trigger: string;
  citations: readonly string[];
  sources: readonly Source[];
};

/** A fact worth listing that no rule above carries (pending legislation, an open question). */
export type Fact = Verifiable & {
  id: string;
  text: string;
  citations: readonly string[];
  sources: readonly Source[];
};

/** What one jurisdiction says about one flow. */
export interface LayerOutcome {
  verdict: Verdict;
  basis: string;
  citations: readonly string[];
  obligations: readonly string[];
  /** Verify facts and risks the outcome relied on; shared objects, deduplicated per map. */
  flags: readonly FlagTemplate[];
  /** The layer's law does not reach this flow (a public-sector act and a private buyer): any other layer's judgement stands. */
  governs?: false;
}

export interface RegionInfo {
  /** As given in the DataMap. */
  code: Region;
  /** The ISO 3166-1 country the engine judges it as (an EU outermost region counts as its state). */
  country: string;
  label: string;
  /** Set when `country` comes from a territory rule rather than the code itself. */
  territoryFlag?: FlagTemplate;
}

/** Facts about the whole map that some rules need (localization copies, thresholds). */
export interface MapFacts {
  scope: Scope;
  categories: ReadonlySet<Category>;
  /** Countries and subdivisions where some party stores or processes the data (not backups). */
  primaryRegions: ReadonlySet<string>;
  /**
   * Where some party keeps the data in storage (not processing, not backups):
   * a localization mandate's "database kept at home" (reference X7).
   */
  storedRegions: ReadonlySet<string>;
}

export interface FlowInput {
  subject: RegionInfo;
  party: Party;
  /** Party ids from the vendor to this party. */
  chain: readonly string[];
  location: { region: RegionInfo; use: LocationUse };
  map: MapFacts;
}

/**
 * The escape hatch for rules that are not plain data. `judgeFlow` wraps the declarative
 * judgement: call `declarative()` for the default and return it, tightened or replaced.
 */
export interface SpecialLogic {
  judgeFlow?(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome;
  /** Findings about the whole map, e.g. China's volume thresholds over `subjectsCount`. */
  mapFlags?(map: MapFacts): readonly FlagTemplate[];
}

export interface Jurisdiction {
  /** ISO 3166-1 ("DE"), ISO 3166-2 ("CA-QC") or an engine code for a free zone ("AE-DIFC"). */
  code: string;
  name: string;
  /** For a subdivision: the country whose rules apply underneath. */
  parent?: string;
  blocs: readonly ("EU" | "EEA")[];
  regulator: Regulator;
  /** The day the entry was last checked against its sources (ISO date). */
  reviewed: string;
  instruments: readonly Instrument[];
  transfer: TransferRegime;
  localization: readonly LocalizationMandate[];
  sectorRules: readonly SectorRule[];
  breach: readonly BreachNotification[];
  /** Citation for the finding that a subprocessor is not authorised (GDPR Art. 28(2)). */
  processorAuthorisation?: readonly string[];
  facts?: readonly Fact[];
  sources: readonly Source[];
  special?: SpecialLogic;
}

export interface Flow {
  subject: Region;
  party: string;
  region: Region;
  use: LocationUse;
  verdict: Verdict;
  basis: string;
  citations: string[];
  obligations: string[];
}

export interface Flag {
  severity: FlagSeverity;
  text: string;
  citations: string[];
}

export interface AssessResult {
  rulesVersion: string;
  flows: Flow[];
  flags: Flag[];
}
