import { verifyFlag } from "../judge";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// Vietnam: Law on Personal Data Protection No. 91/2025/QH15 and Decree
// 356/2025/ND-CP (both in force 1 Jan 2026), and the Decree 53/2022
// localization under the Cybersecurity Law (reference §20, reviewed 22 Nov
// 2026). Export is restricted by filing, not by approval.

const src = {
  rajahTann: { url: "https://www.rajahtannasia.com/?p=184709", date: "2026", secondary: true },
  recordinglaw: { url: "https://www.recordinglaw.com/world-laws/world-data-privacy-laws/vietnam-data-privacy-laws/", date: "2026", secondary: true },
  heylefty: {
    url: "https://app.heylefty.com/topics/",
    date: "2026",
    secondary: true,
    note: "on Decree 356 cross-border transfers and overseas access; the page path is elided in the reference",
  },
  eruditus: { url: "https://erudituslegal.com/personal-data-protection-law-2025-decree-3562025nd-cp-p79", date: "2026", secondary: true },
  freshfields: {
    url: "https://technologyquotient.freshfields.com/post/102iulg/data-localisation-in-vietnam-highlights-under-decree-53-and-decree-13",
    date: "2023",
    secondary: true,
  },
  tradeGov: { url: "https://www.trade.gov/market-intelligence/vietnam-cybersecurity-data-localization-requirements", date: "undated" },
  dlaBreach: { url: "https://www.dlapiperdataprotection.com/?c=VN&t=breach-notification", date: "undated", secondary: true },
  mps: { url: "https://bocongan.gov.vn", date: "undated" },
} satisfies Record<string, Source>;

const PDP_LAW = "PDP Law No. 91/2025/QH15 Art. 27";
const DECREE_356 = "Decree 356/2025/ND-CP Art. 18 (Form No. 09)";
const ACCESS = "PDP Law No. 91/2025/QH15 (overseas access to data stored in Vietnam is a transfer)";

const numbering: Fact = {
  id: "vn-article-numbering",
  text: "The cross-border transfer rule is cited as PDP Law Art. 27 and the CTIA dossier as Decree 356 Art. 18 (Form No. 09).",
  citations: [PDP_LAW, DECREE_356],
  sources: [src.eruditus, src.heylefty],
  verify: true,
  verifyNote: "the article numbers of the PDP Law 2025 (Art. 27) and Decree 356/2025 (Art. 18) cited for cross-border transfers are unconfirmed.",
  verifySeverity: "low",
};

