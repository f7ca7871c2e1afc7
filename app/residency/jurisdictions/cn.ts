import type { Category } from "~/datamap/schema";
import { CompiledJurisdiction, describeUse, outcome, verifyFlag } from "../judge";
import { regionInfo } from "../regions";
import type {
  Fact,
  FlagTemplate,
  FlowInput,
  InsufficientSafeguard,
  Jurisdiction,
  LayerOutcome,
  MapFacts,
  Mechanism,
  Source,
} from "../types";

// China (mainland): PIPL Arts 36, 38-40, CSL Art. 37 and the 2024 Provisions on
// cross-border data flows (reference §6, reviewed 23 Nov 2026). Which mechanism
// an export needs depends on volume and sensitivity, so `special.judgeFlow`
// picks a tier from scope.subjectsCount and judges the flow with that tier's
// mechanisms only.

const src = {
  pipl: { url: "https://personalinformationprotectionlaw.com/PIPL/tag/state-cyberspace-administration/", date: "undated", note: "English translation of the PIPL" },
  pipl40: {
    url: "https://pipl.xllawconsulting.com/",
    date: "undated",
    note: "PIPL Art. 40 and Art. 36 translations; the page paths are elided in the reference",
  },
  freshfields: {
    url: "https://technologyquotient.freshfields.com/post/102h60b/chinas-restrictions-on-cross-border-data-transfer",
    date: "2021",
    secondary: true,
  },
  xinhua: { url: "http://en.qstheory.cn/2024-03/25/c_973586.htm", date: "2024-03-25", note: "Xinhua on the 2024 Provisions" },
  wilmerhale: {
    url: "https://wilmerhale.com/insights/client-alerts/20240326-china-finalizes-rules-to-ease-data-export-compliance-burden",
    date: "2024-03-26",
    secondary: true,
  },
  hunton: {
    url: "https://hunton.sitepilot11.firmseek.com/",
    date: "2025-10",
    secondary: true,
    note: "on personal-information protection certification; the page path is elided in the reference",
  },
  certification: { url: "https://digitalpolicyalert.org/event/", date: "2025", note: "event 34594; the page path is elided in the reference" },
  chinaDaily: { url: "http://www.szjzcy.com/a/202510/22/", date: "2025-10-22", note: "China Daily reprint; the page path is elided in the reference" },
  rajahTann: { url: "https://eoasis.rajahtann.com/", date: "2024", secondary: true, note: "the page path is elided in the reference" },
  aphaia: {
    url: "https://aphaia.co.uk/",
    date: "2025-01",
    secondary: true,
    note: "on the draft certification measures; the page path is elided in the reference",
  },
  incidentBlog: {
    url: "https://www.globalprivacyblog.com/2025/10/chinas-cac-announces-new-cybersecurity-incident-reporting-measures/",
    date: "2025-10",
    secondary: true,
  },
  incidentCms: {
    url: "https://cms.law/en/chn/news-information/china-releases-administrative-measures-for-the-reporting-of-national-cybersecurity-incidents",
    date: "2025-09",
    secondary: true,
  },
  cac: { url: "https://www.cac.gov.cn", date: "undated" },
} satisfies Record<string, Source>;

const PROVISIONS = "Provisions on Promoting and Regulating Cross-Border Data Flows (2024)";
const ACCESS = "Draft Certification Measures (Jan 2025): access by foreign entities to data stored in China";

const consentAndPipia = {
  verify: true,
  verifyNote:
    "the text of PIPL Art. 39 (separate consent and notice) and Art. 55 (impact assessment) was not viewed; the engine requires the data subjects' separate consent and a PIPIA before every export.",
} as const;

