import { EEA } from "../regions";
import type { Jurisdiction, Source, WhitelistEntry } from "../types";

// United Kingdom: UK GDPR Chapter V as amended by the Data (Use and Access) Act
// 2025, Schedule 7, in force 5 Feb 2026 (reference §2, reviewed 22 Nov 2026).

const src = {
  duaaSch7: { url: "https://crimeline.co.uk/legislationdisplay/?leg=/ukpga/2025/18/schedule/7/2025-09-30", date: "2025-09-30" },
  duaaPara6: { url: "https://crimeline.co.uk/legislationdisplay/?leg=/ukpga/2025/18/schedule/7/paragraph/6/made", date: "undated" },
  commencement: { url: "https://www.legislation.gov.uk/uksi/2026/82/regulation/2/made", date: "2026" },
  dpa17B: { url: "https://crimeline.co.uk/legislationdisplay/?leg=/ukpga/2018/12/section/17B/2026-01-29", date: "2026-04-07" },
  icoAdequacy: {
    url: "https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/adequacy-regulations/",
    date: "undated",
    note: "ICO guidance after the DUAA; the page path is elided in the reference",
  },
  idta: {
    url: "https://privacymatters.dlapiper.com/2022/02/",
    date: "2022-02",
    secondary: true,
    note: "IDTA and UK Addendum in force 21 Mar 2022; the page path is elided in the reference",
  },
  handleyGill: { url: "https://handleygill.co.uk/uk-adequacy-regulations", date: "undated", secondary: true },
  weightmans: {
    url: "https://www.weightmans.com/insights/adequacy-decisions-under-the-uk-gdpr-and-data-protection-act-2018/",
    date: "undated",
    secondary: true,
  },
  korea: { url: "https://www.clearycyberwatch.com/2022/12/", date: "2022-12", secondary: true, note: "the page path is elided in the reference" },
  usBridge: { url: "https://legislation.gov.uk/uksi/2023/1028/data.html", date: "2023-10-12" },
  vatNotice: { url: "https://www.gov.uk/guidance/record-keeping-for-vat-notice-70021", date: "undated" },
  companiesAct388: { url: "https://service.betterregulation.com/document/222302", date: "2020-12-31" },
  breach: { url: "https://bifrostindex.ai/guides/united-kingdom/breach-notification", date: "2026-06-02", secondary: true },
  ico: { url: "https://ico.org.uk", date: "undated" },
} satisfies Record<string, Source>;

const CONTINUITY =
  "whether the pre-DUAA adequacy regulations and the DPA 2018 Sch 21 recognitions carry over as approvals under the new UK GDPR Art. 45A is unconfirmed; the engine assumes continuity.";
const continuity = { verify: true, verifyNote: CONTINUITY, verifySeverity: "low" } as const;
const recognised = ["UK GDPR Art. 45A", "DPA 2018 Sch 21 para 5"];

