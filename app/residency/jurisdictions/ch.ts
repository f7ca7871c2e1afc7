import type { Jurisdiction, Source, WhitelistEntry } from "../types";

// Switzerland: revised Federal Act on Data Protection (revFADP, in force 1 Sep
// 2023) Arts 16-17 and 24, Data Protection Ordinance Art. 8 and Annex 1
// (reference §3, reviewed 22 Nov 2026).

const src = {
  bj: { url: "https://www.bj.admin.ch/bj/en/home/staat/datenschutz/internationales/anerkennung-staaten.html", date: "undated" },
  mondaq: {
    url: "https://www.mondaq.com/privacy-protection/1652726/can-personal-data-freely-cross-borders-or-are-there-limitations",
    date: "2025",
    secondary: true,
  },
  requirements: {
    url: "https://www.dataprotection.ch/specific-topics/cross-border-data-disclosure/requirements-for-cross-border-disclosure-of-personal-data",
    date: "undated",
    secondary: true,
  },
  annex1: {
    url: "https://prighter.com/ja/resources/laws/swiss-fadp/dpo/chapters/annexes",
    date: "undated",
    note: "Annex 1 DPO; the extraction stops after Malta",
  },
  swissDpf: {
    url: "https://www.walderwyss.com/en/news/2024-08-14_federal-council-swiss-us-data-privacy-framework-in-force-on-15-september-2024",
    date: "2024-08-14",
    secondary: true,
  },
  jpKr: {
    url: "https://www.morganlewis.com/pubs/2022/09/",
    date: "2022-09",
    secondary: true,
    note: "Japan and Korea not on the Swiss list; the page path is elided in the reference",
  },
  art24: { url: "https://lawbrary.ch/law/art/DSG-v2023.09-en-art-24", date: "undated" },
  art24b: { url: "https://prighter.com/resources/laws/swiss-fadp/fadp/articles/article-24", date: "undated" },
  fdpic: { url: "https://www.edoeb.admin.ch/edoeb/en/home/datenschutz/international/angemessenheit.html", date: "2024-08-15" },
  fedlex: {
    url: "https://www.fedlex.admin.ch/eli/cc/2022/491/en",
    date: "undated",
    note: "revFADP text; cited for Art. 9(3), which the 2026-11-22 reference does not cover",
  },
} satisfies Record<string, Source>;

const annex1 = ["DPO Annex 1", "revFADP Art. 16(1)"];

const whitelist: readonly WhitelistEntry[] = [
  {
    destinations: [
      "DE", "AD", "AR", "AT", "BE", "BG", "CY", "HR", "DK", "ES", "EE", "FI", "FR", "GI", "GR", "GG",
      "HU", "IM", "FO", "IE", "IS", "IL", "IT", "JE", "LV", "LI", "LT", "LU", "MT",
    ],
    label: "the Federal Council's list of adequate states (Annex 1 DPO)",
    scope: "full",
    decision: "Data Protection Ordinance, Annex 1",
    citations: annex1,
    sources: [src.annex1, src.bj],
  },
  {
    destinations: ["MC", "NL", "NO", "NZ", "PL", "PT", "CZ", "RO", "GB", "SK", "SI", "SE", "UY"],
    label: "the Federal Council's list of adequate states (Annex 1 DPO)",
    scope: "full",
    decision: "Data Protection Ordinance, Annex 1 (entries after Malta)",
    citations: annex1,
    sources: [src.annex1],
    verify: true,
    verifyNote:
      "the entries of Annex 1 DPO after Malta (MC, NL, NO, NZ, PL, PT, CZ, RO, GB, SK, SI, SE, UY) could not be read in the source; they are assumed to be listed.",
  },
  {
    destinations: ["CA"],
    label: "the Annex 1 DPO listing of Canada",
    scope: "where PIPEDA or a substantially similar provincial act applies to the private sector",
    conditions: [
      {
        kind: "recipient-assumed",
        text: "a CRM vendor, affiliate or subprocessor in Canada is a private-sector organisation under PIPEDA or a substantially similar provincial act",
      },
    ],
    decision: "Data Protection Ordinance, Annex 1",
    citations: annex1,
    sources: [src.annex1],
  },
  {
    destinations: ["US"],
    label: "the Annex 1 DPO listing of the United States (Swiss-US Data Privacy Framework)",
    scope: "only companies certified under the Swiss-US DPF",
    conditions: [
      { kind: "recipient-safeguard", safeguard: "dpf-ch", text: "covers only companies certified under the Swiss-US Data Privacy Framework" },
    ],
    decision: "Federal Council decision of 14 Aug 2024, in force 15 Sep 2024",
    date: "2024-09-15",
    citations: [...annex1, "Federal Council decision of 14 Aug 2024 (Swiss-US DPF)"],
    sources: [src.swissDpf],
  },
  {
    destinations: ["JP", "KR"],
    label: "an Annex 1 DPO listing of Japan or Korea",
    scope: "full",
    decision: "not listed as of 2022",
    citations: annex1,
    sources: [src.jpKr],
    scoredAsNotAdequate: true,
    verify: true,
    verifyNote:
      "Japan and Korea were not on Annex 1 DPO in 2022 and their 2026 status is unconfirmed; Swiss flows to them are scored as needing a safeguard.",
  },
];