const assessment: Mechanism = {
  id: "cn-security-assessment",
  label: "a CAC security assessment",
  safeguards: ["cn-security-assessment"],
  requires: ["pia", "consent"],
  citations: ["PIPL Art. 40", "Measures for Security Assessment of Outbound Data Transfers (2022)", "PIPL Art. 39", "PIPL Art. 55"],
  sources: [src.pipl, src.xinhua, src.wilmerhale],
  ...consentAndPipia,
};
const standardContract: Mechanism = {
  id: "cn-standard-contract",
  label: "the CAC standard contract",
  safeguards: ["cn-standard-contract"],
  requires: ["pia", "consent"],
  citations: ["Standard Contract Measures (2023)", PROVISIONS, "PIPL Art. 39", "PIPL Art. 55"],
  sources: [src.pipl, src.hunton, src.wilmerhale],
  ...consentAndPipia,
};
const certification: Mechanism = {
  id: "cn-certification",
  label: "personal-information protection certification (valid 3 years)",
  safeguards: ["cn-certification"],
  requires: ["pia", "consent"],
  citations: ["Measures for the Certification of Personal Information Outbound Transfer (in force 1 Jan 2026)", "PIPL Art. 39", "PIPL Art. 55"],
  sources: [src.hunton, src.certification, src.chinaDaily],
  ...consentAndPipia,
};
const exempt: Mechanism = {
  id: "cn-exempt",
  label: "the exemption for small exports of non-sensitive personal information, with separate consent and a PIPIA",
  safeguards: ["consent", "pia"],
  citations: [PROVISIONS, "PIPL Art. 39", "PIPL Art. 55"],
  sources: [src.rajahTann, src.wilmerhale],
  verify: true,
  verifyNote:
    "whether separate consent and a PIPIA are still required for exports exempt under the 2024 Provisions is unconfirmed; the engine requires both.",
};

// Not in the reference, which does not list PIPL's sensitive categories (Art. 28).
const sensitiveCategories: readonly Category[] = [
  "financial", "payment", "health", "my-health-record", "government-id", "children", "biometric",
  "genetic", "precise-location", "criminal-justice", "credit-information",
];

const facts = {
  sensitive: {
    id: "cn-sensitive-categories",
    text: "Sensitive personal information under the 2024 Provisions thresholds",
    citations: ["PIPL Art. 28", PROVISIONS],
    sources: [src.pipl],
    verify: true,
    verifyNote:
      "the reference does not list PIPL's sensitive categories; the engine treats every category but contact and commercial data as sensitive personal information when applying the 2024 Provisions thresholds.",
    verifySeverity: "low",
  },
  filing: {
    id: "cn-standard-contract-filing",
    text: "A standard contract must be filed with the CAC.",
    citations: ["Standard Contract Measures (2023)", PROVISIONS],
    sources: [src.hunton],
    verify: true,
    verifyNote: "the deadline for filing the CAC standard contract is unconfirmed.",
    verifySeverity: "low",
  },
  taiwan: {
    id: "cn-taiwan",
    text: "Taiwan is judged as outside mainland China.",
    citations: ["PIPL Art. 38"],
    sources: [src.pipl],
    verify: true,
    verifyNote: "the reference does not address Taiwan; the engine treats it, like Hong Kong and Macao, as outside mainland China, so the export rules apply.",
    verifySeverity: "low",
  },
  exemptScenarios: {
    id: "cn-exempt-scenarios",
    text: "The 2024 Provisions carve out scenarios such as contract necessity (cross-border shopping, travel), cross-border HR management and emergencies; they are not encoded.",
    citations: [PROVISIONS],
    sources: [src.wilmerhale],
    verify: true,
    verifyNote: "the full list of scenarios exempted by the 2024 Provisions is unconfirmed.",
    verifySeverity: "low",
  },
  freeTradeZones: {
    id: "cn-ftz-negative-lists",
    text: "Free-trade-zone negative lists may relax the export rules further; not encoded.",
    citations: [PROVISIONS],
    sources: [src.wilmerhale],
  },
  hongKongMacao: {
    id: "cn-hk-mo",
    text: "Hong Kong and Macao are separate data-protection regimes, not covered by this entry; the US DOJ rule treats them as part of China.",
    citations: ["PIPL Art. 38"],
    sources: [src.pipl],
  },
} satisfies Record<string, Fact>;

