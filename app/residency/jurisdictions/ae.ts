import { freeZoneRegions } from "~/datamap/schema";
import { outcome } from "../judge";
import { RegionSet } from "../regions";
import type { Fact, FlagTemplate, Jurisdiction, MapFacts, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// United Arab Emirates, federal: Federal Decree-Law No. 45 of 2021 (PDPL), in
// force 2 Jan 2022 (reference §15, reviewed 22 Nov 2026). The financial free
// zones have their own law (ae-difc.ts, ae-adgm.ts) and are outside the PDPL.

const src = {
  tradeGov: {
    url: "https://trade.gov/market-intelligence/united-arab-emirates-allows-cross-border-data-flows-personal-data",
    date: "undated",
  },
  misconsultants: {
    url: "https://misconsultants.ae/article/cross-border-data-transfers-after-the-uae-data-protection-law-2026",
    date: "2026-05-11",
    secondary: true,
  },
  jservo: { url: "https://jservo.com/?p=230141", date: "undated", secondary: true, note: "mentions \"PDPL Executive Regulations 2026\" developments" },
  abspartners: { url: "https://abspartners.ae/uae-personal-data-protection-law-2", date: "2025", secondary: true },
  dhcc: {
    url: "https://www.globallegalpost.com/lawoverborders/data-protection-1072382791/united-arab-emirates-1827256483",
    date: "undated",
    secondary: true,
  },
} satisfies Record<string, Source>;

const PDPL = "FDL 45/2021 (PDPL)";
const exclusion = `${PDPL} scope: excludes the financial free zones and data covered by other legislation`;

const executiveRegulations: Fact & { verify: true } = {
  id: "ae-executive-regulations",
  text:
    "Compliance with the PDPL falls due six months after its Executive Regulations are issued; the Regulations, which are to detail transfers, " +
    "breach forms and timelines, were long delayed, and commentary of May 2026 reports no official adequacy list.",
  citations: [`${PDPL} Art. 22`, `${PDPL} Art. 23`],
  sources: [src.misconsultants, src.jservo, src.abspartners],
  verify: true,
  verifyNote:
    "whether the PDPL Executive Regulations were issued, with an adequacy list and a compliance deadline, is unconfirmed; the engine judges transfers by the Decree-Law's text as if compliance were due and relies on no adequacy listing.",
};

const accessIsTransfer: Fact & { verify: true } = {
  id: "ae-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in the UAE is a transfer under the PDPL.",
  citations: [`${PDPL} Art. 22`],
  sources: [src.tradeGov],
  verify: true,
  verifyNote:
    "whether remote access from outside the UAE counts as a transfer under PDPL Arts 22-23 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
  verifySeverity: "low",
};

const facts: readonly Fact[] = [
  executiveRegulations,
  accessIsTransfer,
  {
    id: "ae-exclusions",
    text:
      "The PDPL excludes government data, health data and banking and credit data already covered by other legislation, and the financial free zones (DIFC, ADGM) with their own data protection law.",
    citations: [exclusion],
    sources: [src.tradeGov],
  },
  {
    id: "ae-dhcc",
    text: "The Dubai Healthcare City (DHCC) free zone has its own data protection regulations for health data; they are not analysed or encoded.",
    citations: ["DHCC data protection regulations"],
    sources: [src.dhcc],
  },
];

const freeZones = new RegionSet(Object.keys(freeZoneRegions));

const governmentData: FlagTemplate = {
  severity: "medium",
  text: "The federal PDPL excludes government data; the rules for public-sector data in the UAE are not in the catalogue, so a lawyer must review this map.",
  citations: [exclusion],
};
const bankingData: FlagTemplate = {
  severity: "medium",
  text: "The federal PDPL excludes banking and credit data covered by other legislation; those UAE rules are not in the catalogue, so a lawyer must review this map.",
  citations: [exclusion],
};

/** The exclusions only matter for subjects under the federal PDPL, not for the free zones. */
function exclusionFlags(map: MapFacts): FlagTemplate[] {
  const federal = map.scope.subjects.some((s) => s.slice(0, 2) === "AE" && !freeZones.has(s));
  if (!federal) return [];
  const flags: FlagTemplate[] = [];
  if (map.scope.sector === "public") flags.push(governmentData);
  if (map.scope.sector === "finance" || map.categories.has("credit-information")) flags.push(bankingData);
  return flags;
}

const federalJudgement = withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: executiveRegulations });

