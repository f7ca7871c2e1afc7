import { EEA_EFTA, EU27 } from "../regions";
import type { Fact, Jurisdiction, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// Brazil: LGPD Arts 33-36 and ANPD Resolution CD/ANPD 19/2024 (reference §9,
// reviewed 23 Nov 2026). ANPD has recognised only the European Union (Res.
// 32/2026, mutual with the EU's decision); the ANPD SCCs must be used in full
// and without changes, and existing contracts had until 23 Aug 2025.

const src = {
  klalaw: { url: "https://klalaw.com.br/en/anpd-approves-regulation-international-data-transfers/", date: "2024-08", secondary: true },
  peck: {
    url: "https://peckadv.com.br/en/",
    date: "2025-08",
    secondary: true,
    note: "end of the Res. 19/2024 transition on 23 Aug 2025; the page path is elided in the reference",
  },
  fcoelho: {
    url: "https://fcoelhoadv.com.br/en/articles-and-news/international-data-transfer-mandatory-standard-clauses-by-august-2025",
    date: "2025",
    secondary: true,
  },
  kennedys: {
    url: "https://www.kennedyslaw.com/en/thought-leadership/article/2026/",
    date: "2026",
    secondary: true,
    note: "EU-Brazil adequacy decisions; the page path is elided in the reference",
  },
  tozzini: {
    url: "https://tozzinifreire.com.br/en/boletins/decisoes-de-adequacao-entre-a-uniao-europeia-e-o-brasil",
    date: "2026-01-27",
    secondary: true,
    note: "URL as given in reference §1 (EU adequacy list, Brazil row); §9 names the note without a URL",
  },
  kasznar: {
    url: "https://www.kasznarleonardos.com/",
    date: "2025-07",
    secondary: true,
    note: "no country recognised before the EU; the page path is elided in the reference",
  },
  breach: {
    url: "https://brentanironcolatto.adv.br/en/anpd-regulates-communication-on-security-incidents-involving-personal-data/",
    date: "2024-05",
    secondary: true,
  },
  martinelli: { url: "https://www.martinelli.adv.br/", date: "2024", secondary: true, note: "the page path is elided in the reference" },
  anpd: { url: "https://www.gov.br/anpd", date: "undated", note: "the ANPD's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const art33 = "LGPD Art. 33";
const res19 = "Res. CD/ANPD 19/2024";
const res32 = "Res. CD/ANPD 32/2026";

const accessIsTransfer: Fact & { verify: true } = {
  id: "br-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in Brazil is an international transfer under the LGPD.",
  citations: [art33],
  sources: [src.klalaw],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside Brazil counts as an international transfer under LGPD Art. 33 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

export const brazil: Jurisdiction = {
  code: "BR",
  name: "Brazil",
  blocs: [],
  regulator: { name: "Autoridade Nacional de Proteção de Dados (ANPD)", url: "https://www.gov.br/anpd", sources: [src.anpd] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "lgpd",
      title: "Lei Geral de Proteção de Dados Pessoais (LGPD), Law 13,709/2018",
      articles: {
        "33": "international transfer only with a mechanism: adequacy, ANPD standard or specific clauses, global corporate rules, consent and other bases",
        "33-36": "international transfer of personal data",
      },
      sources: [src.klalaw],
    },
    {
      id: "res-19-2024",
      title: "Resolution CD/ANPD No. 19/2024: International Data Transfer Regulation and standard contractual clauses",
      articles: {
        "Annex II": "the standard contractual clauses, adopted in full and without changes",
        "transition": "existing contracts to incorporate the clauses by 23 Aug 2025",
        "transparency": "the privacy notice discloses transfers, countries and mechanisms",
      },
      inForce: "2024-08-23",
      sources: [src.klalaw, src.peck, src.fcoelho],
    },
    {
      id: "res-32-2026",
      title: "Resolution CD/ANPD No. 32 of 26 Jan 2026 (adequacy of the European Union)",
      articles: { "recognition": "the European Union, reciprocal to Decision (EU) 2026/179" },
      inForce: "2026-01-26",
      sources: [src.kennedys, src.tozzini],
    },
    {
      id: "res-15-2024",
      title: "Resolution CD/ANPD No. 15/2024 (security incident communication)",
      articles: { "deadline": "3 business days (6 for small processing agents); supplementary information within 20 business days" },
      inForce: "2024-04-26",
      sources: [src.breach, src.martinelli],
    },
  ],
  transfer: {
    restricted: true,
    citations: [art33],
    domestic: { regions: ["BR"], label: "Brazil", citations: [art33] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "ANPD adequacy decision",
    whitelist: [
      {
        destinations: EU27,
        label: "the ANPD adequacy decision for the European Union",
        scope: "the 27 EU member states",
        decision: "Resolution CD/ANPD No. 32 of 26 Jan 2026, reciprocal to Decision (EU) 2026/179",
        date: "2026-01-26",
        citations: [art33, res32],
        sources: [src.kennedys, src.tozzini],
      },
      {
        destinations: EEA_EFTA,
        label: "the ANPD adequacy decision for the European Union, as extended to the EEA-EFTA states",
        scope: "Iceland, Liechtenstein and Norway",
        decision: "Resolution CD/ANPD No. 32 of 26 Jan 2026 (coverage of the EEA-EFTA states unconfirmed)",
        date: "2026-01-26",
        citations: [art33, res32],
        sources: [src.kennedys, src.tozzini],
        scoredAsNotAdequate: true,
        verify: true,
        verifyNote:
          "whether ANPD Resolution 32/2026 covers Iceland, Liechtenstein and Norway is unconfirmed (Stevens & Bolton, 9 Feb 2026, refers to free exchange including them); Brazilian flows to IS, LI and NO are scored as needing a safeguard.",
      },
    ],
    mechanisms: [
      {
        id: "br-scc",
        label: "the ANPD standard contractual clauses, adopted in full and without changes",
        safeguards: ["br-scc"],
        citations: [art33, `${res19} Annex II`],
        sources: [src.klalaw, src.peck, src.fcoelho],
      },
      {
        id: "br-global-corporate-rules",
        label: "global corporate rules approved by the ANPD",
        safeguards: ["bcr"],
        citations: [art33, res19],
        sources: [src.klalaw],
      },
      {
        id: "br-consent",
        label: "the data subjects' specific consent to the transfer",
        safeguards: ["consent"],
        citations: [art33],
        sources: [src.klalaw],
      },
    ],
    insufficient: [
      {
        safeguards: ["eu-scc"],
        reason: "the EU SCCs are not the ANPD clauses, which must be adopted in full and without changes (existing contracts had until 23 Aug 2025)",
        citations: [`${res19} Annex II`],
      },
      {
        safeguards: ["contract"],
        reason: "a contract other than the ANPD standard clauses counts only as specific clauses once the ANPD approves them",
        citations: [art33, res19],
      },
      {
        safeguards: ["dpf"],
        reason: "the ANPD has recognised only the European Union, and the DPF is not a Brazilian transfer mechanism",
        citations: [res32],
      },
    ],
    onwardCitations: [art33, res19],
  },
  localization: [],
  sectorRules: [
    {
      id: "br-transfer-transparency",
      summary: "transparency of international transfers",
      applies: {},
      effect: {
        kind: "flag",
        severity: "low",
        text: "Brazil: the privacy notice must disclose the international transfers, the destination countries and the mechanisms relied on.",
        when: "offshore",
      },
      citations: [res19],
      sources: [src.klalaw],
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "within 3 business days of becoming aware (6 for small processing agents); supplementary information within 20 business days",
      days: { count: 3, kind: "business" },
      trigger:
        "an incident that may cause relevant risk or damage: it significantly affects fundamental interests and involves sensitive data, data of children or the elderly, financial or authentication data, secrecy-protected data or large-scale data",
      citations: ["Res. CD/ANPD 15/2024"],
      sources: [src.breach, src.martinelli],
    },
    {
      to: "data-subjects",
      deadline: "within 3 business days of becoming aware (6 for small processing agents)",
      days: { count: 3, kind: "business" },
      trigger: "the same incidents of relevant risk or damage",
      citations: ["Res. CD/ANPD 15/2024"],
      sources: [src.breach, src.martinelli],
    },
  ],
  facts: [
    accessIsTransfer,
    {
      id: "br-first-adequacy",
      text: "No country had been recognised as adequate by the ANPD before the European Union in January 2026.",
      citations: [res32],
      sources: [src.kasznar, src.kennedys],
    },
  ],
  sources: [src.klalaw, src.peck, src.kennedys, src.tozzini, src.breach],
  special: { judgeFlow: withStricterReadings({ accessIsTransfer }) },
};
