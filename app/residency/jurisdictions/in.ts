import { appliesTo, describeUse, outcome, verifyFlag } from "../judge";
import { RegionSet } from "../regions";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, LocalizationMandate, Source } from "../types";

// India: DPDP Act 2023 s.16 (a negative list, none notified), the DPDP Rules
// 2025 and the RBI payment-data localization directive (reference §8, reviewed
// 23 Nov 2026). `special.judgeFlow` states the negative-list basis, flags its
// unconfirmed status and adds RBI's return-to-India duty to processing abroad;
// with no party storing the payment data in India, there is nowhere to bring it
// back to, and processing abroad breaches the directive.

const src = {
  ksandk: { url: "https://ksandk.com/data-protection-and-data-privacy/indias-new-cross-border-data-transfer-framework", date: "2025-11", secondary: true },
  checkdpdp: { url: "https://www.checkdpdp.in/videos/section-16-cross-border-negative-list", date: "undated", secondary: true },
  rule13: { url: "https://dpdpa.com/dpdparules/rule13.html", date: "undated", note: "final numbering of the DPDP Rules 2025" },
  draftRule: { url: "http://www.cyberlawacademy.com/cdpl/cdpl-module5-part3.html", date: "undated", secondary: true, note: "text of draft Rule 12(4)" },
  ndtv: { url: "https://www.ndtvprofit.com/", date: "2025-11-14", note: "the page path is elided in the reference" },
  getastra: { url: "https://www.getastra.com/blog/compliance/dpdp-compliance/", date: "2026-06", secondary: true },
  veritect: { url: "https://veritect.ai/research/cross-border-data-transfers-dpdp-blog", date: "2026-01", secondary: true },
  bachao: { url: "https://www.bachao.ai/dpdp-cross-border-data-transfer", date: "2026", secondary: true, note: "mid-2026" },
  rbiFaq: {
    url: "https://www.aninews.in/news/business/rbi-issues-clarifications-on-data-localisation-circular20190627104909/",
    date: "2019-06-27",
    note: "reports the RBI FAQ of 26 Jun 2019",
  },
  domainB: { url: "https://domain-b.com/", date: "2019", secondary: true, note: "the page path is elided in the reference" },
  certInToolkit: {
    url: "https://practitioner-toolkit.creativecyber.in/blog/articles/12-certIn-incident-readiness-scorer.html",
    date: "undated",
    secondary: true,
  },
  certIn: { url: "https://zephtech.net/feed/2022-04-28-india-cert-in-incident-directive.html", date: "2022-04-28" },
  meity: { url: "https://www.meity.gov.in", date: "undated", note: "the ministry constituting the Data Protection Board" },
} satisfies Record<string, Source>;

const RBI = "RBI directive on Storage of Payment System Data (Apr 2018)";
const RBI_FAQ = "RBI FAQ on Storage of Payment System Data (26 Jun 2019)";

const payments: LocalizationMandate = {
  id: "in-rbi-payment-data",
  summary: "the RBI directive on Storage of Payment System Data, under which the entire payment system data is stored only in India",
  applies: { sectors: ["finance"], categories: ["payment"] },
  allowedRegions: ["IN"],
  bannedUses: ["storage", "backup"],
  obligation: "store the payment system data only in India",
  citations: [RBI, RBI_FAQ],
  sources: [src.rbiFaq, src.domainB],
  verify: true,
  verifyNote:
    "the RBI directive binds payment system operators; the engine assumes that a finance-sector buyer whose CRM holds payment data is one, and that its CRM holds payment system data.",
  verifySeverity: "low",
};

const negativeList: Fact = {
  id: "in-negative-list",
  text: "No country had been notified under DPDP Act s.16(1) as of mid-2026.",
  citations: ["DPDP Act s.16(1)"],
  sources: [src.checkdpdp, src.veritect, src.bachao],
  verify: true,
  verifyNote:
    "whether any country had been notified under DPDP Act s.16(1) by Nov 2026 is unconfirmed (none as of mid-2026); the engine permits transfers to every country.",
};