const base: Jurisdiction = {
  code: "CN",
  name: "China (mainland)",
  blocs: [],
  regulator: { name: "Cyberspace Administration of China (CAC), with SAMR for certification", url: "https://www.cac.gov.cn", sources: [src.cac, src.pipl] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "pipl",
      title: "Personal Information Protection Law (PIPL)",
      articles: {
        "36": "state organs store personal information domestically",
        "38": "conditions for providing personal information outside China",
        "39": "separate consent and notice for export (text not viewed)",
        "40": "CIIOs and processors over the CAC volume threshold store domestically; export after a security assessment",
        "55": "personal-information protection impact assessment (text not viewed)",
        "57": "remedial measures and notification after a breach (wording unconfirmed)",
      },
      inForce: "2021-11-01",
      sources: [src.pipl, src.pipl40],
    },
    { id: "csl", title: "Cybersecurity Law (2017)", articles: { "37": "CIIO localization" }, inForce: "2017", sources: [src.freshfields] },
    { id: "dsl", title: "Data Security Law (2021)", articles: {}, inForce: "2021", sources: [src.freshfields] },
    {
      id: "provisions-2024",
      title: PROVISIONS,
      articles: { thresholds: "security assessment, standard contract or certification, or exemption, by volume since 1 January" },
      inForce: "2024-03-22",
      sources: [src.xinhua, src.wilmerhale],
    },
    {
      id: "certification-2025",
      title: "Measures for the Certification of Personal Information Outbound Transfer (CAC and SAMR)",
      articles: { certification: "certification valid 3 years" },
      inForce: "2026-01-01",
      sources: [src.hunton, src.certification, src.chinaDaily],
    },
    {
      id: "incident-reporting-2025",
      title: "Measures on National Cybersecurity Incident Reporting",
      articles: { reporting: "1 hour (CIIOs), 2 hours (state organs), 4 hours (other network operators)" },
      inForce: "2025-11-01",
      sources: [src.incidentBlog, src.incidentCms],
    },
  ],
  transfer: {
    restricted: true,
    citations: ["PIPL Art. 38"],
    domestic: { regions: ["CN"], label: "mainland China", citations: ["PIPL Art. 38"] },
    importerEstablishment: { rule: "ignored", citations: ["PIPL Art. 38 (provision outside the territory)"] },
    whitelistName: "PIPL whitelist",
    whitelist: [],
    mechanisms: [assessment, standardContract, certification, exempt],
  },
  localization: [
    {
      id: "cn-state-organs",
      summary: "PIPL Art. 36, under which state organs store personal information in China",
      applies: { sectors: ["public"] },
      allowedRegions: ["CN"],
      bannedUses: ["storage", "backup", "processing"],
      primaryCopyOnly: true,
      obligation: "keep the database in mainland China; export copies only after a CAC security assessment",
      citations: ["PIPL Art. 36"],
      sources: [src.pipl40],
    },
    {
      id: "cn-volume",
      summary: "PIPL Art. 40, under which processors over the CAC volume threshold store personal information in China",
      applies: { minSubjects: 999_999 },
      allowedRegions: ["CN"],
      bannedUses: ["storage", "backup", "processing"],
      primaryCopyOnly: true,
      obligation: "keep the database in mainland China; export copies only after a CAC security assessment",
      citations: ["PIPL Art. 40"],
      sources: [src.pipl40, src.xinhua],
      verify: true,
      verifyNote:
        "the reference does not give the PIPL Art. 40 volume threshold for domestic storage; the engine assumes the 1 million people of the security-assessment threshold, 1 million itself included (the stricter reading), counting only this map's subjects.",
    },
  ],
  sectorRules: [
    {
      id: "cn-ciio",
      summary: "CIIO localization",
      applies: {},
      effect: {
        kind: "flag",
        severity: "medium",
        text:
          "Custodian cannot tell from the data map whether the buyer is a critical information infrastructure operator (CIIO). " +
          "A CIIO must store personal information collected in China domestically and export it only after a CAC security assessment; if the buyer is one, offshore storage here breaches that rule.",
        when: "offshore",
      },
      citations: ["CSL Art. 37", "PIPL Art. 40"],
      sources: [src.freshfields, src.pipl40],
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "within 1 hour of a reportable cybersecurity incident",
      hours: 1,
      trigger: "a reportable incident at a critical information infrastructure operator",
      citations: ["Measures on National Cybersecurity Incident Reporting (in force 1 Nov 2025)"],
      sources: [src.incidentBlog, src.incidentCms],
    },
    {
      to: "regulator",
      deadline: "within 2 hours of a reportable cybersecurity incident",
      hours: 2,
      trigger: "a reportable incident at a state organ",
      citations: ["Measures on National Cybersecurity Incident Reporting (in force 1 Nov 2025)"],
      sources: [src.incidentBlog],
    },
    {
      to: "regulator",
      deadline: "within 4 hours of a reportable cybersecurity incident",
      hours: 4,
      trigger: "a reportable incident at any other network operator",
      citations: ["Measures on National Cybersecurity Incident Reporting (in force 1 Nov 2025)"],
      sources: [src.incidentBlog, src.incidentCms],
    },
    {
      to: "data-subjects",
      deadline: "as PIPL Art. 57 requires (the authority and the individuals are notified after remedial measures)",
      trigger: "a leak, tampering or loss of personal information",
      citations: ["PIPL Art. 57"],
      sources: [src.pipl],
      verify: true,
      verifyNote: "the exact wording of PIPL Art. 57 (remedial measures, notifying the authority and individuals) is unconfirmed.",
      verifySeverity: "low",
    },
  ],
  facts: Object.values(facts),
  sources: [src.pipl, src.xinhua, src.wilmerhale, src.hunton, src.freshfields],
};

