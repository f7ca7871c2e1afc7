import countries from "i18n-iso-countries";
import { isIsoSubdivision } from "~/geo/subdivisions";
import * as z from "zod";

// The DataMap is the public contract of the residency engine (shared/DESIGN.md).
// It is parsed here, once, at every boundary: the CLI, the app's derivation
// step and the tests. Inside, the types are trusted.

export const categories = [
  "contact",
  "commercial",
  "financial",
  "payment",
  "health",
  "my-health-record",
  "government-id",
  "children",
  "biometric",
  "genetic",
  "precise-location",
  "criminal-justice",
  "credit-information",
] as const;
export type Category = (typeof categories)[number];

export const safeguards = [
  "eu-scc",
  "uk-idta",
  "uk-addendum",
  "ch-scc",
  "bcr",
  "dpf",
  "dpf-uk",
  "dpf-ch",
  "tia",
  "pia",
  "contract",
  "notice",
  "consent",
  "baa",
  "cn-standard-contract",
  "cn-security-assessment",
  "cn-certification",
  "br-scc",
  "ar-model-clauses",
  "ru-notification",
  "tr-scc-notified",
  "vn-ctia-filed",
  "sa-scc",
  "il-undertaking",
  "cisa-security-requirements",
] as const;
export type Safeguard = (typeof safeguards)[number];

export const locationUses = ["storage", "backup", "access", "processing"] as const;
export type LocationUse = (typeof locationUses)[number];

export const partyRoles = ["vendor", "affiliate", "subprocessor"] as const;
export type PartyRole = (typeof partyRoles)[number];

export const dataMapSectors = ["general", "health", "finance", "public"] as const;
export type DataMapSector = (typeof dataMapSectors)[number];

/**
 * Financial free zones with their own data-protection law but no ISO 3166-2
 * code. Custodian names them as if they were subdivisions of their country
 * (docs/decisions/006-region-codes-for-free-zones.md).
 */
export const freeZoneRegions = {
  "AE-DIFC": "Dubai International Financial Centre",
  "AE-ADGM": "Abu Dhabi Global Market",
} as const;

/** ISO 3166-1 alpha-2 ("DE"), an ISO 3166-2 subdivision ("CA-QC"), or a free zone ("AE-DIFC"). */
export const RegionSchema = z
  .string()
  .refine((code) => code in freeZoneRegions || /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code), {
    message: 'must be an ISO 3166 code such as "DE" or "CA-QC" (upper case), or AE-DIFC or AE-ADGM',
    abort: true,
  })
  .refine((code) => countries.isValid(code.slice(0, 2)), {
    message: "is not an ISO 3166-1 country code",
    abort: true,
  })
  .refine((code) => code.length === 2 || code in freeZoneRegions || isIsoSubdivision(code.slice(0, 2), code.slice(3)), {
    message: "is not an ISO 3166-2 subdivision of its country",
  });
export type Region = string;

export const LocationSchema = z.object({
  region: RegionSchema,
  use: z.enum(locationUses),
});
export type Location = z.infer<typeof LocationSchema>;

export const PartySchema = z.object({
  id: z.string().min(1, "must not be empty"),
  name: z.string().min(1, "must not be empty"),
  role: z.enum(partyRoles),
  engagedBy: z.string().min(1).optional(),
  authorised: z.boolean().optional(),
  country: RegionSchema.optional(),
  ownUse: z.boolean().optional(),
  locations: z.array(LocationSchema),
  safeguards: z.array(z.enum(safeguards)),
});
export type Party = z.infer<typeof PartySchema>;

export const ScopeSchema = z.object({
  subjects: z.array(RegionSchema).min(1, "must name at least one region"),
  categories: z.array(z.enum(categories)),
  sector: z.enum(dataMapSectors),
  subjectsCount: z.number().int().nonnegative().optional(),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const DataMapSchema = z
  .object({
    scope: ScopeSchema,
    parties: z.array(PartySchema).min(1, "must list at least the vendor"),
  })
  .superRefine((map, ctx) => {
    const ids = new Map<string, number>();
    map.parties.forEach((party, index) => {
      if (ids.has(party.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["parties", index, "id"],
          message: `duplicates the id of parties[${ids.get(party.id)}]`,
        });
      } else ids.set(party.id, index);
    });
    map.parties.forEach((party, index) => {
      if (index === 0 && party.role !== "vendor") {
        ctx.addIssue({
          code: "custom",
          path: ["parties", 0, "role"],
          message: 'the first party must be the vendor (role "vendor")',
        });
      }
      if (index > 0 && party.role === "vendor") {
        ctx.addIssue({
          code: "custom",
          path: ["parties", index, "role"],
          message: "only the first party may be the vendor",
        });
      }
      if (party.engagedBy !== undefined) {
        if (!ids.has(party.engagedBy)) {
          ctx.addIssue({
            code: "custom",
            path: ["parties", index, "engagedBy"],
            message: `names "${party.engagedBy}", which is not the id of any party`,
          });
        } else if (party.engagedBy === party.id) {
          ctx.addIssue({
            code: "custom",
            path: ["parties", index, "engagedBy"],
            message: "a party cannot engage itself",
          });
        }
      }
    });
    // An engagement chain must end at the vendor: a cycle has no root to judge from.
    const byId = new Map(map.parties.map((p) => [p.id, p]));
    map.parties.forEach((party, index) => {
      const seen = new Set<string>();
      let current: Party | undefined = party;
      while (current?.engagedBy && byId.has(current.engagedBy)) {
        if (seen.has(current.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["parties", index, "engagedBy"],
            message: "forms a cycle of engagements that never reaches the vendor",
          });
          return;
        }
        seen.add(current.id);
        current = byId.get(current.engagedBy);
      }
    });
  });
export type DataMap = z.infer<typeof DataMapSchema>;

/** `parties[2].locations[0].region: must be an ISO 3166 code …` for each issue. */
export function describeIssues(error: z.ZodError, root = ""): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      root,
    );
    return `${path || "(root)"}: ${issue.message}`;
  });
}
