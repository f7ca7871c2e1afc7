import { regionName } from "~/geo/regions";
import { EEA } from "../../regions";
import type {
  BreachNotification,
  Fact,
  Instrument,
  InsufficientSafeguard,
  Jurisdiction,
  Mechanism,
  Source,
  TransferRegime,
  WhitelistEntry,
} from "../../types";

// The GDPR base shared by the 30 EEA states (reference §1, reviewed 22 Nov 2026).
// Each state module adds its own supervisory authority through `gdprState`.

export const GDPR_REVIEWED = "2026-11-23";

const src = {
  art45: { url: "https://gdprhub.eu/index.php?title=Article_45_GDPR", date: "undated", note: "mirror of the Regulation" },
  art49: { url: "https://gdprhub.eu/index.php?title=Article_49_GDPR", date: "undated", note: "mirror of the Regulation" },
  art33: {
    url: "https://scolta-demo-drupal-legal.tag1.ai/regulations/",
    date: "undated",
    note: "mirror of Art. 33; the page path is elided in the reference",
  },
  sccOj: { url: "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L:2021:199:FULL", date: "2021-06-07" },
  sccArt28: {
    url: "https://www.obelis.net/news/eu-gdpr-standard-contractual-clauses-for-controllers-and-processors/",
    date: "undated",
    secondary: true,
  },
  schremsII: {
    url: "https://twobirds.com/en/news/articles/2020/global/schrems-ii-judgment-privacy-shield-invalid-sccs-survive-but-what-happens-now",
    date: "2020-07",
    secondary: true,
  },
  edpbRecs: {
    url: "https://vdocuments.us/recommendations-012020-on-measures-that-supplement-adopted-1-recommendations.html",
    date: "2021-06-18",
    note: "EDPB Recommendations 01/2020 v2.0 text",
  },
  edpbTransfers: {
    url: "https://brevettinews.it/en/patents/international-data-transfer-the-epdb-updates-its-guidelines",
    date: "2023",
    secondary: true,
    note: "summary of EDPB Guidelines 05/2021 v2.0 (14 Feb 2023)",
  },
  edpbOnward: { url: "https://eu.vlex.com/vid/opinion-22-2024-on-1061968463", date: "2024-10-07", note: "EDPB Opinion 22/2024" },
  finnishDerogations: { url: "https://tietosuoja.fi/en/derogations-for-specific-situations", date: "undated" },
  commissionAdequacy: {
    url: "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_sk",
    date: "undated",
    note: "the Commission's adequacy page, seen through a mirror",
  },
  reviewOf11: {
    url: "https://www.edoeb.admin.ch/edoeb/en/home/datenschutz/international/angemessenheit.html",
    date: "2024-08-15",
    note: "records the EU review of 11 pre-GDPR decisions concluded 15 Jan 2024",
  },
  cnpdList: {
    url: "https://cnpd.public.lu/en/dossiers-thematiques/transferts-internationaux-donnees-personnelles/",
    date: "undated",
    note: "CNPD Luxembourg list; the page path is elided in the reference",
  },
  korea: { url: "http://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX:32022D0254", date: "2021-12-17" },
  ukRenewal: { url: "https://www.dpocentre.com/news/eu-renews-uk-personal-data-adequacy-decisions", date: "2025-12", secondary: true },
  dpf: {
    url: "https://aoshearman.com/en/insights/ao-shearman-on-data/eu-us-data-privacy-framework-adequacy-decision-adopted-the-framework-becomes-operational",
    date: "2023-07",
    secondary: true,
  },
  latombeJudgment: { url: "https://streamlex.eu/news/general-court-ruling-latombe-commission", date: "2025-09-07", secondary: true },
  latombeAppeal: { url: "https://eur-lex.europa.eu/eli/C/2025/6610/oj/eng", date: "2025-12-22" },
  latombeTracker: { url: "https://datalenk.com/blog/latombe-v-commission-data-privacy-framework", date: "2026-06", secondary: true },
  epo: { url: "https://www.globalpolicywatch.com/2025/07/adequacy-decision-for-the-european-patent-organisation/", date: "2025-07", secondary: true },
  brazil: {
    url: "https://tozzinifreire.com.br/en/boletins/decisoes-de-adequacao-entre-a-uniao-europeia-e-o-brasil",
    date: "2026-01-27",
    secondary: true,
  },
  brazilEea: {
    url: "https://europalov.no/rettsakt/beskyttelse-av-personopplysninger-ved-datautveksling-med-brasil/id-34841",
    date: "2026",
    note: "draft EEA Joint Committee decision sent 6 May 2026",
  },
  omnibus: {
    url: "https://thelens.slaughterandmay.com/post/102lvgt/",
    date: "2025-11",
    secondary: true,
    note: "Digital Omnibus proposal of 19 Nov 2025; the page path is elided in the reference",
  },
  edpbMembers: {
    url: "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en",
    date: "undated",
    note: "the supervisory authorities; not part of the 2026-11-22 reference",
  },
} satisfies Record<string, Source>;