type Tier = "assessment" | "contract" | "exempt";

const belowAssessment: readonly InsufficientSafeguard[] = [
  {
    safeguards: ["cn-standard-contract"],
    reason: "the CAC standard contract is available only for exports below the security-assessment thresholds",
    citations: [PROVISIONS],
  },
  {
    safeguards: ["cn-certification"],
    reason: "certification is available only for exports below the security-assessment thresholds",
    citations: [PROVISIONS],
  },
];

const compiledTiers: Readonly<Record<Tier, CompiledJurisdiction>> = {
  assessment: tierOf([assessment], belowAssessment),
  contract: tierOf([standardContract, certification, assessment]),
  exempt: tierOf([exempt]),
};

function tierOf(mechanisms: readonly Mechanism[], insufficient: readonly InsufficientSafeguard[] = []): CompiledJurisdiction {
  return new CompiledJurisdiction({ ...base, transfer: { ...base.transfer, mechanisms, insufficient } });
}

const flags = {
  sensitive: verifyFlag(facts.sensitive, facts.sensitive.citations) as FlagTemplate,
  filing: verifyFlag(facts.filing, facts.filing.citations) as FlagTemplate,
  taiwan: verifyFlag(facts.taiwan, facts.taiwan.citations) as FlagTemplate,
  consentAndPipia: verifyFlag(assessment, ["PIPL Art. 39", "PIPL Art. 55"]) as FlagTemplate,
  exempt: verifyFlag(exempt, exempt.citations) as FlagTemplate,
  noCount: {
    severity: "medium",
    text:
      "The data map gives no subjectsCount for China, so the engine assumes the export exceeds the 2024 Provisions thresholds (a CAC security assessment) " +
      "and the PIPL Art. 40 volume threshold (domestic storage); give the number of people to judge the export precisely.",
    citations: [PROVISIONS, "PIPL Art. 40"],
  } satisfies FlagTemplate,
};

interface Threshold {
  tier: Tier;
  /** Completes "by the 2024 Provisions (counted since 1 January), …". */
  reason: string;
  flags: readonly FlagTemplate[];
  /** Set when the count sits exactly on a boundary the 2024 Provisions leave open. */
  boundary?: FlagTemplate;
}

