import { EEA } from "../regions";
import type { Fact, Jurisdiction, Source, WhitelistEntry } from "../types";
import { withStricterReadings } from "./stricter-readings";

// Argentina: Law 25,326 Art. 12 and Decree 1558/2001 (reference §24, reviewed
// 22 Nov 2026). Transfers go to countries on the adequate list of Disposition
// 60-E/2016 or rely on model clauses, BCRs or consent. The United States is not
// on the list; later additions (Res. 34/2019) are unconfirmed.

const src = {
  legalcore: { url: "https://legalcoregroup.com.ar/en/international-personal-data-transfers-in-argentina/", date: "undated", secondary: true },
  marval: {
    url: "https://www.marval.com/Publicacion/transferencia-internacional-de-datos-nuevas-clausulas-modelo-15673?lang=en",
    date: "2023",
    secondary: true,
    note: "undated, 2023 or later",
  },
  kilpatrick: { url: "https://ktslaw.com/Insights/Alert/2017/1/Argentine-Data-Protection-Authority", date: "2017-01", secondary: true },
  aaip: { url: "https://www.argentina.gob.ar/aaip", date: "undated", note: "the AAIP's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const art12 = "Law 25,326 Art. 12";
const disp60 = "Disposition 60-E/2016";

const listed = (destinations: readonly string[], label: string, scope = "full"): WhitelistEntry => ({
  destinations,
  label,
  scope,
  decision: "Disposition 60-E/2016, the list of countries with adequate protection",
  citations: [art12, disp60],
  sources: [src.kilpatrick, src.legalcore],
});

const accessIsTransfer: Fact & { verify: true } = {
  id: "ar-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in Argentina is an international transfer under Art. 12.",
  citations: [art12],
  sources: [src.legalcore],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside Argentina counts as an international transfer under Law 25,326 Art. 12 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const laterUpdates: Fact & { verify: true } = {
  id: "ar-list-updates",
  text: "The adequate list of Disposition 60-E/2016 was later updated by AAIP Resolution 34/2019, whose additions are unconfirmed.",
  citations: [art12, "AAIP Res. 34/2019"],
  sources: [src.kilpatrick],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "the countries AAIP Resolution 34/2019 added to Argentina's adequate list are unconfirmed; the engine relies on the 2016 list alone, so a destination missing from it may have been added since.",
};

export const argentina: Jurisdiction = {
  code: "AR",
  name: "Argentina",
  blocs: [],
  regulator: { name: "Agencia de Acceso a la Información Pública (AAIP)", url: "https://www.argentina.gob.ar/aaip", sources: [src.aaip] },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "law-25326",
      title: "Personal Data Protection Law 25,326 (2000) and Decree 1558/2001",
      articles: {
        "12": "international transfer only to countries with adequate protection, except listed cases (judicial cooperation, medical data, bank transfers, treaties, crime cooperation); also with consent or clauses or self-regulation ensuring adequate protection",
      },
      sources: [src.legalcore, src.kilpatrick],
    },
    {
      id: "disp-60-e-2016",
      title: "Disposition 60-E/2016: adequate countries and model clauses (controller to controller, controller to processor)",
      articles: { "clauses": "clauses that depart from the model must be submitted to the AAIP within 30 days" },
      sources: [src.kilpatrick, src.legalcore],
    },
    {
      id: "res-198-2023",
      title: "AAIP Resolution 198/2023: the RIPD (Ibero-American Network) model clauses",
      articles: { "model clauses": "RIPD model clauses adopted" },
      sources: [src.marval],
    },
    {
      id: "res-159-2018",
      title: "Resolution 159/2018: guidelines for binding corporate rules",
      articles: { "BCR": "guidelines for binding corporate rules" },
      sources: [src.legalcore],
    },
  ],
  transfer: {
    restricted: true,
    citations: [art12, "Decree 1558/2001"],
    domestic: { regions: ["AR"], label: "Argentina", citations: [art12] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "Argentine adequacy listing",
    whitelist: [
      listed(EEA, "Argentina's adequacy listing of the EU and EEA states"),
      listed(["AD", "CH", "FO", "GG", "IM", "JE", "NZ", "UY"], "Argentina's adequacy listing"),
      {
        ...listed(["CA"], "Argentina's adequacy listing of Canada", "the private sector"),
        conditions: [{ kind: "recipient-assumed", text: "a CRM vendor, affiliate or subprocessor in Canada is a private-sector organisation" }],
      },
      {
        ...listed(["IL"], "Argentina's adequacy listing of Israel", "automated processing"),
        conditions: [{ kind: "recipient-assumed", text: "a hosted CRM's processing in Israel is automated processing" }],
      },
      {
        destinations: ["GB"],
        label: "an Argentine adequacy listing of the United Kingdom",
        scope: "full",
        decision: "AAIP Resolution 34/2019 (additions unconfirmed)",
        citations: [art12, "AAIP Res. 34/2019"],
        sources: [src.kilpatrick],
        scoredAsNotAdequate: true,
        verify: true,
        verifyNote:
          "whether AAIP Resolution 34/2019 or a later update added the United Kingdom to Argentina's adequate list is unconfirmed; Argentine flows to the UK are scored as needing a safeguard.",
      },
    ],
    mechanisms: [
      {
        id: "ar-model-clauses",
        label: "the AAIP model clauses (Disposition 60-E/2016) or the RIPD model clauses (Res. 198/2023)",
        safeguards: ["ar-model-clauses"],
        citations: [art12, disp60, "AAIP Res. 198/2023"],
        sources: [src.kilpatrick, src.marval],
      },
      {
        id: "ar-bcr",
        label: "binding corporate rules following the guidelines of Resolution 159/2018",
        safeguards: ["bcr"],
        citations: [art12, "Res. 159/2018"],
        sources: [src.legalcore],
      },
      {
        id: "ar-consent",
        label: "the data subjects' consent to the transfer",
        safeguards: ["consent"],
        citations: [art12],
        sources: [src.legalcore],
      },
    ],
    insufficient: [
      {
        safeguards: ["contract"],
        reason: "clauses that depart from the model clauses must be submitted to the AAIP within 30 days, which the DataMap cannot show",
        citations: [disp60],
      },
      {
        safeguards: ["eu-scc"],
        reason: "the EU SCCs are not the Argentine model clauses, so they must be submitted to the AAIP within 30 days, which the DataMap cannot show",
        citations: [disp60],
      },
      {
        safeguards: ["dpf"],
        reason: "the United States is not on Argentina's adequate list, and the DPF is not an Argentine mechanism",
        citations: [disp60],
      },
    ],
    onwardCitations: [art12],
  },
  localization: [],
  sectorRules: [],
  breach: [],
  facts: [
    accessIsTransfer,
    laterUpdates,
    {
      id: "ar-breach",
      text: "Resolution 47/2018 recommends security measures; no statutory breach-notification duty is encoded.",
      citations: ["Resolution 47/2018"],
      sources: [{ ...src.legalcore, note: "the reference gives Baker McKenzie (reviewed 2 Dec 2024) for Res. 47/2018, without a URL" }],
      verify: true,
      verifyNote: "whether Argentina has a general statutory breach-notification duty is unconfirmed (believed none); none is encoded.",
      verifySeverity: "info",
    },
  ],
  sources: [src.legalcore, src.marval, src.kilpatrick],
  special: { judgeFlow: withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: laterUpdates, flaggedElsewhere: ["GB"] }) },
};
