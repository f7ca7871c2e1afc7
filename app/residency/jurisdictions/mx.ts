import { describeUse, outcome } from "../judge";
import type { Fact, Jurisdiction, Source } from "../types";
import { flagOf, withStricterReadings } from "./stricter-readings";

// Mexico: the new LFPDPPP in force 21 Mar 2025 (reference §25, reviewed 22 Nov
// 2026). International transfers need the data subject's prior consent, with
// statutory exceptions; intra-group transfers under a uniform internal policy
// need none. Communications to processors (remisiones) needed no consent under
// the 2010 law, and the engine assumes, flagged, that this carries over.

const src = {
  acsan: { url: "https://acsan.mx/en/new-regulation-on-the-protection-of-personal-data-held-by-private-parties", date: "2025", secondary: true },
  mijares: { url: "https://mijares.mx/en/noticias/emision-de-nuevas-leyes-de-transparencia-y-proteccion-de-datos", date: "2025", secondary: true },
  rgr: { url: "https://rgr.com.mx/?p=1483", date: "2025", secondary: true },
  dpa: { url: "https://digitalpolicyalert.org/", date: "2025-03", secondary: true, note: "event 28793; the page path is elided in the reference" },
  iapp: {
    url: "https://iapp.org/news/a/entendiendo-la-ley-federal-de-protecci-n-de-datos-personales-en-posesi-n-de-los-particulares-en-mexico",
    date: "2025",
    secondary: true,
  },
  tena: { url: "https://tenaabogados.com.mx/2025/04/entradproteccion-de-datos-personales", date: "2025-04-09", secondary: true },
  sabg: { url: "https://www.gob.mx/buengobierno", date: "undated", note: "the SABG's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const lfpdppp = "LFPDPPP 2025 (international transfers)";
const ARTICLES_UNCONFIRMED =
  "the article numbers of Mexico's 2025 LFPDPPP are unconfirmed, so its rules are cited by the law's name alone.";

const accessIsTransfer: Fact & { verify: true } = {
  id: "mx-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in Mexico is an international transfer.",
  citations: [lfpdppp],
  sources: [src.dpa],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside Mexico counts as an international transfer under the 2025 LFPDPPP is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const remisiones: Fact & { verify: true } = {
  id: "mx-remisiones",
  text: "Under the 2010 law, communications to processors (remisiones) needed no consent; the 2025 text is said to differ little.",
  citations: ["LFPDPPP 2025 (remisiones)", "LFPDPPP 2010 (remisiones)"],
  sources: [src.dpa, src.iapp],
  verify: true,
  verifyNote:
    "whether the 2025 LFPDPPP keeps the 2010 rule that a communication to a processor (remisión) needs no consent is unconfirmed; the engine assumes it does (IAPP: the new text is not very different), so processors abroad are not treated as transfers.",
};
const remisionFlag = flagOf(remisiones);

export const mexico: Jurisdiction = {
  code: "MX",
  name: "Mexico",
  blocs: [],
  regulator: {
    name: "Secretaría Anticorrupción y Buen Gobierno (SABG), Dirección General de Datos Personales (INAI's successor)",
    url: "https://www.gob.mx/buengobierno",
    sources: [src.sabg, src.acsan, src.iapp],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "lfpdppp-2025",
      title: "Federal Law on the Protection of Personal Data Held by Private Parties (LFPDPPP), published 20 Mar 2025, repealing the 2010 law",
      articles: {
        "international transfers": "prior consent of the data subject, except statutory cases (legal obligation, public interest, medical necessity, among others); the recipient assumes the controller's obligations",
        "intra-group": "transfers within the group under a uniform internal policy",
        "consent": "free, specific and informed; tacit consent generally sufficient",
        "article numbers": "unconfirmed",
      },
      inForce: "2025-03-21",
      sources: [src.acsan, src.mijares, src.rgr, src.dpa, src.tena],
    },
  ],
  transfer: {
    restricted: true,
    citations: [lfpdppp],
    domestic: { regions: ["MX"], label: "Mexico", citations: [lfpdppp] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "Mexican whitelist (there is none)",
    whitelist: [],
    mechanisms: [
      {
        id: "mx-consent",
        label: "the data subjects' prior consent (tacit consent generally suffices), the recipient being bound to the controller's obligations",
        safeguards: ["consent"],
        requires: ["contract"],
        citations: [lfpdppp],
        sources: [src.dpa, src.tena],
        verify: true,
        verifyNote: ARTICLES_UNCONFIRMED,
        verifySeverity: "info",
      },
    ],
    insufficient: [
      {
        safeguards: ["bcr"],
        reason: "a uniform internal policy covers transfers within the vendor's group only, and this recipient is not an affiliate",
        citations: [lfpdppp],
      },
      {
        safeguards: ["contract"],
        reason: "a contract binds the recipient but does not replace the data subjects' consent",
        citations: [lfpdppp],
      },
    ],
    processorIsNotATransfer: {
      text: "a processor acting only on the controller's behalf receives a communication (remisión), which needed no consent under the 2010 law",
      citations: ["LFPDPPP 2025 (remisiones)", "LFPDPPP 2010 (remisiones)"],
    },
    onwardCitations: [lfpdppp],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "data-subjects",
      deadline: "timing unconfirmed",
      trigger: "a significant breach",
      citations: ["LFPDPPP 2025 (security breaches)"],
      sources: [src.acsan],
      verify: true,
      verifyNote: "the timing of breach notices under Mexico's 2025 LFPDPPP, and whether the regulator must be notified, are unconfirmed.",
      verifySeverity: "low",
    },
  ],
  facts: [
    accessIsTransfer,
    remisiones,
    {
      id: "mx-inai-dissolved",
      text: "INAI was dissolved; its private-sector data-protection functions passed to the SABG's Dirección General de Datos Personales.",
      citations: ["LFPDPPP 2025"],
      sources: [src.acsan, src.mijares, src.iapp],
    },
    {
      id: "mx-new-purpose",
      text: "A recipient that processes for a different purpose needs new consent.",
      citations: [lfpdppp],
      sources: [src.tena],
    },
    {
      id: "mx-articles",
      text: "The 2025 LFPDPPP is cited without article numbers.",
      citations: ["LFPDPPP 2025"],
      sources: [src.acsan],
      verify: true,
      verifyNote: ARTICLES_UNCONFIRMED,
      verifySeverity: "info",
    },
  ],
  sources: [src.acsan, src.mijares, src.dpa, src.iapp, src.tena],
  special: {
    judgeFlow: withStricterReadings({ accessIsTransfer }, (input, declarative) => {
      const judged = declarative();
      const { party, location } = input;
      if (judged.verdict === "permitted" && !party.ownUse && location.region.country !== "MX") {
        return { ...judged, flags: [...judged.flags, remisionFlag] };
      }
      // An affiliate under the group's uniform internal policy needs no consent.
      if (party.role === "affiliate" && party.safeguards.includes("bcr") && judged.verdict === "non-compliant") {
        return outcome(
          "permitted-with-safeguard",
          `${describeUse(location.use, location.region.label)} is an intra-group transfer to ${party.name} under a uniform internal policy (bcr), which needs no consent`,
          [lfpdppp],
          [],
          judged.flags,
        );
      }
      return judged;
    }),
  },
};
