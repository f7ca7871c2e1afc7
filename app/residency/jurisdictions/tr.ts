import type { Fact, Jurisdiction, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// Türkiye: Law No. 6698 on the Protection of Personal Data (KVKK), Art. 9 as
// rewritten by Law No. 7499 (in force 1 Jun 2024), and the By-Law on transfers
// abroad of 10 Jul 2024 (reference §16, reviewed 22 Nov 2026).

const src = {
  byLaw14: {
    url: "https://prighter.com/resources/laws/turkish-kvkk/by-laws/the-procedures-and-principles-for-the-transfer-of-personal-data-abroad/articles/article-14",
    date: "undated",
  },
  zorer: { url: "https://zorer.av.tr/en/gorusler/kvkk-7499-degisikligi-yurt-disi-veri-aktarimi", date: "undated", secondary: true },
  datenrecht: { url: "https://datenrecht.ch/en/tuerkei-anpassung-an-die-dsgvo-meldepflicht-fuer-tk-scc/", date: "2024", secondary: true },
  mondaq: {
    url: "https://www.mondaq.com/turkey/data-protection/1546710/",
    date: "2024-11-19",
    secondary: true,
    note: "the page path is elided in the reference",
  },
  breach: { url: "https://www.lexology.com/library/detail.aspx?g=653d22cb-44c1-4c86-8a55-80443d4073f7", date: "2019", secondary: true },
} satisfies Record<string, Source>;

const ART9 = "KVKK Art. 9 (as amended by Law No. 7499)";
const BYLAW = "By-Law on the Transfer of Personal Data Abroad (OG 10 Jul 2024)";

const accessIsTransfer: Fact & { verify: true } = {
  id: "tr-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in Türkiye is a transfer under KVKK Art. 9.",
  citations: [ART9],
  sources: [src.zorer],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside Türkiye counts as a transfer under KVKK Art. 9 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const noAdequacy: Fact & { verify: true } = {
  id: "tr-adequacy",
  text: "No Board adequacy decision had been published as of the 2024 sources.",
  citations: [`${ART9}: adequacy decisions of the Board`],
  sources: [src.zorer, src.mondaq],
  verify: true,
  verifyNote: "whether the KVKK Board has made any adequacy decision since 2024 is unconfirmed; the engine relies on none.",
};

export const turkiye: Jurisdiction = {
  code: "TR",
  name: "Türkiye",
  blocs: [],
  regulator: {
    name: "Personal Data Protection Authority (KVKK) and its Board",
    // The reference names no site of the Authority; this is its own.
    url: "https://www.kvkk.gov.tr",
    sources: [src.zorer, src.byLaw14],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "kvkk",
      title: "Law No. 6698 on the Protection of Personal Data (KVKK)",
      articles: {
        "9":
          "transfers abroad (rewritten by Law No. 7499, OG 12 Mar 2024): Board adequacy decision; appropriate safeguards; incidental derogations; " +
          "explicit consent as a routine basis phased out after 1 Sep 2024",
        "12(5)": "notification of a breach to the Board and the data subjects",
      },
      inForce: "2024-06-01",
      sources: [src.zorer, src.mondaq],
    },
    {
      id: "tr-transfer-by-law",
      title: "By-Law on Procedures and Principles for the Transfer of Personal Data Abroad (OG 10 Jul 2024)",
      articles: {
        "14(5)": "a signed standard contract is notified to the Authority within 5 business days; failing to notify is fined",
        "standard contracts": "four modules issued by the Board, used without modification",
      },
      sources: [src.byLaw14, src.datenrecht],
    },
  ],
  transfer: {
    restricted: true,
    citations: [ART9],
    domestic: { regions: ["TR"], label: "Türkiye", citations: [ART9] },
    importerEstablishment: { rule: "ignored", citations: [`${ART9} (transfers abroad)`] },
    whitelistName: "KVKK Board adequacy decision",
    whitelist: [],
    mechanisms: [
      {
        id: "tr-standard-contract",
        label: "the Board's standard contract, unmodified and notified to the Authority within 5 business days",
        safeguards: ["tr-scc-notified"],
        citations: [`${ART9}: appropriate safeguards`, `${BYLAW} Art. 14(5)`],
        sources: [src.byLaw14, src.datenrecht, src.mondaq],
      },
      {
        id: "tr-bcr",
        label: "binding corporate rules approved by the Board",
        safeguards: ["bcr"],
        citations: [`${ART9}: appropriate safeguards`],
        sources: [src.zorer],
      },
    ],
    insufficient: [
      {
        safeguards: ["eu-scc"],
        reason: "the EU SCCs are not usable for exports from Türkiye; only the Board's standard contract is",
        citations: [ART9, BYLAW],
      },
      {
        safeguards: ["contract"],
        reason:
          "a contract counts only if it is the Board's standard contract, unmodified and notified within 5 business days (tr-scc-notified); an unnotified one is fined",
        citations: [`${BYLAW} Art. 14(5)`],
      },
      {
        safeguards: ["consent"],
        reason: "explicit consent stopped being a routine basis for transfers after 1 Sep 2024; the derogations cover only incidental, non-recurring transfers",
        citations: [`${ART9}: incidental derogations`],
      },
    ],
    onwardCitations: [`${ART9} (onward transfers)`],
  },
  localization: [],
  sectorRules: [
    {
      id: "tr-banking-payments",
      summary: "Turkish banking and payments rules that may keep data in Türkiye",
      applies: [{ sectors: ["finance"] }, { categories: ["payment"] }],
      effect: {
        kind: "flag",
        severity: "high",
        text:
          "Turkish banking or payments rules may require this data to stay in Türkiye; KVKK has no general localization rule and these sector rules are not in the catalogue, " +
          "so a lawyer must review the offshore flows.",
        when: "offshore",
      },
      citations: [ART9],
      sources: [src.zorer],
      verify: true,
      verifyNote: "whether Turkish sectoral rules (banking, payments) require data to stay in Türkiye is unconfirmed; the engine does not score them as localization.",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "within 72 hours of becoming aware (the Board's reading of \"shortest time\")",
      hours: 72,
      trigger: "a personal data breach",
      citations: ["KVKK Art. 12(5)", "Board Decision 2019/10 (24 Jan 2019)"],
      sources: [src.breach],
    },
    {
      to: "data-subjects",
      deadline: "as soon as possible",
      trigger: "a personal data breach affecting them",
      citations: ["KVKK Art. 12(5)", "Board Decision 2019/10 (24 Jan 2019)"],
      sources: [src.breach],
    },
  ],
  facts: [
    accessIsTransfer,
    noAdequacy,
    {
      id: "tr-undertakings",
      text: "Board-approved written undertakings are also an appropriate safeguard; the DataMap has no code for them, so a recipient relying on one shows as lacking a safeguard.",
      citations: [`${ART9}: appropriate safeguards`],
      sources: [src.zorer],
    },
  ],
  sources: [src.zorer, src.byLaw14, src.datenrecht, src.mondaq],
  special: { judgeFlow: withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: noAdequacy }) },
};