const whitelist: readonly WhitelistEntry[] = [
  {
    destinations: [...EEA, "GI", "INT-EU", "CH", "AR", "GG", "IM", "JE", "AD", "IL", "UY", "NZ"],
    label: "the UK adequacy recognitions kept from EU exit",
    scope: "full",
    decision: "Data Protection Act 2018 Sch 21 para 5",
    citations: recognised,
    sources: [src.handleyGill, src.duaaSch7],
    ...continuity,
  },
  {
    destinations: ["CA"],
    label: "the UK adequacy recognition of Canada",
    scope: "recipients subject to PIPEDA",
    conditions: [
      {
        kind: "recipient-assumed",
        text: "a CRM vendor, affiliate or subprocessor in Canada is a commercial organisation and is taken to be subject to PIPEDA",
      },
    ],
    decision: "Data Protection Act 2018 Sch 21 para 5",
    citations: recognised,
    sources: [src.handleyGill],
    ...continuity,
  },
  {
    destinations: ["JP"],
    label: "the UK adequacy recognition of Japan",
    scope: "APPI business operators",
    conditions: [
      { kind: "recipient-assumed", text: "a CRM vendor, affiliate or subprocessor in Japan is taken to be an APPI business operator" },
    ],
    decision: "Data Protection Act 2018 Sch 21 para 5",
    citations: recognised,
    sources: [src.handleyGill],
    ...continuity,
  },
  {
    destinations: ["KR"],
    label: "the UK adequacy regulations for the Republic of Korea",
    scope: "PIPA, including personal credit information",
    decision: "Data Protection (Adequacy) (Republic of Korea) Regulations 2022, SI 2022/1213",
    date: "2022-12-19",
    citations: ["UK GDPR Art. 45A", "SI 2022/1213"],
    sources: [src.korea],
    ...continuity,
  },
  {
    destinations: ["US"],
    label: "the UK-US data bridge",
    scope: "only organisations on the DPF List that participate in the UK Extension",
    conditions: [
      {
        kind: "recipient-safeguard",
        safeguard: "dpf-uk",
        text: "covers only organisations on the Data Privacy Framework List participating in the UK Extension",
      },
    ],
    decision: "Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028",
    date: "2023-10-12",
    citations: ["UK GDPR Art. 45A", "SI 2023/1028 reg. 3(2)"],
    sources: [src.usBridge],
    ...continuity,
  },
  {
    destinations: ["FO"],
    label: "a UK adequacy recognition of the Faroe Islands",
    scope: "full",
    decision: "Data Protection Act 2018 Sch 21 para 5 (listed by one source only)",
    citations: ["DPA 2018 Sch 21 para 5"],
    sources: [src.weightmans, src.handleyGill],
    scoredAsNotAdequate: true,
    verify: true,
    verifyNote:
      "whether the UK recognises the Faroe Islands as adequate is unconfirmed (one of two sources lists it); UK flows to the Faroe Islands are scored as needing a safeguard.",
  },
];

const tiaNote = "UK GDPR Art. 46(1A) (the data protection test)";

