import type { Answers, TableRow } from "~/questionnaire/answers";
import type { Question, Questionnaire } from "~/questionnaire/types";
import { isVisible } from "~/questionnaire/visibility";
import {
  categories as categoryValues,
  dataMapSectors,
  RegionSchema,
  safeguards as safeguardValues,
  type Category,
  type DataMap,
  type LocationUse,
  type Party,
  type Safeguard,
  type Scope,
} from "./schema";

// Question and column ids read here are a contract with questionnaires/hosted-crm-*.yaml;
// the table in docs/decisions/004-questionnaire-format.md lists them.
const VENDOR_ID = "vendor";

/** The tables whose rows become locations: [question, party column, region column, use]. */
const locationTables: [question: string, partyColumn: string, regionColumn: string, use: LocationUse][] = [
  ["s1.facilities", "operator", "region", "storage"],
  ["s1.secondary_copy_locations", "operator", "region", "storage"],
  ["s6.destruction_sites", "party", "region", "storage"],
  ["s3.backup_sites", "operator", "region", "backup"],
  ["s2.access_locations", "party", "region", "access"],
  ["s7.key_locations", "party", "region", "access"],
  ["s7.key_locations", "party", "admin_countries", "access"],
  ["s2.processing_locations", "party", "region", "processing"],
  ["s15.ai_features", "provider", "region", "processing"],
];

const ownPurposes = new Set(["benchmarking", "marketing", "enrichment", "model_training"]);

export interface DeriveOptions {
  /** Parties the buyer has not approved, by derived party id, short name or legal name. */
  unauthorisedParties?: string[];
}

/**
 * Builds the DataMap from a vendor's answers and the buyer's scope. Missing or
 * partial answers never throw: they give a smaller map and a note saying what
 * could not be derived. Answers to hidden questions are ignored.
 */
export function deriveDataMap(
  questionnaire: Questionnaire,
  answers: Answers,
  scope: Scope,
  options: DeriveOptions = {},
): { dataMap: DataMap; notes: string[] } {
  const notes: string[] = [];
  const read = reader(questionnaire, answers);

  const vendorName = read.text("s0.legal_name");
  if (!vendorName) notes.push("no vendor legal name answered (s0.legal_name); the vendor is named \"Vendor\"");
  const vendorCountry = read.region("s0.country");
  if (!vendorCountry) notes.push("no country of establishment answered for the vendor (s0.country)");
  const ownUse = read.strings("s14.own_use").some((v) => ownPurposes.has(v)) || ["opt_out", "yes"].includes(read.text("s15.training") ?? "");
  const vendor: Party = {
    id: VENDOR_ID,
    name: vendorName ?? "Vendor",
    role: "vendor",
    ...(vendorCountry ? { country: vendorCountry } : {}),
    ...(ownUse ? { ownUse: true } : {}),
    locations: [],
    safeguards: toSafeguards(read.strings("s0.vendor_safeguards")),
  };

  const parties: Party[] = [vendor];
  const byKey = new Map<string, Party>();
  const takenIds = new Set([VENDOR_ID]);
  const engagedByKey = new Map<Party, string>();
  read.rows("s0.parties").forEach((row, i) => {
    const key = str(row.key);
    const name = str(row.legal_name);
    if (!key || !name) {
      notes.push(`s0.parties row ${i + 1}: no short name or legal name; left out`);
      return;
    }
    const id = uniqueId(slug(key) || `party-${i + 1}`, takenIds);
    const country = regionOf(row.country);
    if (!country) notes.push(`s0.parties row ${i + 1} (${name}): no valid country of establishment`);
    const party: Party = {
      id,
      name,
      role: row.role === "affiliate" ? "affiliate" : "subprocessor",
      ...(country ? { country } : {}),
      ...(row.own_use === true ? { ownUse: true } : {}),
      locations: [],
      safeguards: toSafeguards(Array.isArray(row.safeguards) ? row.safeguards : []),
    };
    const engagedBy = str(row.engaged_by);
    if (engagedBy) engagedByKey.set(party, engagedBy);
    byKey.set(key, party);
    parties.push(party);
  });
  for (const [party, key] of engagedByKey) {
    const engager = byKey.get(key);
    if (engager && engager !== party) party.engagedBy = engager.id;
    else notes.push(`${party.name}: engaged by "${key}", which is not in s0.parties; treated as engaged by the vendor`);
  }
  breakEngagementCycles(parties, notes);

  const add = (party: Party, region: string, use: LocationUse) => {
    if (!party.locations.some((l) => l.region === region && l.use === use)) party.locations.push({ region, use });
  };
  for (const [questionId, partyColumn, regionColumn, use] of locationTables) {
    read.rows(questionId).forEach((row, i) => {
      const key = str(row[partyColumn]);
      let party = vendor;
      if (key) {
        const found = byKey.get(key);
        if (found) party = found;
        else notes.push(`${questionId} row ${i + 1}: "${key}" is not in s0.parties; the location is given to the vendor`);
      }
      const cell = row[regionColumn];
      for (const value of Array.isArray(cell) ? cell : cell === undefined ? [] : [cell]) {
        const region = regionOf(value);
        if (region) add(party, region, use);
        else notes.push(`${questionId} row ${i + 1}: "${String(value)}" is not an ISO 3166 region; left out`);
      }
    });
  }

  // Countries named only in the summary question still hold our data somewhere.
  const storageRegions = parties.flatMap((p) => p.locations.filter((l) => l.use === "storage").map((l) => l.region));
  for (const region of read.regions("s1.storage_countries")) {
    const covered = storageRegions.some((r) => r === region || r.startsWith(`${region}-`) || region.startsWith(`${r}-`));
    if (!covered) {
      add(vendor, region, "storage");
      notes.push(`storage country ${region} (s1.storage_countries) has no facility in s1.facilities; it is given to the vendor`);
    }
  }

  const uses = new Set(parties.flatMap((p) => p.locations.map((l) => l.use)));
  if (!uses.has("storage")) notes.push("no storage location answered (s1.storage_countries, s1.facilities)");
  if (!uses.has("backup")) notes.push("no backup location answered (s3.backup_sites)");
  if (!uses.has("access")) notes.push("no access or support location answered (s2.access_locations)");

  for (const name of options.unauthorisedParties ?? []) {
    const wanted = name.trim().toLowerCase();
    const matches = parties.filter(
      (p) => p.role !== "vendor" && (p.id === wanted || p.name.toLowerCase() === wanted || [...byKey].some(([k, v]) => v === p && k.toLowerCase() === wanted)),
    );
    if (matches.length === 0) notes.push(`unauthorised party "${name}" is not among the vendor's parties`);
    for (const party of matches) party.authorised = false;
  }

  return { dataMap: { scope: cleanScope(scope, notes), parties }, notes };
}