const tia = "FDPIC guidance on the EU SCCs (27 Aug 2021, revised 12 Feb 2025)";

export const switzerland: Jurisdiction = {
  code: "CH",
  name: "Switzerland",
  blocs: [],
  regulator: {
    name: "Federal Data Protection and Information Commissioner (FDPIC)",
    url: "https://www.edoeb.admin.ch",
    sources: [src.fdpic, src.mondaq],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "revfadp",
      title: "Federal Act on Data Protection (revFADP)",
      articles: {
        "9(3)": "a processor may engage a third party only with the controller's prior authorisation",
        "16": "disclosure abroad: Annex 1 states, or a safeguard under Art. 16(2)",
        "17": "exceptions for specific situations (the exact list is unconfirmed)",
        "24": "notification of data security breaches",
      },
      inForce: "2023-09-01",
      sources: [src.mondaq, src.requirements, src.art24, src.fedlex],
    },
    {
      id: "dpo",
      title: "Data Protection Ordinance (DPO)",
      articles: { "8": "criteria for adequacy", "Annex 1": "states with adequate protection" },
      inForce: "2023-09-01",
      sources: [src.annex1, src.bj],
    },
  ],
  transfer: {
    restricted: true,
    citations: ["revFADP Art. 16"],
    domestic: { regions: ["CH"], label: "Switzerland", citations: ["revFADP Art. 16"] },
    importerEstablishment: { rule: "counts", citations: ["EDPB Guidelines 05/2021 (criterion 3), applied to Switzerland by analogy"] },
    whitelistName: "listing in Annex 1 DPO",
    whitelist,
    mechanisms: [
      {
        id: "ch-scc",
        label: "the EU SCCs with the Swiss adaptations recognised by the FDPIC",
        safeguards: ["ch-scc"],
        requires: ["tia"],
        citations: ["revFADP Art. 16(2)(d)", tia],
        sources: [src.mondaq, src.requirements],
      },
      {
        id: "bcr",
        label: "binding corporate rules approved by the FDPIC or the authority of an adequate state",
        safeguards: ["bcr"],
        requires: ["tia"],
        citations: ["revFADP Art. 16(2)(e)", tia],
        sources: [src.mondaq],
      },
    ],
    insufficient: [
      {
        safeguards: ["eu-scc"],
        reason: "the EU SCCs serve Swiss data only with the Swiss adaptations the FDPIC recognised (ch-scc)",
        citations: ["revFADP Art. 16(2)(d)", tia],
      },
      {
        safeguards: ["dpf"],
        reason: "listing on the EU-US DPF does not cover Swiss data; the recipient must be certified under the Swiss-US DPF (dpf-ch)",
        citations: ["Federal Council decision of 14 Aug 2024 (Swiss-US DPF)"],
      },
      {
        safeguards: ["contract"],
        reason: "a bespoke contract counts only if its clauses were notified to the FDPIC beforehand (Art. 16(2)(b)), which the DataMap does not record",
        citations: ["revFADP Art. 16(2)(b)"],
      },
      {
        safeguards: ["consent"],
        reason: "consent is an Art. 17 exception for a specific disclosure, not a basis for systematic CRM hosting",
        citations: ["revFADP Art. 17"],
        verify: true,
        verifyNote:
          "the exact list of revFADP Art. 17 exceptions is unconfirmed; consent is not accepted for systematic CRM hosting, by analogy with GDPR Art. 49.",
        verifySeverity: "low",
      },
    ],
    onwardCitations: ["revFADP Art. 16"],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "as quickly as possible",
      trigger: "a data security breach likely to lead to a high risk to the data subject's personality or fundamental rights",
      citations: ["revFADP Art. 24(1)"],
      sources: [src.art24, src.art24b],
    },
    {
      to: "controller",
      deadline: "as quickly as possible",
      trigger: "a processor becomes aware of a data security breach",
      citations: ["revFADP Art. 24(3)"],
      sources: [src.art24],
    },
  ],
  processorAuthorisation: ["revFADP Art. 9(3)"],
  sources: [src.bj, src.mondaq, src.requirements, src.annex1, src.swissDpf, src.art24],
};