const base: Jurisdiction = {
  code: "IN",
  name: "India",
  blocs: [],
  regulator: {
    name: "Data Protection Board of India (being constituted); CERT-In for cyber incidents; RBI for payments",
    url: "https://www.meity.gov.in",
    sources: [src.meity, src.ksandk],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "dpdp-act",
      title: "Digital Personal Data Protection Act 2023",
      articles: {
        "16(1)": "the Central Government may by notification restrict transfers to specified countries (negative list)",
        "16(2)": "stricter sectoral laws prevail",
      },
      sources: [src.ksandk, src.checkdpdp],
    },
    {
      id: "dpdp-rules",
      title: "Digital Personal Data Protection Rules 2025 (notified 13/14 Nov 2025; phased commencement to about 14 May 2027)",
      articles: {
        "13": "Significant Data Fiduciary duties, including data a Government committee may bar from leaving India (applies only from about 14 May 2027)",
        "15": "transfer outside India subject to requirements the Government may specify (applies only from about 14 May 2027)",
      },
      // The date of notification; the commencement is phased (fact in-dpdp-rules-commencement).
      inForce: "2025-11-14",
      sources: [src.rule13, src.ndtv, src.getastra, src.draftRule],
    },
    {
      id: "rbi-2018",
      title: "RBI Storage of Payment System Data (April 2018) and FAQ (26 Jun 2019)",
      articles: { storage: "entire payment system data stored only in India", faq: "processing abroad allowed; data back in India within one business day or 24 hours" },
      sources: [src.rbiFaq, src.domainB],
    },
    {
      id: "cert-in-2022",
      title: "CERT-In Directions of 28 Apr 2022",
      articles: { reporting: "report specified cyber incidents within 6 hours" },
      inForce: "2022-06-27",
      sources: [src.certIn, src.certInToolkit],
    },
  ],
  transfer: {
    restricted: false,
    citations: ["DPDP Act s.16(1)"],
    domestic: { regions: ["IN"], label: "India", citations: ["DPDP Act s.16(1)"] },
    importerEstablishment: { rule: "ignored", citations: ["DPDP Act s.16(1)"] },
    whitelistName: "negative-list notification",
    whitelist: [],
    mechanisms: [],
  },
  localization: [payments],
  sectorRules: [
    {
      id: "in-rbi-other-sectors",
      summary: "RBI payment-data localization for payment system operators outside the finance sector",
      applies: { sectors: ["general", "health", "public"], categories: ["payment"] },
      effect: {
        kind: "flag",
        severity: "medium",
        text:
          "If the buyer is a payment system operator, the RBI directive requires the entire payment system data to be stored only in India; " +
          "the engine applies that rule only to finance-sector buyers.",
        when: "offshore",
      },
      citations: [RBI],
      sources: [src.rbiFaq],
    },
    {
      id: "in-other-financial-regulators",
      summary: "IRDAI and SEBI localization",
      applies: { sectors: ["finance"] },
      effect: {
        kind: "flag",
        severity: "medium",
        text: "Insurance (IRDAI) and securities (SEBI) rules may also require data to be stored in India; they are not encoded.",
        when: "offshore",
      },
      citations: ["DPDP Act s.16(2)"],
      sources: [src.checkdpdp],
      verify: true,
      verifyNote: "the IRDAI and SEBI localization rules are referenced only by secondary commentary; their details are unconfirmed.",
    },
    {
      id: "in-sdf-restriction",
      summary: "data a Significant Data Fiduciary may not transfer",
      applies: {},
      effect: {
        kind: "flag",
        severity: "low",
        text:
          "If the buyer is a Significant Data Fiduciary, a Government committee may specify personal data it must not transfer outside India; none had been specified, and none is encoded.",
        when: "offshore",
      },
      citations: ["DPDP Rules 2025 Rule 13"],
      sources: [src.rule13, src.draftRule],
      verify: true,
      verifyNote: "the final sub-rule number of the SDF localization power in DPDP Rules 2025 Rule 13 (draft Rule 12(4)) is unconfirmed.",
      verifySeverity: "low",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "intimation without delay, and a detailed report within 72 hours",
      hours: 72,
      trigger: "a personal data breach (DPDP Rules, operative from the phased date, about May 2027)",
      citations: ["DPDP Rules 2025 (breach intimation)"],
      sources: [src.getastra, src.ndtv],
      verify: true,
      verifyNote: "the exact commencement of the DPDP Rules breach duty (about May 2027) is unconfirmed.",
      verifySeverity: "low",
    },
    {
      to: "data-subjects",
      deadline: "without delay",
      trigger: "a personal data breach (DPDP Rules, operative from the phased date, about May 2027)",
      citations: ["DPDP Rules 2025 (breach intimation)"],
      sources: [src.getastra, src.ndtv],
      verify: true,
      verifyNote: "the exact commencement of the DPDP Rules breach duty (about May 2027) is unconfirmed.",
      verifySeverity: "low",
    },
    {
      to: "regulator",
      deadline: "within 6 hours of noticing the incident (to CERT-In)",
      hours: 6,
      trigger: "a specified cyber incident",
      citations: ["CERT-In Directions (28 Apr 2022)"],
      sources: [src.certIn, src.certInToolkit],
    },
  ],
  facts: [
    negativeList,
    {
      id: "in-dpdp-rules-commencement",
      text:
        "The DPDP Rules 2025 were notified on 13/14 Nov 2025 (the instrument's inForce date), but their commencement is phased: " +
        "Rules 13 and 15 apply only from about 14 May 2027.",
      citations: ["DPDP Rules 2025 Rule 13", "DPDP Rules 2025 Rule 15"],
      sources: [src.ndtv, src.getastra],
      verify: true,
      verifyNote:
        "the exact date from which DPDP Rules 2025 Rules 13 and 15 apply (about 14 May 2027 under the phased commencement) is unconfirmed; the inForce date of 14 Nov 2025 is only the date of notification.",
      verifySeverity: "low",
    },
    {
      id: "in-rule-15",
      text:
        "From about 14 May 2027, transfers outside India are subject to requirements the Government may specify by general or special order; none is encoded.",
      citations: ["DPDP Rules 2025 Rule 15"],
      sources: [src.ksandk],
    },
    {
      id: "in-cross-border-transactions",
      text: "For cross-border payment transactions, a copy of the domestic component may also be stored abroad; Custodian cannot tell such a copy apart.",
      citations: [RBI_FAQ],
      sources: [src.rbiFaq],
    },
  ],
  sources: [src.ksandk, src.checkdpdp, src.rule13, src.rbiFaq, src.getastra],
};