const base: Jurisdiction = {
  code: "VN",
  name: "Vietnam",
  blocs: [],
  regulator: {
    name: "Ministry of Public Security (MPS), Department A05 (Cybersecurity and High-Tech Crime Prevention)",
    url: "https://bocongan.gov.vn",
    sources: [src.mps, src.rajahTann],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "pdp-law-2025",
      title: "Law on Personal Data Protection No. 91/2025/QH15 (passed 26 Jun 2025)",
      articles: { "27": "cross-border transfer and its impact assessment (number unconfirmed)" },
      inForce: "2026-01-01",
      sources: [src.rajahTann, src.eruditus],
    },
    {
      id: "decree-356",
      title: "Decree 356/2025/ND-CP (passed 31 Dec 2025; replaces Decree 13/2023/ND-CP)",
      articles: { "18": "cross-border transfer impact assessment dossier, Form No. 09, filed within 60 days of the first transfer (number unconfirmed)" },
      inForce: "2026-01-01",
      sources: [src.heylefty, src.eruditus],
    },
    { id: "law-on-data", title: "Law on Data No. 60/2024/QH15, with Decree 165/2025 (important and core data)", articles: {}, inForce: "2025-07-01", sources: [src.rajahTann] },
    {
      id: "decree-53",
      title: "Cybersecurity Law 2018 Art. 26 and Decree 53/2022/ND-CP",
      articles: { "26": "data localization (Cybersecurity Law)", "Decree 53": "domestic enterprises store regulated data in Vietnam; foreign enterprises on MPS request" },
      inForce: "2022-10-01",
      sources: [src.freshfields, src.tradeGov],
    },
  ],
  transfer: {
    restricted: true,
    citations: [PDP_LAW],
    domestic: { regions: ["VN"], label: "Vietnam", citations: [PDP_LAW] },
    importerEstablishment: { rule: "ignored", citations: [PDP_LAW] },
    whitelistName: "whitelist under the PDP Law",
    whitelist: [],
    mechanisms: [
      {
        id: "vn-ctia",
        label: "a cross-border transfer impact assessment dossier filed with the MPS (due within 60 days of the first transfer)",
        safeguards: ["vn-ctia-filed"],
        citations: [DECREE_356],
        sources: [src.heylefty, src.eruditus],
      },
    ],
    insufficient: [
      {
        safeguards: ["tia"],
        reason: "an impact assessment kept on file is not enough: the CTIA dossier must be filed with the MPS",
        citations: [DECREE_356],
      },
    ],
  },
  localization: [
    {
      id: "vn-decree-53",
      summary: "Decree 53/2022/ND-CP, under which domestic enterprises store users' personal data in Vietnam",
      applies: {},
      allowedRegions: ["VN"],
      bannedUses: ["storage", "backup"],
      primaryCopyOnly: true,
      obligation: "keep the primary store of the users' personal data in Vietnam",
      citations: ["Cybersecurity Law 2018 Art. 26", "Decree 53/2022/ND-CP"],
      sources: [src.freshfields, src.tradeGov],
      verify: true,
      verifyNote:
        "whether Decree 53/2022 reaches a CRM used by a business outside telecom and online services is unconfirmed; the engine applies it to every map with subjects in Vietnam, " +
        "as if the buyer were a Vietnamese enterprise, and judges an offshore backup of a store kept in Vietnam as a transfer.",
      verifySeverity: "high",
    },
  ],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "within 72 hours (Decree 13/2023, now replaced)",
      hours: 72,
      trigger: "a personal data breach",
      citations: ["Decree 13/2023/ND-CP"],
      sources: [src.dlaBreach],
      verify: true,
      verifyNote: "the breach-notification timing under the PDP Law 2025 and Decree 356/2025 is unconfirmed; Decree 13/2023 required notifying A05 within 72 hours.",
      verifySeverity: "low",
    },
    {
      to: "regulator",
      deadline: "for example 5 days after detection (cybersecurity incident reporting)",
      days: { count: 5, kind: "calendar" },
      trigger: "a cybersecurity incident",
      citations: ["Cybersecurity Law 2018"],
      sources: [src.dlaBreach],
      verify: true,
      verifyNote: "the cybersecurity incident-reporting deadline (\"e.g. 5 days after detection\") comes from one undated secondary source.",
      verifySeverity: "info",
    },
  ],
  facts: [
    numbering,
    {
      id: "vn-foreign-enterprises",
      text:
        "Foreign enterprises in 10 listed sectors (telecom, cloud storage and sharing, e-commerce, online payment, social media and others) must store data locally and open a local branch only after a written MPS request; " +
        "they then have 12 months and must keep the data at least 24 months.",
      citations: ["Decree 53/2022/ND-CP"],
      sources: [src.freshfields, src.tradeGov],
    },
    {
      id: "vn-exemptions",
      text: "Employee data on centralised global cloud systems and data subjects transferring their own data are exempt from the CTIA filing; neither fits CRM customer data.",
      citations: [DECREE_356],
      sources: [src.heylefty],
    },
  ],
  sources: [src.rajahTann, src.heylefty, src.eruditus, src.freshfields],
};

const numberingFlag = verifyFlag(numbering, numbering.citations) as FlagTemplate;

function judgeVietnam(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const judged = declarative();
  if (judged.verdict === "permitted" || judged.verdict === "prohibited") return judged;
  const citations = input.location.use === "access" ? [...judged.citations, ACCESS] : judged.citations;
  return { ...judged, citations, flags: [...judged.flags, numberingFlag] };
}

export const vietnam: Jurisdiction = { ...base, special: { judgeFlow: judgeVietnam } };
