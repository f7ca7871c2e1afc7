import type { Category } from "~/datamap/schema";
import { combine, describeUse, outcome, verifyFlag } from "../judge";
import { RegionSet, regionInfo } from "../regions";
import type { FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, MapFacts, Source } from "../types";

// United States (reference §5, reviewed 23 Nov 2026). No general export rule:
// sectoral rules (HIPAA, GLBA, CJIS, IRS Pub 1075) plus the DOJ Data Security
// Program (28 CFR Part 202), which restricts access to bulk US sensitive data
// by countries of concern and covered persons. Access means logical or physical
// access whatever the security measures (28 CFR 202.201; reference X2).

const src = {
  cleary: {
    url: "https://clearygottlieb.com/news-and-insights/publication-listing/",
    date: "2025-02-17",
    secondary: true,
    note: "DOJ final rule on 28 CFR Part 202; the page path is elided in the reference",
  },
  cfr1001: { url: "https://law.lawstack.com/cfr/28/202.1001/", date: "undated", note: "verified against eCFR as of 20 Jun 2026" },
  iu: { url: "https://rso.iu.edu/education-outreach/doj-bulk-data.html", date: "undated" },
  chertoff: { url: "https://chertoffgroup.com/bulk-sensitive-personal-data-security-requirements", date: "2025", secondary: true },
  cfr205: { url: "https://self-law.org/code/us/cfr/t28/s%C2%A7%20202.205", date: "undated", note: "28 CFR 202.205; printed as s§ 202.205 in the reference" },
  padfa: { url: "https://akingump.com/en/insights/alerts/protecting-americans-data-from-foreign-adversaries-act-of-2024", date: "2024-04", secondary: true },
  justSecurity: { url: "https://www.justsecurity.org/113893/", date: "2025", secondary: true, note: "the page path is elided in the reference" },
  padfaLetters: {
    url: "https://www.policypulse.pro/article/LhsMFiOoPKsbomNROFf5",
    date: "2026",
    secondary: true,
    note: "dated 08.02.2026, day and month order ambiguous",
  },
  ocrCloud: {
    url: "https://businessassociateagreements.com/programs/weblog.cgi?showpage=1667410132_ePHI",
    date: "undated",
    note: "mirror of the HHS OCR cloud computing FAQ",
  },
  medicaid: {
    url: "https://mondaq.com/unitedstates/x/624838/",
    date: "2017",
    secondary: true,
    note: "state Medicaid offshore bans; the page path is elided in the reference",
  },
  hipaaBreach: {
    url: "https://brickergraydon.com/insights/resources/key/hipaa-regulations-notification-in-the-case-of-breach-timeliness-of-notification-164-404-b",
    date: "undated",
    secondary: true,
  },
  ftcSafeguards: {
    url: "https://www.ftc.gov/business-guidance/blog/2023/10/",
    date: "2023-10",
    note: "FTC Safeguards Rule notification amendment; the page path is elided in the reference",
  },
  covington: {
    url: "https://cov.com/en/news-and-insights/insights/2023/11/",
    date: "2023-11-15",
    secondary: true,
    note: "the page path is elided in the reference",
  },
  irs1075ms: { url: "https://learn.microsoft.com/ja-jp/azure/compliance/offerings/offering-irs-1075", date: "undated", secondary: true },
  irs1075upguard: { url: "https://www.upguard.com/blog/irs-1075", date: "2022-01-05", secondary: true },
  cjis: { url: "https://www.myctrl.tools/frameworks/cjis/5-10-1-4", date: "undated", note: "copy of the CJIS Security Policy" },
  cjisStates: { url: "https://www.grotabyte.com/blog/data-residency-cjis-state-level-mandates-cloud", date: "2023-11-02", secondary: true },
  itarDechert: {
    url: "https://www.dechert.com/knowledge/onpoint/2020/1/cloud-solutions-allowed-for-encrypted--unclassified-defense-data.html",
    date: "2020-01-08",
    secondary: true,
  },
  itarGateway: { url: "https://www.israelglobalgateway.com/2020/02/foreign-itar-cloud-storage-now-permitted/", date: "2020-02", secondary: true },
  ftcAct: { url: "https://iapp.org/resources/article/federal-trade-commission-act-section-5-of/", date: "undated", secondary: true },
  ftcOrders: { url: "https://cybersecuritylawfundamentals.com/chapter-9-1", date: "undated", secondary: true },
  ftc: { url: "https://www.ftc.gov", date: "undated", note: "the FTC's site" },
} satisfies Record<string, Source>;

