import type { Fact, Jurisdiction, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// South Africa: Protection of Personal Information Act 4 of 2013 (POPIA), s.72
// on transborder flows and s.22 on security compromises (reference §17,
// reviewed 22 Nov 2026).

const src = {
  popia: { url: "https://ictpolicyafrica.org/en/document/0jlewanhffsm?page=40", date: "2013-11-26", note: "POPIA as gazetted" },
  michalsons: {
    url: "https://www.michalsons.com/focus-areas/privacy-and-data-protection/transfers-of-personal-information-outside-south-africa",
    date: "undated",
    secondary: true,
  },
  scn1: {
    url: "https://altadvisory.africa/2022/08/15/",
    date: "2022-08",
    secondary: true,
    note: "on the Regulator's breach guidelines of 12 Aug 2022 (form SCN1); the page path is elided in the reference",
  },
  eservices: { url: "https://mjkinc.co.za/popia/data-breaches", date: "undated", secondary: true },
} satisfies Record<string, Source>;

const S72 = "POPIA s.72(1)";

const accessIsTransfer: Fact & { verify: true } = {
  id: "za-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in South Africa is a transfer under POPIA s.72.",
  citations: [S72],
  sources: [src.michalsons],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside South Africa counts as a transfer under POPIA s.72 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const noWhitelist: Fact & { verify: true } = {
  id: "za-whitelist",
  text: "The Information Regulator has published no list of countries with adequate protection.",
  citations: [`${S72}(a)`],
  sources: [src.michalsons],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether the Information Regulator has issued a list of countries whose law gives adequate protection is unconfirmed; the engine relies on none, so each transfer needs a binding agreement, BCRs or consent.",
};

export const southAfrica: Jurisdiction = {
  code: "ZA",
  name: "South Africa",
  blocs: [],
  regulator: {
    name: "Information Regulator",
    // The reference names no site of the Regulator; this is its own.
    url: "https://inforegulator.org.za",
    sources: [src.michalsons, src.eservices],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "popia",
      title: "Protection of Personal Information Act 4 of 2013 (POPIA)",
      articles: {
        "22": "notification of security compromises to the Regulator and the data subjects",
        "72(1)(a)": "recipient bound by a law, binding corporate rules or a binding agreement giving adequate protection, including on onward transfers",
        "72(1)(b)": "the data subject consents",
        "72(1)(c)-(d)": "the transfer is necessary for a contract with, or in the interest of, the data subject",
        "72(1)(e)": "the transfer benefits the data subject and consent is impracticable",
      },
      sources: [src.popia, src.michalsons],
    },
  ],
  transfer: {
    restricted: true,
    citations: [S72],
    domestic: { regions: ["ZA"], label: "South Africa", citations: [S72] },
    importerEstablishment: { rule: "ignored", citations: [`${S72} (transfer to a third party in a foreign country)`] },
    whitelistName: "list of countries with adequate protection",
    whitelist: [],
    mechanisms: [
      {
        id: "za-agreement",
        label: "a binding agreement giving adequate protection, including onward-transfer provisions",
        safeguards: ["contract"],
        citations: [`${S72}(a)`],
        sources: [src.popia, src.michalsons],
      },
      {
        id: "za-bcr",
        label: "binding corporate rules giving adequate protection",
        safeguards: ["bcr"],
        citations: [`${S72}(a)`],
        sources: [src.popia, src.michalsons],
      },
      {
        id: "za-consent",
        label: "the data subjects' consent to the transfer",
        safeguards: ["consent"],
        citations: [`${S72}(b)`],
        sources: [src.popia, src.michalsons],
      },
    ],
    onwardCitations: [`${S72}(a) (onward-transfer provisions)`],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "as soon as reasonably possible after the discovery, on form SCN1 through the eServices portal (mandatory from 1 Apr 2025)",
      trigger: "a security compromise; the Regulator sets no materiality threshold",
      citations: ["POPIA s.22"],
      sources: [src.scn1, src.eservices],
    },
    {
      to: "data-subjects",
      deadline: "as soon as reasonably possible after the discovery",
      trigger: "a security compromise affecting their personal information",
      citations: ["POPIA s.22"],
      sources: [src.scn1],
    },
  ],
  facts: [
    accessIsTransfer,
    noWhitelist,
    {
      id: "za-necessity",
      text:
        "The contract-necessity and benefit grounds (s.72(1)(c)-(e)) are not encoded: the DataMap records safeguards, not the grounds for a single transfer.",
      citations: ["POPIA s.72(1)(c)-(e)"],
      sources: [src.popia],
    },
  ],
  sources: [src.popia, src.michalsons, src.scn1, src.eservices],
  special: { judgeFlow: withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: noWhitelist }) },
};