const count = (n: number) => n.toLocaleString("en-GB");

const boundaryFlags = new Map<number, FlagTemplate>();

/**
 * The 2024 Provisions speak of "more than 1 million", "more than 10,000" and "more than
 * 100,000 but fewer than 1 million": a count of exactly 1,000,000, 100,000 or (sensitive)
 * 10,000 falls in no tier. The engine takes the stricter one and says so.
 */
function boundaryFlag(n: number): FlagTemplate {
  let flag = boundaryFlags.get(n);
  if (!flag) {
    flag = {
      severity: "low",
      text: `Verify: the 2024 Provisions do not place exactly ${count(n)} individuals in either tier; the engine takes the stricter.`,
      citations: n === 1_000_000 ? [PROVISIONS, "PIPL Art. 40"] : [PROVISIONS],
    };
    boundaryFlags.set(n, flag);
  }
  return flag;
}

/**
 * The mechanism an export needs under the 2024 Provisions. Where the
 * thresholds leave a gap ("more than 1 million" against "fewer than 1
 * million"), the stricter tier is taken.
 */
function chinaThreshold(map: MapFacts): Threshold {
  const n = map.scope.subjectsCount;
  const sensitive = sensitiveCategories.filter((c) => map.categories.has(c));
  const sensitiveFlags = sensitive.length > 0 ? [flags.sensitive] : [];
  if (map.scope.sector === "public") {
    return { tier: "assessment", reason: "a state organ's export needs a CAC security assessment (PIPL Art. 36)", flags: [] };
  }
  if (n === undefined) {
    return { tier: "assessment", reason: "with no subjectsCount the export is assumed to need a CAC security assessment", flags: [flags.noCount] };
  }
  if (n >= 1_000_000) {
    // Exactly 1 million also meets the PIPL Art. 40 domestic-storage assumption, whatever the categories.
    const exact = n === 1_000_000 ? boundaryFlag(n) : undefined;
    return {
      tier: "assessment",
      reason: exact
        ? `personal information of exactly ${count(n)} people (the 2024 Provisions require more than 1 million; the engine takes the stricter tier) needs a CAC security assessment`
        : `personal information of ${count(n)} people (more than 1 million) needs a CAC security assessment`,
      flags: exact ? [exact] : [],
      ...(exact ? { boundary: exact } : {}),
    };
  }
  if (sensitive.length > 0 && n >= 10_000) {
    const exact = n === 10_000 ? boundaryFlag(n) : undefined;
    return {
      tier: "assessment",
      reason: exact
        ? `sensitive personal information (${sensitive.join(", ")}) of exactly ${count(n)} people (the 2024 Provisions require more than 10,000; the engine takes the stricter tier) needs a CAC security assessment`
        : `sensitive personal information (${sensitive.join(", ")}) of ${count(n)} people (more than 10,000) needs a CAC security assessment`,
      flags: exact ? [...sensitiveFlags, exact] : sensitiveFlags,
    };
  }
  if (sensitive.length > 0) {
    return {
      tier: "contract",
      reason: `sensitive personal information (${sensitive.join(", ")}) of fewer than 10,000 people needs the CAC standard contract or certification`,
      flags: sensitiveFlags,
    };
  }
  if (n >= 100_000) {
    const exact = n === 100_000 ? boundaryFlag(n) : undefined;
    return {
      tier: "contract",
      reason: exact
        ? `non-sensitive personal information of exactly ${count(n)} people (the 2024 Provisions require more than 100,000; the engine takes the stricter tier) needs the CAC standard contract or certification`
        : `non-sensitive personal information of ${count(n)} people (more than 100,000 but fewer than 1 million) needs the CAC standard contract or certification`,
      flags: exact ? [exact] : [],
    };
  }
  return { tier: "exempt", reason: `non-sensitive personal information of ${count(n)} people (fewer than 100,000) is exempt from the security assessment, standard contract and certification, though the engine still requires separate consent and a PIPIA`, flags: [] };
}

