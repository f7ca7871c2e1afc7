import type { Category, DataMap, LocationUse, Party, Safeguard } from "~/datamap/schema";

// Realistic DataMaps for benchmarks, the same every time for a given seed: a
// vendor and its affiliates and subprocessors, some engaged down a chain, in
// the places hosted CRMs actually use, with the safeguards they usually hold.

/** mulberry32: a small, fast, deterministic generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjectPool = ["DE", "FR", "GB", "IE", "NL", "ES", "IT", "PL", "SE", "AT", "CH", "CA-QC", "CA-ON", "US-CA", "US", "AU", "JP", "SG", "BR", "IN"];
const hostingPool = ["DE", "IE", "NL", "FR", "SE", "GB", "CH", "US", "US-VA", "US-OR", "CA", "CA-QC", "AU", "JP", "SG"];
const accessPool = ["IN", "PH", "US", "GB", "DE", "PL", "PT", "UA", "MX", "BR", "ZA", "CA", "IE", "RO", "MA"];
const processingPool = ["US", "IE", "DE", "NL", "GB", "SE", "IN", "SG", "IL", "JP"];
const extraCategories: Category[] = ["financial", "payment", "health", "government-id", "children", "precise-location"];
const names = ["Cloud", "Mail", "Support", "Analytics", "Search", "Voice", "Sign", "Pay", "Backup", "AI", "Chat", "Data"];

export function generateDataMaps(count: number, parties: number, seed = 20261122): DataMap[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const some = <T>(list: readonly T[], n: number): T[] => {
    const out = new Set<T>();
    while (out.size < Math.min(n, list.length)) out.add(pick(list));
    return [...out];
  };

  const locations = (n: number) => {
    const out = new Map<string, { region: string; use: LocationUse }>();
    for (let i = 0; i < n; i++) {
      const l = location();
      out.set(`${l.region} ${l.use}`, l);
    }
    return [...out.values()];
  };
  const location = (): { region: string; use: LocationUse } => {
    const roll = random();
    if (roll < 0.4) return { region: pick(hostingPool), use: "storage" };
    if (roll < 0.55) return { region: pick(hostingPool), use: "backup" };
    if (roll < 0.8) return { region: pick(accessPool), use: "access" };
    return { region: pick(processingPool), use: "processing" };
  };

  const safeguardsFor = (country: string): Safeguard[] => {
    const s: Safeguard[] = [];
    if (chance(0.7)) s.push("eu-scc");
    if (country.startsWith("US") && chance(0.6)) s.push("dpf", "dpf-uk");
    if (chance(0.4)) s.push("tia");
    if (chance(0.3)) s.push("uk-addendum");
    if (chance(0.15)) s.push("bcr");
    if (chance(0.3)) s.push("contract");
    if (chance(0.1)) s.push("pia");
    return [...new Set(s)];
  };

  return Array.from({ length: count }, (_, m): DataMap => {
    const vendorCountry = pick(["DE", "IE", "FR", "GB", "US", "US-DE", "CA-ON", "NL"]);
    const list: Party[] = [
      {
        id: "vendor",
        name: `Vendor ${m + 1}`,
        role: "vendor",
        country: vendorCountry,
        locations: locations(2 + Math.floor(random() * 2)),
        safeguards: safeguardsFor(vendorCountry),
      },
    ];
    for (let p = 1; p < parties; p++) {
      const country = pick([...hostingPool, ...accessPool]);
      const engager = p > 3 && chance(0.2) ? list[1 + Math.floor(random() * (p - 1))]!.id : undefined;
      list.push({
        id: `p${p}`,
        name: `${pick(names)} ${pick(names)} ${p} Ltd`,
        role: p <= 2 ? "affiliate" : "subprocessor",
        ...(engager ? { engagedBy: engager } : {}),
        ...(chance(0.03) ? { authorised: false } : {}),
        country,
        ...(chance(0.05) ? { ownUse: true } : {}),
        locations: locations(1 + Math.floor(random() * 2)),
        safeguards: safeguardsFor(country),
      });
    }
    return {
      scope: {
        subjects: some(subjectPool, 1 + Math.floor(random() * 4)),
        categories: ["contact", "commercial", ...(chance(0.4) ? some(extraCategories, 1 + Math.floor(random() * 2)) : [])],
        sector: pick(["general", "general", "general", "health", "finance", "public"] as const),
        subjectsCount: Math.floor(random() * 2_000_000),
      },
      parties: list,
    };
  });
}