export const unitedKingdom: Jurisdiction = {
  code: "GB",
  name: "United Kingdom",
  blocs: [],
  regulator: {
    name: "Information Commissioner's Office (ICO)",
    url: "https://ico.org.uk",
    sources: [src.ico, src.commencement],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "uk-gdpr",
      title: "UK GDPR, as amended by the Data (Use and Access) Act 2025 Sch 7",
      articles: {
        "28": "processors and sub-processor authorisation",
        "33": "notification of a breach to the ICO",
        "44A": "general principle for transfers (DUAA)",
        "45A": "transfers approved by regulations (DUAA)",
        "46(1A)": "safeguards count only if the data protection test is met (\"not materially lower\")",
        "49A": "restrictions on transfers (DUAA)",
      },
      inForce: "2026-02-05",
      sources: [src.duaaSch7, src.duaaPara6, src.commencement],
    },
    {
      id: "dpa-2018",
      title: "Data Protection Act 2018",
      articles: { "17A": "adequacy regulations", "17B": "review of adequacy regulations", "Sch 21 para 5": "adequacy kept from EU exit" },
      sources: [src.dpa17B, src.handleyGill],
    },
    {
      id: "uk-idta",
      title: "International Data Transfer Agreement and UK Addendum to the EU SCCs",
      articles: { "in force": "21 Mar 2022; legacy EU SCCs alone valid only until 21 Mar 2024" },
      inForce: "2022-03-21",
      sources: [src.idta],
    },
  ],
  transfer: {
    restricted: true,
    citations: ["UK GDPR Art. 44A"],
    domestic: { regions: ["GB"], label: "the United Kingdom", citations: ["UK GDPR Art. 44A"] },
    importerEstablishment: { rule: "counts", citations: ["EDPB Guidelines 05/2021 (criterion 3), applied to the UK by analogy"] },
    whitelistName: "UK adequacy regulation",
    whitelist,
    mechanisms: [
      {
        id: "uk-idta",
        label: "the UK International Data Transfer Agreement",
        safeguards: ["uk-idta"],
        requires: ["tia"],
        citations: [tiaNote, "International Data Transfer Agreement (in force 21 Mar 2022)"],
        sources: [src.idta, src.duaaPara6],
      },
      {
        id: "uk-addendum",
        label: "the EU SCCs with the UK Addendum",
        safeguards: ["eu-scc", "uk-addendum"],
        requires: ["tia"],
        citations: [tiaNote, "UK Addendum to the EU SCCs (in force 21 Mar 2022)"],
        sources: [src.idta, src.duaaPara6],
      },
      {
        id: "bcr",
        label: "binding corporate rules approved by the ICO",
        safeguards: ["bcr"],
        requires: ["tia"],
        citations: [tiaNote, "UK GDPR Art. 47"],
        sources: [src.icoAdequacy],
      },
    ],
    insufficient: [
      {
        safeguards: ["eu-scc"],
        reason: "the EU SCCs alone stopped being valid for UK transfers on 21 Mar 2024 and need the UK Addendum (uk-addendum)",
        citations: ["UK Addendum to the EU SCCs (transitional period ended 21 Mar 2024)"],
      },
      {
        safeguards: ["consent"],
        reason: "the Art. 49 exceptions, consent included, are for occasional transfers, not systematic CRM hosting",
        citations: ["UK GDPR Art. 49"],
      },
      {
        safeguards: ["contract"],
        reason: "a contract that is not the IDTA or the UK Addendum is not an appropriate safeguard",
        citations: ["UK GDPR Art. 46"],
      },
      {
        safeguards: ["tia"],
        reason: "the data protection test supports a safeguard but is not one",
        citations: [tiaNote],
      },
    ],
    onwardCitations: ["UK GDPR Chapter V (onward transfers)"],
  },
  localization: [],
  sectorRules: [
    {
      id: "gb-accounting-records",
      summary: "UK copies of accounts and returns where accounting records are kept abroad",
      applies: { categories: ["financial", "payment"] },
      effect: {
        kind: "flag",
        severity: "info",
        text:
          "If the CRM holds the buyer's statutory accounting records, keep UK copies of accounts and returns (Companies Act 2006 s.388(2)). " +
          "No UK tax rule was found that requires CRM customer data to be hosted in the UK.",
        when: "offshore",
      },
      citations: ["Companies Act 2006 s.388(2)"],
      sources: [src.companiesAct388, src.vatNotice],
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "without undue delay and, where feasible, within 72 hours of becoming aware",
      hours: 72,
      trigger: "a personal data breach, unless it is unlikely to result in a risk to people's rights and freedoms",
      citations: ["UK GDPR Art. 33"],
      sources: [src.breach],
    },
  ],
  processorAuthorisation: ["UK GDPR Art. 28(2)"],
  facts: [
    {
      id: "gb-information-commission",
      text: "The DUAA restructures the ICO into the Information Commission (ss.117-120).",
      citations: ["DUAA 2025 ss.117-120"],
      sources: [src.commencement],
      verify: true,
      verifyNote: "the date the ICO's functions pass to the Information Commission (DUAA s.119) is unconfirmed.",
      verifySeverity: "info",
    },
    {
      id: "gb-new-adequacy",
      text: "No UK adequacy (approved-transfer) regulations made in 2025-2026 were found.",
      citations: ["UK GDPR Art. 45A"],
      sources: [src.handleyGill],
      verify: true,
      verifyNote: "any UK approved-transfer regulations made after 2023 (including a UK-DIFC bridge) are unconfirmed and not encoded.",
      verifySeverity: "low",
    },
    {
      id: "gb-hmrc-hosting-claim",
      text: "The claim that UK tax law requires customer data to be hosted in the UK was not substantiated; it is not encoded as a localization rule.",
      citations: ["Companies Act 2006 s.388(2)"],
      sources: [src.vatNotice, src.companiesAct388],
      verify: true,
      verifyNote: "the seed claim that HMRC requires UK hosting of CRM customer data is unconfirmed and likely inaccurate.",
      verifySeverity: "info",
    },
  ],
  sources: [src.duaaSch7, src.commencement, src.handleyGill, src.usBridge, src.icoAdequacy],
};