const negativeListFlag = verifyFlag(negativeList, negativeList.citations) as FlagTemplate;
const paymentsFlag = verifyFlag(payments, payments.citations) as FlagTemplate;
const RETURN = "delete the payment data abroad and bring it back to India within one business day or 24 hours of processing, whichever is earlier";
const inIndia = new RegionSet(payments.allowedRegions);

/** Whether some party keeps the data in storage in India (a subdivision such as IN-MH included). */
function storedInIndia(input: FlowInput): boolean {
  for (const region of input.map.storedRegions) if (inIndia.has(region)) return true;
  return false;
}

function judgeIndia(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const judged = declarative();
  const { location, map } = input;
  if (location.region.country === "IN" || judged.verdict === "prohibited") return judged;
  const what = describeUse(location.use, location.region.label);
  const processingPayments = location.use === "processing" && appliesTo(payments.applies, map);
  if (processingPayments && !storedInIndia(input)) {
    // RBI allows processing abroad only because the data comes back to the system in India;
    // with no such system there is nowhere to bring it back to (reference §8, X7).
    return outcome(
      "prohibited",
      `${what} breaches ${payments.summary}: no party keeps the payment data in India, so there is nowhere to bring it back to after processing abroad; ` +
        `no transfer mechanism cures a localization breach; regulator: ${base.regulator.name}`,
      payments.citations,
      [payments.obligation],
      [...judged.flags, paymentsFlag],
    );
  }
  return {
    ...judged,
    basis:
      `${what} is permitted: DPDP Act s.16(1) lets the Central Government restrict transfers only to countries it notifies, and none had been notified` +
      (processingPayments ? "; the RBI directive allows payment data to be processed abroad only if it is brought back to India promptly" : ""),
    citations: processingPayments ? [...judged.citations, RBI_FAQ] : judged.citations,
    obligations: processingPayments ? [...judged.obligations, RETURN] : judged.obligations,
    flags: processingPayments ? [...judged.flags, negativeListFlag, paymentsFlag] : [...judged.flags, negativeListFlag],
  };
}

export const india: Jurisdiction = { ...base, special: { judgeFlow: judgeIndia } };