const OLDER_DECISION_NUMBERS =
  "the numbers of the pre-2019 EU adequacy decisions, of Japan's (2019/419), of the 2025 UK renewal and of the EPO decision are as commonly cited, not confirmed from the Official Journal; check them before quoting.";

const olderNumbers = { verify: true, verifyNote: OLDER_DECISION_NUMBERS, verifySeverity: "info" } as const;
const preGdpr = (country: string, decision: string): WhitelistEntry => ({
  destinations: [country],
  label: `the EU adequacy decision for ${regionName(country)}`,
  scope: "full",
  decision: `Commission decision ${decision}, kept in force by GDPR Art. 45(9) and reviewed on 15 Jan 2024`,
  citations: ["GDPR Art. 45(9)", `Decision ${decision}`],
  sources: [src.commissionAdequacy, src.reviewOf11],
  ...olderNumbers,
});

/** The EU adequacy list (reference §1 table and §29 "EU_EEA_exporter"). */
const euWhitelist: readonly WhitelistEntry[] = [
  preGdpr("AD", "2010/625/EU"),
  preGdpr("AR", "2003/490/EC"),
  {
    ...preGdpr("CA", "2002/2/EC"),
    scope: "commercial organisations subject to PIPEDA",
    conditions: [
      {
        kind: "recipient-assumed",
        text: "a CRM vendor, affiliate or subprocessor in Canada is a commercial organisation and is taken to be subject to PIPEDA",
      },
    ],
    sources: [src.commissionAdequacy, src.reviewOf11, src.cnpdList],
  },
  preGdpr("FO", "2010/146/EU"),
  preGdpr("GG", "2003/821/EC"),
  preGdpr("IL", "2011/61/EU"),
  preGdpr("IM", "2004/411/EC"),
  preGdpr("JE", "2008/393/EC"),
  preGdpr("NZ", "2013/65/EU"),
  preGdpr("CH", "2000/518/EC"),
  preGdpr("UY", "2012/484/EU"),
  {
    destinations: ["JP"],
    label: "the EU adequacy decision for Japan",
    scope: "APPI business operators, with the Supplementary Rules",
    conditions: [
      { kind: "recipient-assumed", text: "a CRM vendor, affiliate or subprocessor in Japan is taken to be an APPI business operator" },
    ],
    decision: "Commission Implementing Decision (EU) 2019/419",
    citations: ["GDPR Art. 45(3)", "Decision (EU) 2019/419"],
    sources: [src.commissionAdequacy, src.cnpdList],
    ...olderNumbers,
  },
  {
    destinations: ["KR"],
    label: "the EU adequacy decision for the Republic of Korea",
    scope: "PIPA, excluding personal credit information under FSC oversight",
    conditions: [
      {
        kind: "excludes-categories",
        categories: ["credit-information"],
        text: "excludes personal credit information supervised by the Financial Services Commission",
      },
    ],
    decision: "Commission Implementing Decision (EU) 2022/254 of 17 Dec 2021",
    date: "2021-12-17",
    citations: ["GDPR Art. 45(3)", "Decision (EU) 2022/254"],
    sources: [src.korea, src.cnpdList],
  },
  {
    destinations: ["GB"],
    label: "the EU adequacy decision for the United Kingdom",
    scope: "GDPR and Law Enforcement Directive decisions, renewed to 27 Dec 2031",
    decision: "Commission adequacy decisions renewed on 19 Dec 2025",
    date: "2025-12-19",
    validUntil: "2031-12-27",
    citations: ["GDPR Art. 45(3)", "Commission adequacy decision for the UK of 19 Dec 2025"],
    sources: [src.ukRenewal],
    ...olderNumbers,
  },
  {
    destinations: ["US"],
    label: "the EU adequacy decision for the United States (EU-US Data Privacy Framework)",
    scope: "only organisations on the DPF List",
    conditions: [
      {
        kind: "recipient-safeguard",
        safeguard: "dpf",
        text: "covers only organisations on the Data Privacy Framework List",
        // The UK Extension is joined on top of the EU-US DPF, so its participants are on the List (reference X5, §2).
        impliedBy: ["dpf-uk"],
      },
    ],
    decision: "Commission Implementing Decision (EU) 2023/1795 of 10 July 2023",
    date: "2023-07-10",
    citations: ["GDPR Art. 45(3)", "Decision (EU) 2023/1795"],
    sources: [src.dpf, src.latombeJudgment, src.latombeAppeal, src.latombeTracker],
    verify: true,
    verifyNote:
      "the outcome of appeal C-703/25 P (Latombe v Commission) after June 2026 is unconfirmed; the General Court dismissed T-553/23 on 3 Sep 2025 and DPF-listed recipients are still scored as permitted.",
    risk: {
      severity: "medium",
      text:
        "EU adequacy for the United States (EU-US DPF, Decision (EU) 2023/1795) is under appeal before the Court of Justice (C-703/25 P): " +
        "a ruling against it would leave DPF-only transfers without a basis, so keep EU SCCs and a transfer impact assessment as a fallback.",
      citations: ["Decision (EU) 2023/1795", "CJEU C-703/25 P", "General Court T-553/23"],
    },
  },
  {
    destinations: ["INT-EPORG"],
    label: "the EU adequacy decision for the European Patent Organisation",
    scope: "full",
    decision: "Commission adequacy decision of 15 July 2025",
    date: "2025-07-15",
    citations: ["GDPR Art. 45(3)", "Commission adequacy decision for the European Patent Organisation of 15 July 2025"],
    sources: [src.epo],
    ...olderNumbers,
  },
];