const TERRITORIES = ["AS", "GU", "MP", "PR", "UM", "VI"] as const;
const COUNTRIES_OF_CONCERN = ["CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"] as const;

const dsp = "28 CFR Part 202";
const dspCitations = [dsp, "28 CFR 202.201", "28 CFR 202.205", "28 CFR 202.206", "EO 14117"];

/** Bulk thresholds of 28 CFR 202.205, over the DataMap categories that hold such data. */
const bulkThresholds: readonly { what: string; over: number; unit: string; categories: readonly Category[] }[] = [
  { what: "human genomic data", over: 100, unit: "US persons", categories: ["genetic"] },
  { what: "biometric identifiers", over: 1_000, unit: "US persons", categories: ["biometric"] },
  { what: "precise geolocation data", over: 1_000, unit: "US devices", categories: ["precise-location"] },
  { what: "personal health data", over: 10_000, unit: "US persons", categories: ["health", "my-health-record"] },
  { what: "personal financial data", over: 10_000, unit: "US persons", categories: ["financial", "payment", "credit-information"] },
  // A CRM links contact details to account or device identifiers, so its records are read as covered personal identifiers.
  { what: "covered personal identifiers", over: 100_000, unit: "US persons", categories: ["contact", "government-id"] },
];

const concern = new RegionSet(COUNTRIES_OF_CONCERN);
const home = new RegionSet(["US", ...TERRITORIES]);

const primarilyResident = verifyFlag(
  {
    verify: true,
    verifyNote:
      "whether a foreign individual merely primarily resident in a country of concern is a covered person under 28 CFR Part 202 is unconfirmed; the engine treats anyone handling the data in a country of concern as a covered person.",
  },
  [dsp],
) as FlagTemplate;

const countAssumed: FlagTemplate = {
  severity: "low",
  text: "The map gives no scope.subjectsCount, so it is taken to be above the DOJ bulk thresholds (28 CFR 202.205) for the categories it holds.",
  citations: ["28 CFR 202.205"],
};

function bulkHeld(map: MapFacts): string[] {
  const count = map.scope.subjectsCount;
  return bulkThresholds
    .filter((t) => t.categories.some((c) => map.categories.has(c)) && (count === undefined || count > t.over))
    .map((t) => `${t.what} (over ${t.over.toLocaleString("en-US")} ${t.unit})`);
}

/** Why the party counts as a covered person for this flow, if it does. */
function coveredPerson(input: FlowInput): { why: string; assumed: boolean } | undefined {
  const { party, location } = input;
  if (party.country && concern.has(party.country)) {
    return { why: `${party.name} is organised in ${regionInfo(party.country).label}, a country of concern, and so is a covered person`, assumed: false };
  }
  if (concern.has(location.region)) {
    return { why: `${describeUse(location.use, location.region.label)} puts the data in the hands of people in a country of concern`, assumed: true };
  }
  return undefined;
}

function judgeDataSecurityProgram(input: FlowInput): LayerOutcome | undefined {
  const held = bulkHeld(input.map);
  if (held.length === 0) return undefined;
  const { party, map } = input;
  const flags = map.scope.subjectsCount === undefined ? [countAssumed] : [];
  const bulk = `bulk US sensitive personal data (${held.join(", ")})`;
  const covered = coveredPerson(input);

  if (!covered) {
    const seat = party.country ?? input.location.region.code;
    if (!party.ownUse || home.has(seat)) return undefined;
    // Data brokerage with any foreign person is prohibited unless it is contractually barred from onward sale.
    const basis = `${party.name}, a foreign person, uses ${bulk} for its own purposes, which is data brokerage under ${dsp}`;
    return party.safeguards.includes("contract")
      ? outcome("permitted-with-safeguard", `${basis}; its contract must bar onward sale to countries of concern or covered persons`, [dsp], ["check that the contract bars onward sale to countries of concern and covered persons"], flags)
      : outcome("non-compliant", `${basis}, allowed only if a contract bars onward sale to countries of concern or covered persons, and there is none`, [dsp], ["contract barring onward sale to countries of concern and covered persons"], flags);
  }

  if (covered.assumed) flags.push(primarilyResident);
  const genomic = held.some((h) => h.startsWith("human genomic"));
  if (genomic || party.ownUse) {
    const what = genomic ? "a transaction giving them access to bulk human 'omic data, which is prohibited" : "data brokerage with a covered person (it uses the data for its own purposes), which is prohibited";
    return outcome(
      "prohibited",
      `${covered.why}; with ${bulk} this is ${what} by ${dsp} and no safeguard cures it`,
      dspCitations,
      ["stop giving countries of concern and covered persons access to the data"],
      flags,
    );
  }
  const restricted = `${covered.why}; with ${bulk} the vendor agreement is a restricted transaction under ${dsp}, allowed only with the CISA security requirements and a data compliance program, encryption notwithstanding (28 CFR 202.206)`;
  const program = "keep a data compliance program (28 CFR 202.1001)";
  const citations = [...dspCitations, "28 CFR 202.1001", "CISA Security Requirements for restricted transactions"];
  return party.safeguards.includes("cisa-security-requirements")
    ? outcome("permitted-with-safeguard", `${restricted}: the CISA security requirements are in place`, citations, [program], flags)
    : outcome("non-compliant", `${restricted}, and ${party.name} lacks them; regulator: DOJ National Security Division`, citations, ["cisa-security-requirements", program], flags);
}

