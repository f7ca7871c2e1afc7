import type { Fact, Jurisdiction, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// Nigeria: Nigeria Data Protection Act 2023 (NDPA), Part VIII ss.41-43 and
// s.40, with the NDPA General Application and Implementation Directive 2025
// (GAID, effective 19 Sep 2025) (reference §22, reviewed 22 Nov 2026).

const src = {
  s41: { url: "https://techmeetslaw.org/laws/data-protection-act-2023/section-41-ndpa/", date: "undated" },
  s42: { url: "https://lawglobalhub.com/section-42-nigeria-data-protection-act-2023", date: "undated" },
  s43: { url: "https://techmeetslaw.org/?p=3145", date: "undated", note: "NDPA s.43" },
  s40: { url: "https://lawglobalhub.com/section-40-nigeria-data-protection-act-2023", date: "undated" },
  lexMundi: { url: "https://www.lexmundi.com/guides/data-privacy-guide/jurisdictions/africa/nigeria", date: "undated", secondary: true, note: "updated after Sep 2025" },
  gaid: {
    url: "https://trustedadvisorslaw.com/insights/cross-border-data-transfers-an-overview-of-legal-requirements-and-compliance-mechanisms-in-nigeria",
    date: "2025",
    secondary: true,
    note: "dated 2025/2026 in the reference",
  },
  kietlaw: { url: "https://www.kietlaw.com/blog/cross-border-data-transfers-from-nigeria", date: "undated", secondary: true },
  whitelist: {
    url: "https://techhiveadvisory.africa/insights/changing-trend-in-international-data-transfer-in-nigeria-reassessing-the-adequacy-of-the-whitelist-and-the-implications-for-businesses",
    date: "undated",
    secondary: true,
  },
} satisfies Record<string, Source>;

const NDPA = "NDPA 2023";
const S41 = `${NDPA} s.41(1)`;

const accessIsTransfer: Fact & { verify: true } = {
  id: "ng-remote-access",
  text: "Commentary treats administrator access from abroad (e.g. a parent company's engineers) as a cross-border transfer; no primary source says so.",
  citations: [S41],
  sources: [src.kietlaw],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "that remote access from outside Nigeria counts as a transfer under NDPA s.41 rests on secondary commentary only; the engine treats it as one.",
};

const noWhitelist: Fact & { verify: true } = {
  id: "ng-adequacy",
  text:
    "The NDPC may find countries, sectors or clauses adequate (s.42), but no current list was retrieved; the NITDA-era whitelist of 2020 was challenged in court and is not relied on.",
  citations: [`${NDPA} s.42`],
  sources: [src.s42, src.whitelist],
  verify: true,
  verifyNote:
    "whether the NDPC has published a list of adequate countries is unconfirmed; the engine relies on none (and not on the NITDA-era whitelist), so each transfer needs a s.41 safeguard or consent.",
};

const cbdti = {
  verify: true,
  verifyNote:
    "whether the GAID requires the NDPC to approve a contractual transfer instrument (CBDTI) in advance is unconfirmed; the engine accepts the contract without proof of approval.",
} as const;

const assessment = `${NDPA} s.41(2) (record the basis and the adequacy assessment)`;

export const nigeria: Jurisdiction = {
  code: "NG",
  name: "Nigeria",
  blocs: [],
  regulator: {
    name: "Nigeria Data Protection Commission (NDPC)",
    // The reference names no site of the NDPC; this is its own.
    url: "https://ndpc.gov.ng",
    sources: [src.lexMundi, src.s41],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "ndpa",
      title: "Nigeria Data Protection Act 2023 (signed 12 June 2023)",
      articles: {
        "40(2)": "notification of a breach to the NDPC and the data subjects",
        "41(1)":
          "no transfer unless the recipient is subject to a law, BCRs, contractual clauses, a code of conduct or a certification giving adequate protection, or a s.43 condition applies",
        "41(2)": "the exporter records the basis of the transfer and the adequacy assessment",
        "41(3)": "the NDPC may require notification of the measures",
        "41(4)": "the NDPC may designate data categories with extra restrictions",
        "42": "adequacy criteria; NDPC determinations and approvals",
        "43": "derogations: informed consent after risk disclosure, contract, sole benefit, public interest, legal claims, vital interests",
      },
      sources: [src.s41, src.s42, src.s43, src.s40],
    },
    {
      id: "gaid",
      title: "NDPA General Application and Implementation Directive 2025 (GAID; issued 20 Mar 2025), replacing the NDPR 2019 and its 2020 Implementation Framework",
      articles: { transfers: "adequate recipient, NDPC adequacy decision, a Cross-Border Data Transfer Instrument approved by the Commission, or a s.43 basis" },
      inForce: "2025-09-19",
      sources: [src.lexMundi, src.gaid],
    },
  ],
  transfer: {
    restricted: true,
    citations: [S41],
    domestic: { regions: ["NG"], label: "Nigeria", citations: [S41] },
    importerEstablishment: { rule: "ignored", citations: [`${S41} (transfers from Nigeria to another country)`] },
    whitelistName: "NDPC adequacy decision",
    whitelist: [],
    mechanisms: [
      {
        id: "ng-contractual-clauses",
        label: "contractual clauses giving adequate protection",
        safeguards: ["contract"],
        requires: ["tia"],
        citations: [`${S41}(a)`, assessment, "GAID 2025 (Cross-Border Data Transfer Instrument)"],
        sources: [src.s41, src.gaid],
        ...cbdti,
      },
      {
        id: "ng-bcr",
        label: "binding corporate rules giving adequate protection",
        safeguards: ["bcr"],
        requires: ["tia"],
        citations: [`${S41}(a)`, assessment],
        sources: [src.s41, src.s42],
      },
      {
        id: "ng-consent",
        label: "the data subjects' informed consent after disclosure of the risks (not withdrawn)",
        safeguards: ["consent"],
        citations: [`${NDPA} s.43`],
        sources: [src.s43],
      },
    ],
    onwardCitations: [`${S41} (onward transfers)`],
  },
  localization: [],
  sectorRules: [
    {
      id: "ng-sector-localization",
      summary: "Nigerian sector or government-data rules that may keep data in Nigeria",
      applies: { sectors: ["public", "health", "finance"] },
      effect: {
        kind: "flag",
        severity: "high",
        text:
          "Nigerian sector or government-data rules may require this data to stay in Nigeria (the NDPA has no general localization rule, and the NDPC may designate categories under s.41(4)); " +
          "they are not in the catalogue, so a lawyer must review the offshore flows.",
        when: "offshore",
      },
      citations: [`${NDPA} s.41(4)`],
      sources: [src.s41],
      verify: true,
      verifyNote: "whether Nigerian sectoral or government-data rules require data to stay in Nigeria is unconfirmed; the engine does not score them as localization.",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "within 72 hours of becoming aware",
      hours: 72,
      trigger: "a breach likely to result in a risk",
      citations: [`${NDPA} s.40(2)`],
      sources: [src.s40],
    },
    {
      to: "data-subjects",
      deadline: "immediately",
      trigger: "a breach likely to result in a high risk",
      citations: [`${NDPA} s.40(2)`],
      sources: [src.s40],
    },
  ],
  facts: [
    accessIsTransfer,
    noWhitelist,
    {
      id: "ng-codes-certification",
      text: "Codes of conduct and certification mechanisms (s.41(1)(a)) have no DataMap code, so a recipient relying on one shows as lacking a safeguard.",
      citations: [`${S41}(a)`],
      sources: [src.s41],
    },
    {
      id: "ng-notification",
      text: "The NDPC may require the exporter to notify it of the transfer measures (s.41(3)).",
      citations: [`${NDPA} s.41(3)`],
      sources: [src.s41],
    },
  ],
  sources: [src.s41, src.s42, src.s43, src.lexMundi, src.gaid],
  special: { judgeFlow: withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: noWhitelist }) },
};
