import { EEA_EFTA, EU27 } from "../regions";
import type { Fact, Jurisdiction, Source, WhitelistEntry } from "../types";
import { flagOf, withStricterReadings } from "./stricter-readings";

// Dubai International Financial Centre: DIFC Data Protection Law No. 5 of 2020,
// in force 1 Jul 2020 (reference §15, reviewed 22 Nov 2026). Layered on AE,
// whose PDPL excludes the free zones (ae.ts), so DIFC law decides these flows.

const src = {
  difcExport: {
    url: "https://www.difc.ae/business/operating/data-protection/data-export-and-sharing/",
    date: "undated",
    note: "an older version (c. 2020-21, with a COVID-19 banner) lists the EU-27 and the United Kingdom as adequate",
  },
  opsf: { url: "https://pctspec.opsf.org/v0.2-draft.3/extensions/x-difc-dp", date: "2026-03-20", secondary: true },
  amendments: {
    url: "https://answers.securityscientist.net/q/25170/",
    date: "undated",
    secondary: true,
    note: "the page path is elided in the reference",
  },
  clyde: {
    url: "https://www.clydeco.com/zh/insights/2026/april/a-new-era-for-regional-data-flow-mutual-adequacy-r",
    date: "2026-04-07",
    secondary: true,
  },
} satisfies Record<string, Source>;

const DPL = "DIFC DPL 2020";
const adequacy = [`${DPL} Art. 26`];
const mutual = "DIFC/ADGM/QFC mutual adequacy recognition (Jan 2026)";