// ISO 3166-2 codes Hong Kong, Macao and Taiwan as subdivisions of CN; the
// PIPL export rules treat them as outside the mainland.
const outsideMainland: Readonly<Record<string, string>> = { "CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW" };

function judgeChina(input: FlowInput): LayerOutcome {
  const subjectOutside = outsideMainland[input.subject.code];
  if (subjectOutside) return outsideCatalogue(input, subjectOutside);

  const mapped = outsideMainland[input.location.region.code];
  const region = mapped ? regionInfo(mapped) : input.location.region;
  const located: FlowInput = mapped ? { ...input, location: { ...input.location, region } } : input;
  const threshold = chinaThreshold(input.map);
  const tier = compiledTiers[threshold.tier];
  const judged = tier.declarative(located);
  if (tier.domestic.has(region)) return judged;
  // A localization breach needs no mechanism, but it may rest on the assumed count.
  if (judged.verdict === "prohibited") {
    if (input.map.scope.subjectsCount === undefined) return { ...judged, flags: [...judged.flags, flags.noCount] };
    return threshold.boundary ? { ...judged, flags: [...judged.flags, threshold.boundary] } : judged;
  }

  const party = input.party.safeguards;
  const usesContract =
    threshold.tier === "contract" && party.includes("cn-standard-contract") && !party.includes("cn-certification") && !party.includes("cn-security-assessment");
  const added: FlagTemplate[] = [...threshold.flags, threshold.tier === "exempt" ? flags.exempt : flags.consentAndPipia];
  if (usesContract) added.push(flags.filing);
  if (region.country === "TW") added.push(flags.taiwan);
  const citations = [...judged.citations];
  for (const c of [PROVISIONS, ...(input.location.use === "access" ? [ACCESS] : [])]) if (!citations.includes(c)) citations.push(c);
  return {
    verdict: judged.verdict,
    basis: withReason(judged.basis, `by the 2024 Provisions (counted since 1 January), ${threshold.reason}`),
    citations,
    obligations: usesContract ? [...judged.obligations, "file the standard contract with the provincial CAC, if not yet done"] : judged.obligations,
    flags: [...judged.flags, ...added],
  };
}

/** Adds a clause before the closing "; regulator: …" of a basis. */
function withReason(basis: string, reason: string): string {
  const at = basis.lastIndexOf("; regulator: ");
  return at < 0 ? `${basis}; ${reason}` : `${basis.slice(0, at)}; ${reason}${basis.slice(at)}`;
}

const outsideFlags = new Map<string, FlagTemplate>();

/** Subjects in Hong Kong, Macao or Taiwan: PIPL is not their law, and the catalogue has no entry for them. */
function outsideCatalogue(input: FlowInput, country: string): LayerOutcome {
  const place = regionInfo(country).label;
  const citation = `Custodian catalogue ${base.reviewed}: ${place} is outside mainland China and not reviewed; conservative default`;
  let flag = outsideFlags.get(country);
  if (!flag) {
    flag = {
      severity: "high",
      text: `Data subjects in ${place} were judged by a conservative default, not by mainland China's PIPL: ${place} is a separate regime that the catalogue does not cover.`,
      citations: [citation],
    };
    outsideFlags.set(country, flag);
  }
  const where = input.location.region;
  const what = describeUse(input.location.use, where.label);
  if (where.code === input.subject.code || where.code === country) {
    return outcome("permitted", `${what} stays within ${place}, so no transfer rule is engaged`, [citation], [], [flag]);
  }
  return outcome(
    "non-compliant",
    `${what} leaves ${place}, which is not in the catalogue, so by the conservative default it is non-compliant until its transfer rules are reviewed`,
    [citation],
    [`review the transfer rules of ${place}`],
    [flag],
  );
}

export const china: Jurisdiction = { ...base, special: { judgeFlow: (input) => judgeChina(input) } };