const brazilEu: WhitelistEntry = {
  destinations: ["BR"],
  label: "the EU adequacy decision for Brazil",
  scope: "full",
  decision: "Commission Implementing Decision (EU) 2026/179 of 26 Jan 2026",
  date: "2026-01-26",
  citations: ["GDPR Art. 45(3)", "Decision (EU) 2026/179"],
  sources: [src.brazil],
};

const brazilEeaEfta: WhitelistEntry = {
  ...brazilEu,
  label: "the EU adequacy decision for Brazil, as applied in the EEA-EFTA states",
  scoredAsNotAdequate: true,
  verify: true,
  verifyNote:
    "whether the EU-Brazil adequacy decision (EU) 2026/179 has been incorporated into the EEA Agreement for Iceland, Liechtenstein and Norway is unconfirmed (a draft EEA Joint Committee decision was sent on 6 May 2026); flows from IS, LI and NO to Brazil are scored as needing a safeguard until it is.",
  sources: [src.brazil, src.brazilEea],
};

const tiaCitations = ["EDPB Recommendations 01/2020", "CJEU C-311/18 (Schrems II)"];

const mechanisms: readonly Mechanism[] = [
  {
    id: "eu-scc",
    label: "EU standard contractual clauses (Decision (EU) 2021/914)",
    safeguards: ["eu-scc"],
    requires: ["tia"],
    citations: ["GDPR Art. 46(2)(c)", "Decision (EU) 2021/914", ...tiaCitations],
    sources: [src.sccOj, src.schremsII, src.edpbRecs],
  },
  {
    id: "bcr",
    label: "binding corporate rules approved by a supervisory authority",
    safeguards: ["bcr"],
    requires: ["tia"],
    citations: ["GDPR Art. 46(2)(b)", "GDPR Art. 47", ...tiaCitations],
    sources: [src.edpbRecs],
  },
];

