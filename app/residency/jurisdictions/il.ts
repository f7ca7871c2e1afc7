import type { Fact, Jurisdiction, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// Israel: Protection of Privacy Law 5741-1981 as amended by Amendment No. 13
// (in force 14 Aug 2025), the Protection of Privacy (Transfer of Data to
// Databases Abroad) Regulations 5761-2001 and the PPA's opinion on Reg. 2(4)
// of 13 Apr 2026 (reference §18, reviewed 22 Nov 2026).

const src = {
  iclg: { url: "https://iclg.com/practice-areas/data-protection-laws-and-regulations/israel/amp", date: "2025-07-21", secondary: true },
  pearlCohen: { url: "https://www.pearlcohen.com/?p=18188", date: "2026-04-27", secondary: true, note: "on the PPA's final opinion on Reg. 2(4) of 13 Apr 2026" },
  poi: {
    url: "https://peopleofinternet.com/articles/israel-s-regulator-just-pulled-every-foreign-cloud-vendor-in.html",
    date: "2026",
    secondary: true,
  },
  afik: { url: "https://www.afiklaw.com/articles/a465", date: "undated", secondary: true },
  breach: { url: "https://www.theworldlawgroup.com/news/israel-data-breach-guide", date: "undated", secondary: true },
} satisfies Record<string, Source>;

const REGS = "Transfer Regulations 5761-2001";
const UNDERTAKING = `${REGS} Reg. 2(4)`;
const PPA_OPINION = "PPA opinion on Reg. 2(4) (13 Apr 2026)";

const accessIsTransfer: Fact & { verify: true } = {
  id: "il-remote-access",
  text: "The reference does not say whether remote access from abroad to a database in Israel is a transfer under the Transfer Regulations.",
  citations: [`${REGS} Reg. 1`],
  sources: [src.afik],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside Israel counts as a transfer under the Transfer Regulations 5761-2001 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const adequateCountries: Fact & { verify: true } = {
  id: "il-reg1-countries",
  text: "Which countries' law Israel treats as ensuring protection no lower than its own (Reg. 1), in particular countries applying EU law, could not be confirmed.",
  citations: [`${REGS} Reg. 1`],
  sources: [src.afik, src.pearlCohen],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "which countries (in particular those applying EU law) Israel treats as adequate under Reg. 1 of the Transfer Regulations is unconfirmed; the engine relies on none, so each transfer needs a Reg. 2 basis.",
};

const reg2Text = {
  verify: true,
  verifySeverity: "low",
  verifyNote: "the full text of the conditions in Reg. 2 of the Transfer Regulations is unconfirmed; the engine relies on the PPA opinion and commentary.",
} as const;

export const israel: Jurisdiction = {
  code: "IL",
  name: "Israel",
  blocs: [],
  regulator: {
    name: "Privacy Protection Authority (PPA)",
    // The reference names no site of the PPA; this is its page on gov.il.
    url: "https://www.gov.il/en/departments/the_privacy_protection_authority",
    sources: [src.pearlCohen, src.breach],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "il-ppl",
      title: "Protection of Privacy Law 5741-1981, as amended by Amendment No. 13",
      articles: { "Amendment No. 13": "approved Aug 2024, in force 14 Aug 2025" },
      inForce: "2025-08-14",
      sources: [src.iclg],
    },
    {
      id: "il-transfer-regulations",
      title: "Protection of Privacy (Transfer of Data to Databases Abroad) Regulations 5761-2001",
      articles: {
        "1": "transfer to a country whose law ensures protection no lower than Israel's",
        "2": "alternatives, including the data subject's consent",
        "2(4)":
          "the recipient's undertaking to comply with the Israeli conditions for databases with the necessary modifications; per the PPA (13 Apr 2026) with obligations " +
          "identical or materially similar to the PPL and security under the Data Security Regulations or ISO/IEC 27001 plus PPA Guideline 3/2018",
      },
      sources: [src.pearlCohen, src.poi, src.afik],
    },
    {
      id: "il-data-security",
      title: "Protection of Privacy (Data Security) Regulations 5777-2017",
      articles: { "severe security incident": "the database owner notifies the PPA immediately" },
      sources: [src.breach],
    },
  ],
  transfer: {
    restricted: true,
    citations: [`${REGS} Reg. 1`],
    domestic: { regions: ["IL"], label: "Israel", citations: [`${REGS} Reg. 1`] },
    importerEstablishment: { rule: "ignored", citations: [`${REGS} (transfers to databases abroad)`] },
    whitelistName: "country recognised as adequate under Reg. 1",
    whitelist: [],
    mechanisms: [
      {
        id: "il-undertaking",
        label:
          "the recipient's Reg. 2(4) undertaking (obligations identical or materially similar to the PPL, and security under the Data Security Regulations or ISO/IEC 27001 with PPA Guideline 3/2018)",
        safeguards: ["il-undertaking"],
        citations: [UNDERTAKING, PPA_OPINION],
        sources: [src.pearlCohen, src.poi],
        ...reg2Text,
      },
      {
        id: "il-consent",
        label: "the data subjects' consent under Reg. 2",
        safeguards: ["consent"],
        citations: [`${REGS} Reg. 2`],
        sources: [src.pearlCohen, src.afik],
        ...reg2Text,
      },
    ],
    insufficient: [
      {
        safeguards: ["contract"],
        reason:
          "a contract counts only as the recipient's Reg. 2(4) undertaking with the content the PPA required on 13 Apr 2026 (il-undertaking)",
        citations: [UNDERTAKING, PPA_OPINION],
      },
    ],
    onwardCitations: [`${UNDERTAKING} (onward transfers)`],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "immediately",
      trigger:
        "a severe security incident (high-security databases: any unauthorised use; medium-security databases: a material part); the Registrar may order notice to data subjects",
      citations: ["Data Security Regulations 5777-2017 (severe security incident)"],
      sources: [src.breach],
      verify: true,
      verifySeverity: "low",
      verifyNote: "changes to breach notification under Amendment No. 13 are unconfirmed; the engine records the 2017 Data Security Regulations duty.",
    },
  ],
  facts: [accessIsTransfer, adequateCountries],
  sources: [src.iclg, src.pearlCohen, src.afik, src.breach],
  special: { judgeFlow: withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: adequateCountries }) },
};