export const unitedStates: Jurisdiction = {
  code: "US",
  name: "United States",
  blocs: [],
  regulator: {
    name: "Federal Trade Commission (FTC); by sector HHS OCR, DOJ National Security Division, FBI CJIS Division and IRS Office of Safeguards",
    url: "https://www.ftc.gov",
    sources: [src.ftc, src.ftcAct],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "28-cfr-202",
      title: "DOJ Data Security Program, 28 CFR Part 202 (implements EO 14117 of 28 Feb 2024; final rule 90 FR 1706)",
      articles: {
        "202.201": "access: logical or physical, whatever security requirements apply",
        "202.205": "bulk thresholds, aggregated over the preceding 12 months",
        "202.206": "encryption, anonymisation and pseudonymisation do not take data out of scope",
        "202.1001": "a data compliance program by 6 Oct 2025",
        "prohibited transactions": "data brokerage with countries of concern or covered persons, or with foreign persons not barred from onward sale; bulk human 'omic and biospecimen transactions",
        "restricted transactions": "vendor, employment and investment agreements giving access, allowed with the CISA Security Requirements and a data compliance program",
      },
      inForce: "2025-04-08",
      sources: [src.cleary, src.cfr1001, src.chertoff, src.cfr205],
    },
    {
      id: "padfa",
      title: "Protecting Americans' Data from Foreign Adversaries Act of 2024 (PADFA)",
      articles: { "data brokers": "may not make personally identifiable sensitive data available to North Korea, China, Russia or Iran or entities they control" },
      inForce: "2024-06-23",
      sources: [src.padfa, src.justSecurity],
    },
    {
      id: "hipaa",
      title: "HIPAA Privacy, Security and Breach Notification Rules (45 CFR Part 164)",
      articles: {
        "164.308(a)(1)(ii)(A)-(B)": "risk analysis and risk management, offshore risks included",
        "164.404(b)": "notify individuals within 60 calendar days of discovery",
        "164.408": "notify HHS of breaches affecting 500 or more within 60 days",
      },
      sources: [src.ocrCloud, src.hipaaBreach],
    },
    {
      id: "ftc-safeguards-rule",
      title: "GLBA: FTC Safeguards Rule (non-bank financial institutions)",
      articles: { "notification event": "notify the FTC within 30 days of discovery where unencrypted customer information of 500 or more consumers is involved" },
      inForce: "2024-05-13",
      sources: [src.ftcSafeguards, src.covington],
    },
    {
      id: "cjis",
      title: "FBI CJIS Security Policy v5.9.x",
      articles: { "5.10.1.4": "CJI stored only in cloud environments within the US, US territories, Indian Tribes or Canada" },
      sources: [src.cjis],
    },
    {
      id: "irs-pub-1075",
      title: "IRS Publication 1075 (federal tax information)",
      articles: { "Exhibit 16": "cloud computing requirements", "encryption": "FIPS 140 encryption" },
      sources: [src.irs1075ms, src.irs1075upguard],
    },
    {
      id: "itar",
      title: "ITAR, 22 CFR 120.54 (end-to-end encrypted technical data)",
      articles: { "120.54": "sending or storing encrypted unclassified technical data abroad is not an export", "126.1": "countries where it may not be sent or stored, with Russia" },
      inForce: "2020-03-25",
      sources: [src.itarDechert, src.itarGateway],
    },
    {
      id: "ftc-act",
      title: "FTC Act §5 (unfair or deceptive practices)",
      articles: { "5": "privacy and data-security representations and practices" },
      sources: [src.ftcAct, src.ftcOrders],
    },
  ],
  transfer: {
    restricted: false,
    citations: [`${dsp} (countries of concern only)`],
    domestic: { regions: ["US", ...TERRITORIES], label: "the United States and its territories", citations: [dsp] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "US listing",
    whitelist: [],
    mechanisms: [],
  },
  localization: [
    {
      id: "us-cjis",
      summary: "the CJIS Security Policy rule that criminal justice information is stored only in the United States, its territories, Indian Tribes or Canada",
      applies: { categories: ["criminal-justice"] },
      allowedRegions: ["US", ...TERRITORIES, "CA"],
      // §5.10.1.4 governs storage in cloud environments; backups and cloud processing are storage there too.
      bannedUses: ["storage", "backup", "processing"],
      obligation: "store criminal justice information only in the United States, its territories or Canada",
      citations: ["CJIS Security Policy v5.9.x §5.10.1.4"],
      sources: [src.cjis],
    },
    {
      id: "us-irs-1075",
      summary: "the IRS Publication 1075 rule that federal tax information is not handled from outside the United States and its territories",
      applies: { sectors: ["public"], categories: ["financial"] },
      allowedRegions: ["US", ...TERRITORIES],
      bannedUses: ["storage", "backup", "access", "processing"],
      obligation: "keep federal tax information, and access to it, in the United States",
      citations: ["IRS Publication 1075"],
      sources: [src.irs1075ms, src.irs1075upguard],
      verify: true,
      verifyNote:
        "the IRS Publication 1075 offshore prohibition (no access to federal tax information from outside the US, its territories, embassies or military installations) is unconfirmed, its text not retrieved; the engine applies it as a localization rule and assumes a public-sector map with financial data may hold federal tax information.",
      verifySeverity: "high",
    },
  ],
  sectorRules: [
    {
      id: "us-hipaa-baa",
      summary: "HIPAA requires a business associate agreement with every business associate handling PHI, cloud providers storing it offshore included",
      applies: { sectors: ["health"] },
      effect: { kind: "require-safeguards", safeguards: ["baa"], flows: "all", obligation: "baa" },
      citations: ["HHS OCR HIPAA cloud computing guidance (BAA)", "45 CFR Part 164"],
      sources: [src.ocrCloud],
    },
    {
      id: "us-hipaa-offshore-risk",
      summary: "HIPAA risk analysis of offshore ePHI",
      applies: { sectors: ["health"] },
      effect: {
        kind: "flag",
        severity: "low",
        text: "No federal rule bars offshore storage of ePHI under a BAA, but the offshore risks must be addressed in the HIPAA Security Rule risk analysis.",
        when: "offshore",
      },
      citations: ["45 CFR 164.308(a)(1)(ii)(A)-(B)"],
      sources: [src.ocrCloud],
    },
    {
      id: "us-medicaid-offshore",
      summary: "state bans on offshore handling of Medicaid data",
      applies: { sectors: ["health"] },
      effect: {
        kind: "flag",
        severity: "low",
        text: "Some states ban offshore handling of Medicaid data (Arizona, Alaska, Ohio and Wisconsin in a 2017 source): check the buyer's state programmes before data leaves the United States.",
        when: "offshore",
      },
      citations: ["state Medicaid contracting rules (AZ, AK, OH, WI)"],
      sources: [src.medicaid],
      verify: true,
      verifyNote: "the current list of states banning offshore handling of Medicaid data is unconfirmed; it is flagged, not applied as a localization rule.",
      verifySeverity: "low",
    },
    {
      id: "us-glba",
      summary: "GLBA",
      applies: { sectors: ["finance"] },
      effect: {
        kind: "flag",
        severity: "info",
        text:
          "GLBA has no data-location rule. Under the FTC Safeguards Rule a non-bank financial institution notifies the FTC within 30 days of discovering a notification event involving unencrypted customer information of 500 or more consumers (from 13 May 2024).",
        when: "always",
      },
      citations: ["GLBA FTC Safeguards Rule"],
      sources: [src.ftcSafeguards, src.covington],
    },
    {
      id: "us-cjis-states",
      summary: "state CJIS mandates",
      applies: { categories: ["criminal-justice"] },
      effect: {
        kind: "flag",
        severity: "low",
        text: "Some states keep criminal justice information within the state, stricter than the CJIS Security Policy: check the buyer's state.",
        when: "always",
      },
      citations: ["CJIS Security Policy v5.9.x §5.10.1.4"],
      sources: [src.cjisStates],
      verify: true,
      verifyNote: "which states impose in-state rules for criminal justice information is unconfirmed; only the CJIS Security Policy's US-or-Canada rule is applied.",
      verifySeverity: "low",
    },
    {
      id: "us-ftc-representations",
      summary: "FTC Act §5",
      applies: {},
      effect: {
        kind: "flag",
        severity: "info",
        text:
          "No US rule fixes where this data is stored, but the FTC polices privacy representations under FTC Act §5: a vendor that misstates where it keeps the data or its DPF certification risks enforcement, so check its answers against this map.",
        when: "always",
      },
      citations: ["FTC Act §5"],
      sources: [src.ftcAct, src.ftcOrders],
    },
  ],
  breach: [
    {
      to: "data-subjects",
      deadline: "without unreasonable delay and in no case later than 60 calendar days after discovery",
      days: { count: 60, kind: "calendar" },
      trigger: "a breach of unsecured PHI (HIPAA covered entities)",
      citations: ["45 CFR 164.404(b)"],
      sources: [src.hipaaBreach],
    },
    {
      to: "regulator",
      deadline: "to HHS within 60 days of discovery",
      days: { count: 60, kind: "calendar" },
      trigger: "a breach of unsecured PHI affecting 500 or more individuals (HIPAA covered entities)",
      citations: ["45 CFR 164.408"],
      sources: [src.hipaaBreach],
    },
    {
      to: "regulator",
      deadline: "to the FTC as soon as possible, and no later than 30 days after discovery",
      days: { count: 30, kind: "calendar" },
      trigger: "a notification event involving unencrypted customer information of 500 or more consumers (non-bank financial institutions)",
      citations: ["GLBA FTC Safeguards Rule"],
      sources: [src.ftcSafeguards, src.covington],
    },
  ],
  facts: [
    {
      id: "us-dsp-dates",
      text: "28 CFR Part 202 has applied since 8 Apr 2025; its due-diligence, audit and reporting duties (subpart J) since 6 Oct 2025.",
      citations: [dsp, "28 CFR 202.1001"],
      sources: [src.cleary, src.cfr1001],
    },
    {
      id: "us-dsp-government-data",
      text: "Government-related data is covered by 28 CFR Part 202 whatever its volume; the DataMap cannot show it, so it is not judged.",
      citations: [dsp],
      sources: [src.chertoff],
    },
    {
      id: "us-padfa",
      text: "PADFA bars data brokers, not service providers, from making sensitive data available to North Korea, China, Russia or Iran: a CRM vendor acting as a service provider is outside it.",
      citations: ["PADFA 2024"],
      sources: [src.padfa, src.justSecurity, src.padfaLetters],
    },
    {
      id: "us-itar",
      text: "ITAR technical data may be stored abroad only end-to-end encrypted, and never in a 22 CFR 126.1 country or Russia; CRM customer data is not technical data.",
      citations: ["22 CFR 120.54", "22 CFR 126.1"],
      sources: [src.itarDechert, src.itarGateway],
    },
    {
      id: "us-fedramp",
      text: "No FedRAMP data-location requirement is encoded; agency contracts and DoD impact levels often require US-only hosting.",
      citations: ["FedRAMP"],
      // Reference §5.2 names no source for FedRAMP; the IRS Pub 1075 page does not support it.
      sources: [],
      verify: true,
      verifyNote:
        "whether FedRAMP sets any legal data-location requirement is unconfirmed, and the reference gives no source for this fact; none is encoded.",
      verifySeverity: "info",
    },
    {
      id: "us-ftc-dpf-cases",
      text: "FTC risk arises when a vendor misrepresents where data is stored or its DPF certification.",
      citations: ["FTC Act §5"],
      sources: [src.ftcOrders],
      verify: true,
      verifyNote: "specific FTC cases on DPF misrepresentation are unconfirmed.",
      verifySeverity: "info",
    },
  ],
  sources: [src.cleary, src.chertoff, src.cfr205, src.ocrCloud, src.cjis, src.ftcAct],
  special: {
    judgeFlow(input, declarative) {
      const judged = declarative();
      const dspOutcome = judgeDataSecurityProgram(input);
      return dspOutcome ? combine(judged, dspOutcome) : judged;
    },
  },
};