const insufficient: readonly InsufficientSafeguard[] = [
  {
    safeguards: ["consent"],
    reason: "consent under Art. 49(1)(a) is a derogation for occasional transfers, not a basis for systematic CRM hosting",
    citations: ["GDPR Art. 49(1)(a)"],
  },
  {
    safeguards: ["contract"],
    reason: "a contract that is not the EU SCCs is not an Art. 46 tool (the Art. 28 clauses of Decision 2021/915 are not a transfer tool)",
    citations: ["GDPR Art. 46(2)", "Decision (EU) 2021/915"],
  },
  {
    safeguards: ["tia"],
    reason: "a transfer impact assessment supports an Art. 46 tool but is not one",
    citations: ["EDPB Recommendations 01/2020"],
  },
  {
    safeguards: ["dpf"],
    reason: "the DPF covers only DPF-listed organisations receiving the data in the United States",
    citations: ["Decision (EU) 2023/1795"],
  },
  {
    safeguards: ["ch-scc"],
    reason: "the Swiss-adapted SCCs serve Swiss data; EU data needs the EU SCCs themselves (eu-scc)",
    citations: ["Decision (EU) 2021/914"],
  },
];

function transfer(whitelist: readonly WhitelistEntry[]): TransferRegime {
  return {
    restricted: true,
    citations: ["GDPR Art. 44"],
    domestic: { regions: EEA, label: "the EEA", citations: ["GDPR Art. 1(3)", "GDPR Art. 44"] },
    importerEstablishment: { rule: "counts", citations: ["EDPB Guidelines 05/2021 (criterion 3)"] },
    whitelistName: "EU adequacy decision",
    whitelist,
    mechanisms,
    insufficient,
    onwardCitations: ["GDPR Art. 44 (onward transfers)", "EDPB Opinion 22/2024"],
  };
}

const euTransfer = transfer([...euWhitelist, brazilEu]);
const eeaEftaTransfer = transfer([...euWhitelist, brazilEeaEfta]);

const instruments: readonly Instrument[] = [
  {
    id: "gdpr",
    title: "Regulation (EU) 2016/679 (General Data Protection Regulation)",
    articles: {
      "28": "processors and sub-processor authorisation",
      "33": "notification of a breach to the supervisory authority",
      "34": "communication of a high-risk breach to data subjects",
      "44": "general principle for transfers, including onward transfers",
      "45": "transfers on the basis of an adequacy decision",
      "46": "transfers subject to appropriate safeguards",
      "47": "binding corporate rules",
      "48": "foreign judgments not enforceable without an international agreement",
      "49": "derogations for specific situations",
    },
    inForce: "2018-05-25",
    sources: [src.art45, src.art49],
  },
  {
    id: "eu-scc-2021",
    title: "Commission Implementing Decision (EU) 2021/914 (standard contractual clauses for transfers)",
    articles: {
      "Module 1": "controller to controller",
      "Module 2": "controller to processor",
      "Module 3": "processor to processor",
      "Module 4": "processor to controller",
      "Clause 8.8": "onward transfers (Modules 2 and 3)",
    },
    inForce: "2021-06-27",
    sources: [src.sccOj],
  },
  {
    id: "edpb-recs-01-2020",
    title: "EDPB Recommendations 01/2020 on supplementary measures, v2.0 (transfer impact assessment)",
    articles: { "Step 1": "know your transfers, including remote access and onward transfers" },
    inForce: "2021-06-18",
    sources: [src.edpbRecs],
  },
  {
    id: "edpb-guidelines-05-2021",
    title: "EDPB Guidelines 05/2021 on the interplay between Art. 3 and Chapter V, v2.0",
    articles: { "criteria": "exporter subject to the GDPR; disclosure to another controller or processor; importer in a third country" },
    inForce: "2023-02-14",
    sources: [src.edpbTransfers],
  },
];