const EU_ADEQUATE_ELSEWHERE = ["AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "UY", "BR"];

const whitelist: readonly WhitelistEntry[] = [
  {
    destinations: [...EU27, "GB"],
    label: "the DIFC Commissioner's list of adequate jurisdictions",
    scope: "full",
    decision: "DIFC list of adequate data protection regimes (EU member states and the United Kingdom, c. 2020-21)",
    citations: adequacy,
    sources: [src.difcExport, src.opsf],
    verify: true,
    verifySeverity: "low",
    verifyNote:
      "the DIFC adequacy list is confirmed only from a page of about 2020-21 (EU-27 and the UK; \"EU and UK adequacy recognised\" in a 2026 note); the engine assumes those entries are still listed.",
  },
  {
    destinations: ["AE-ADGM"],
    label: "the DIFC recognition of the ADGM as adequate",
    scope: "full",
    decision: "mutual adequacy recognition of the DIFC, the ADGM and the QFC",
    date: "2026-01",
    citations: [...adequacy, mutual],
    sources: [src.clyde],
  },
  {
    destinations: ["QA-QFC"],
    label: "a DIFC recognition of the Qatar Financial Centre",
    scope: "full",
    decision: "mutual adequacy recognition of January 2026 (the QFC recognises the DIFC; the reverse is implied)",
    date: "2026-01",
    citations: [...adequacy, mutual],
    sources: [src.clyde],
    scoredAsNotAdequate: true,
    verify: true,
    verifyNote:
      "whether the DIFC formally recognises the Qatar Financial Centre (QA-QFC) in return is unconfirmed (the reference's appendix lists it, its text calls the reverse recognition implied); DataMaps cannot name QA-QFC (it has no ISO 3166-2 code), and Qatar as a whole (QA) is not covered.",
  },
  {
    destinations: [...EEA_EFTA, ...EU_ADEQUATE_ELSEWHERE, "US"],
    label: "a DIFC adequacy listing following the European Commission's",
    scope: "full",
    decision: "DIFC list of adequate data protection regimes (entries after the EU-27 and the UK)",
    citations: adequacy,
    sources: [src.difcExport],
    scoredAsNotAdequate: true,
    verify: true,
    verifyNote:
      "whether the DIFC lists the EEA-EFTA states, the other countries the EU finds adequate or the United States is unconfirmed (the older page says the Commissioner applies the European Commission's standards); transfers there are scored as needing an Art. 27 safeguard.",
  },
];

const accessIsTransfer: Fact & { verify: true } = {
  id: "ae-difc-remote-access",
  text: "The reference does not say whether remote access from outside the DIFC is a transfer under DIFC DPL Arts 26-27.",
  citations: adequacy,
  sources: [src.difcExport],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside the DIFC counts as a transfer under DIFC DPL Arts 26-27 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const currentList: Fact & { verify: true } = {
  id: "ae-difc-current-list",
  text: "The current (2026) DIFC list of adequate jurisdictions could not be read; only the c. 2020-21 entries and the 2026 free-zone recognitions are confirmed.",
  citations: adequacy,
  sources: [src.difcExport, src.opsf],
  verify: true,
  verifyNote:
    "the DIFC Commissioner's current adequacy list is unconfirmed; the engine relies only on the EU-27, the UK and the ADGM, and scores other destinations as needing an Art. 27 safeguard.",
};

const assessmentAmendment: Fact & { verify: true } = {
  id: "ae-difc-2025-amendments",
  text: "2025 amendments reportedly require documented adequacy assessments for transfers.",
  citations: [`${DPL} Art. 26`, `${DPL} Art. 27`],
  sources: [src.amendments],
  verify: true,
  verifyNote:
    "whether the 2025 amendments to the DIFC DPL require a documented transfer assessment is unconfirmed; the engine does not require one (tia) and flags flows that rely on an Art. 27 safeguard without it.",
};

const amendmentFlag = flagOf(assessmentAmendment);

const readings = withStricterReadings(
  { accessIsTransfer, whitelistUnconfirmed: currentList, flaggedElsewhere: [...EEA_EFTA, ...EU_ADEQUATE_ELSEWHERE, "US"] },
  (input, declarative) => {
    const judged = declarative();
    if (judged.verdict !== "permitted-with-safeguard" || input.party.safeguards.includes("tia")) return judged;
    return { ...judged, flags: [...judged.flags, amendmentFlag] };
  },
);

export const dubaiInternationalFinancialCentre: Jurisdiction = {
  code: "AE-DIFC",
  name: "Dubai International Financial Centre",
  parent: "AE",
  blocs: [],
  regulator: {
    name: "DIFC Commissioner of Data Protection",
    url: "https://www.difc.ae/business/operating/data-protection/",
    sources: [src.difcExport],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "difc-dpl",
      title: "DIFC Data Protection Law, DIFC Law No. 5 of 2020",
      articles: {
        "26": "transfers to jurisdictions the Commissioner deems adequate",
        "27": "transfers with appropriate safeguards (standard clauses, binding corporate rules) or derogations",
        "27(2)(c)": "DIFC standard contractual clauses",
        "28": "sharing with public authorities",
      },
      inForce: "2020-07-01",
      sources: [src.difcExport],
    },
    {
      id: "difc-regulations",
      title: "DIFC Data Protection Regulations",
      articles: { "5": "standard contractual clauses" },
      sources: [src.difcExport],
    },
  ],
  transfer: {
    restricted: true,
    citations: adequacy,
    domestic: { regions: ["AE-DIFC"], label: "the DIFC", citations: adequacy },
    importerEstablishment: { rule: "ignored", citations: [`${DPL} Art. 26 (transfers out of the DIFC)`] },
    whitelistName: "DIFC adequacy listing",
    whitelist,
    mechanisms: [
      {
        id: "difc-scc",
        label: "the DIFC standard contractual clauses (recorded as a contract)",
        safeguards: ["contract"],
        citations: [`${DPL} Art. 27(2)(c)`, "DIFC DP Regulations reg. 5"],
        sources: [src.difcExport],
        verify: true,
        verifySeverity: "low",
        verifyNote:
          "whether the contract recorded for the recipient is the DIFC standard contractual clauses cannot be told from the DataMap, which has no code for them; the engine assumes it is.",
      },
      {
        id: "difc-bcr",
        label: "binding corporate rules under DIFC DPL Art. 27",
        safeguards: ["bcr"],
        citations: [`${DPL} Art. 27`],
        sources: [src.difcExport],
      },
    ],
    onwardCitations: [`${DPL} Art. 27 (onward transfers)`],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "as soon as practicable",
      trigger: "a personal data breach",
      citations: [`${DPL} (breach notification)`],
      sources: [src.difcExport],
      verify: true,
      verifyNote: "the DIFC breach-notification deadline (\"as soon as practicable\") and its article are unconfirmed.",
      verifySeverity: "low",
    },
  ],
  facts: [accessIsTransfer, currentList, assessmentAmendment],
  sources: [src.difcExport, src.opsf, src.clyde],
  special: { judgeFlow: readings },
};