function reader(questionnaire: Questionnaire, answers: Answers) {
  const questions = new Map<string, Question>(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const value = (id: string): unknown => {
    const question = questions.get(id);
    if (!question || !isVisible(question, answers)) return undefined;
    return answers[id]?.value ?? undefined;
  };
  return {
    text: (id: string) => str(value(id)),
    strings: (id: string): string[] => {
      const v = value(id);
      return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
    },
    region: (id: string) => regionOf(value(id)),
    regions: (id: string): string[] => {
      const v = value(id);
      return (Array.isArray(v) ? v : []).map(regionOf).filter((r): r is string => r !== undefined);
    },
    rows: (id: string): TableRow[] => {
      const v = value(id);
      return Array.isArray(v) ? v.filter((r): r is TableRow => typeof r === "object" && r !== null && !Array.isArray(r)) : [];
    },
  };
}

function breakEngagementCycles(parties: Party[], notes: string[]) {
  const byId = new Map(parties.map((p) => [p.id, p]));
  for (const party of parties) {
    const seen = new Set<string>();
    let current: Party | undefined = party;
    while (current?.engagedBy) {
      if (seen.has(current.id)) {
        notes.push(`${party.name}: its chain of engagements loops and never reaches the vendor; treated as engaged by the vendor`);
        delete party.engagedBy;
        break;
      }
      seen.add(current.id);
      current = byId.get(current.engagedBy);
    }
  }
}

function cleanScope(scope: Scope, notes: string[]): Scope {
  const subjects = scope.subjects.filter((s) => RegionSchema.safeParse(s).success);
  if (subjects.length !== scope.subjects.length) notes.push("scope: regions that are not ISO 3166 codes were left out");
  if (subjects.length === 0) notes.push("scope: no region of data subjects; the map cannot be judged");
  const categories = scope.categories.filter((c): c is Category => (categoryValues as readonly string[]).includes(c));
  const sector = (dataMapSectors as readonly string[]).includes(scope.sector) ? scope.sector : "general";
  const count = scope.subjectsCount;
  return {
    subjects,
    categories,
    sector,
    ...(typeof count === "number" && Number.isInteger(count) && count >= 0 ? { subjectsCount: count } : {}),
  };
}

function toSafeguards(values: unknown[]): Safeguard[] {
  return [...new Set(values.filter((v): v is Safeguard => (safeguardValues as readonly unknown[]).includes(v)))];
}

function regionOf(value: unknown): string | undefined {
  return typeof value === "string" && RegionSchema.safeParse(value).success ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function slug(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