const breach: readonly BreachNotification[] = [
  {
    to: "regulator",
    deadline: "without undue delay and, where feasible, not later than 72 hours after becoming aware",
    hours: 72,
    trigger: "a personal data breach, unless it is unlikely to result in a risk to people's rights and freedoms",
    citations: ["GDPR Art. 33(1)"],
    sources: [src.art33, src.omnibus],
    verify: true,
    verifyNote:
      "the Digital Omnibus proposal (19 Nov 2025) would raise the threshold to high risk and the deadline to 96 hours; its adoption status at Nov 2026 is unconfirmed, so 72 hours is encoded.",
    verifySeverity: "low",
  },
  {
    to: "controller",
    deadline: "without undue delay after becoming aware",
    trigger: "a processor becomes aware of a personal data breach",
    citations: ["GDPR Art. 33(2)"],
    sources: [src.art33],
  },
  {
    to: "data-subjects",
    deadline: "without undue delay",
    trigger: "a breach likely to result in a high risk to people's rights and freedoms",
    citations: ["GDPR Art. 34"],
    sources: [src.art33],
  },
];

const facts: readonly Fact[] = [
  {
    id: "eu-new-adequacy",
    text: "Adequacy decisions adopted after June 2026 may be missing from the list.",
    citations: ["GDPR Art. 45"],
    sources: [src.commissionAdequacy],
    verify: true,
    verifyNote: "any EU adequacy decision adopted after June 2026 is unconfirmed and not encoded.",
    verifySeverity: "low",
  },
  {
    id: "eu-codes-certification",
    text: "Codes of conduct and certification (Art. 46(2)(e)-(f)) are transfer tools too, but the DataMap has no safeguard code for them.",
    citations: ["GDPR Art. 46(2)(e)", "GDPR Art. 46(2)(f)"],
    sources: [src.art45],
  },
  {
    id: "eu-derogations",
    text: "Art. 49 derogations are read narrowly and are a last resort; they are not accepted for systematic CRM hosting.",
    citations: ["GDPR Art. 49"],
    sources: [src.art49, src.finnishDerogations],
  },
];

export interface GdprStateInput {
  code: string;
  regulator: { name: string; url: string };
  /** Iceland, Liechtenstein and Norway: the GDPR applies through the EEA Agreement. */
  eeaEfta?: true;
}

/** One EEA state: the GDPR base plus its own supervisory authority. */
export function gdprState({ code, regulator, eeaEfta }: GdprStateInput): Jurisdiction {
  return {
    code,
    name: regionName(code),
    blocs: eeaEfta ? ["EEA"] : ["EU", "EEA"],
    regulator: { ...regulator, sources: [{ url: regulator.url, date: "undated" }, src.edpbMembers] },
    reviewed: GDPR_REVIEWED,
    instruments,
    transfer: eeaEfta ? eeaEftaTransfer : euTransfer,
    localization: [],
    sectorRules: [
      {
        id: "eea-member-state-sector-rules",
        summary: "Member-state sectoral rules (such as health-data hosting certification) are outside this catalogue",
        applies: [{ sectors: ["health"] }, { categories: ["health", "my-health-record", "genetic"] }],
        effect: {
          kind: "flag",
          severity: "low",
          text:
            "Health data of EEA residents: member-state rules beyond the GDPR (such as health-data hosting certification) are not in the catalogue; check the national law of each state concerned.",
          when: "always",
        },
        citations: ["GDPR Art. 9(4)"],
        sources: [src.art45],
        verify: true,
        verifyNote: "member-state sectoral localization and hosting rules were not researched for the reference of 22 Nov 2026.",
        verifySeverity: "low",
      },
    ],
    breach,
    processorAuthorisation: ["GDPR Art. 28(2)"],
    facts,
    sources: [src.art45, src.art49, src.sccOj, src.edpbRecs, src.edpbTransfers, src.edpbOnward, src.commissionAdequacy],
  };
}