export const unitedArabEmirates: Jurisdiction = {
  code: "AE",
  name: "United Arab Emirates",
  blocs: [],
  regulator: {
    name: "UAE Data Office",
    // The reference names no site of the Data Office; this is the federal government portal.
    url: "https://u.ae/en",
    sources: [src.tradeGov, src.misconsultants],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "ae-pdpl",
      title: "Federal Decree-Law No. 45 of 2021 on the Protection of Personal Data (PDPL)",
      articles: {
        "9": "notification of a breach to the UAE Data Office",
        "22": "transfer to a country with an adequate level of protection",
        "23": "transfer where there is no adequate protection (contract, consent, agreement)",
      },
      inForce: "2022-01-02",
      sources: [src.tradeGov, src.misconsultants, src.abspartners],
    },
    {
      id: "ae-data-office",
      title: "Federal Decree-Law No. 44 of 2021 establishing the UAE Data Office",
      articles: {},
      sources: [src.misconsultants],
    },
  ],
  transfer: {
    restricted: true,
    citations: [`${PDPL} Art. 22`],
    domestic: { regions: ["AE"], label: "the United Arab Emirates", citations: [`${PDPL} Art. 22`] },
    importerEstablishment: { rule: "ignored", citations: [`${PDPL} Arts 22-23 (transfers outside the State)`] },
    whitelistName: "UAE Data Office adequacy listing",
    whitelist: [],
    mechanisms: [
      {
        id: "ae-contract",
        label: "a contract with the recipient under PDPL Art. 23",
        safeguards: ["contract"],
        citations: [`${PDPL} Art. 23`],
        sources: [src.tradeGov, src.misconsultants],
      },
      {
        id: "ae-consent",
        label: "the data subjects' consent under PDPL Art. 23",
        safeguards: ["consent"],
        citations: [`${PDPL} Art. 23`],
        sources: [src.tradeGov, src.misconsultants],
      },
    ],
  },
  localization: [],
  sectorRules: [
    {
      // Unconfirmed law and not among the reference's localization rules (X7): a flag for
      // counsel, never a "prohibited" verdict that rests on a text nobody has read.
      id: "ae-health-data",
      summary: "the UAE health-data localization rule (Federal Law No. 2 of 2019 on ICT in health fields)",
      applies: { categories: ["health", "my-health-record"] },
      effect: {
        kind: "flag",
        severity: "high",
        text:
          "Federal Law No. 2 of 2019 (ICT in health fields) may require health data to stay in the UAE: health data leaves the UAE in this map, " +
          "so counsel must confirm the rule and its exceptions before go-live; the verdicts do not score it as a localization breach.",
        when: "offshore",
      },
      citations: ["Federal Law No. 2 of 2019 (ICT in health fields)"],
      sources: [src.tradeGov],
      verify: true,
      verifySeverity: "high",
      verifyNote:
        "whether Federal Law No. 2 of 2019 (ICT in health fields) requires health data to stay in the UAE, with which exceptions, and whether it reaches the financial free zones is unconfirmed (text not viewed); the engine flags health data leaving the UAE for review and does not score it as a localization breach.",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "immediately on becoming aware of a breach that could harm privacy or data security",
      trigger: "a breach that could harm the privacy or security of personal data",
      citations: [`${PDPL} Art. 9(1)`],
      sources: [src.abspartners],
      verify: true,
      verifyNote:
        "a numeric deadline for notifying the UAE Data Office is unconfirmed: timelines and forms are left to the Executive Regulations; the engine records \"immediately\".",
      verifySeverity: "low",
    },
  ],
  facts,
  sources: [src.tradeGov, src.misconsultants, src.abspartners],
  special: {
    judgeFlow(input, declarative) {
      if (!freeZones.has(input.subject)) return federalJudgement(input, declarative);
      // The (unconfirmed) federal health rule still reaches the free zones, as a map flag.
      return outcome(
        "permitted",
        `The federal PDPL does not govern this flow: it excludes the financial free zones, so data subjects given as ${input.subject.label} are judged under the zone's own law`,
        [exclusion],
      );
    },
    mapFlags: exclusionFlags,
  },
};
