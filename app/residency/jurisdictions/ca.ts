import { describeUse, outcome } from "../judge";
import { RegionSet } from "../regions";
import type { FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// Canada, federal: PIPEDA (reference §4.1, reviewed 23 Nov 2026). PIPEDA has no
// transfer prohibition and no adequacy list: the organisation stays accountable
// for data it hands to a third party anywhere, and must use contractual or other
// means of comparable protection. The provinces are layered on top (ca-qc.ts …).
// PIPEDA reaches commercial activity only (reference X6), so a public body's
// flows are left to the provincial public-sector law (`judgePublicBody`).

const src = {
  opcGuidelines: {
    url: "https://yorku.ca/osgoode/iposgoode/2009/02/06/guidelines-for-processing-personal-data-across-borders",
    date: "2009-02",
    note: "OPC Guidelines for Processing Personal Data Across Borders of 27 Jan 2009",
  },
  fedma: {
    url: "https://www.fedma.org/legalfacts/canada-lfp/data-canada-lfp/international-data-transfer-to-third-countries-10/",
    date: "undated",
    secondary: true,
  },
  consultation2019: { url: "https://barnoldlaw.blogspot.com/2019/04/dataflows.html", date: "2019-04", secondary: true },
  aggarwal: {
    url: "https://www.aggarwallegal.com/",
    date: "2018",
    secondary: true,
    note: "PIPEDA s.6.1 meaningful consent; the page path is elided in the reference",
  },
  proteus: { url: "https://proteuscyber.com/privacy-database/tag/pipeda/consent", date: "undated", secondary: true },
  statuteCopy: {
    url: "https://www.canadastudentdebt.ca/printer_friendly_posts.asp?TID=4229",
    date: "undated",
    note: "forum copy of the statute text of PIPEDA s.8",
  },
  opc2003: {
    url: "https://priv.gc.ca/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2003/pipeda-2003-239",
    date: "2003-12",
  },
  breachNote: {
    url: "https://www.dataprotectionreport.com/2018/04/",
    date: "2018-04",
    secondary: true,
    note: "PIPEDA s.10.1 in force 1 Nov 2018; the page path is elided in the reference",
  },
  opcBreach: {
    url: "https://www.priv.gc.ca/en/privacy-topics/privacy-breaches/respond-to-a-privacy-breach-at-your-business/gd_pb_201810",
    date: "2021-08-13",
    note: "OPC guidance of Oct 2018, revised 13 Aug 2021",
  },
  breachRegs: { url: "http://www.gazette.gc.ca/rp-pr/p2/2018/2018-04-18/html/sor-dors64-eng.html", date: "2018-04-18" },
  privatech: { url: "https://privatech.ca/2018/04/19/4165/", date: "2018-04-19", secondary: true },
  opc: { url: "https://www.priv.gc.ca", date: "undated", note: "the OPC's site" },
} satisfies Record<string, Source>;

const accountability = "PIPEDA Sch 1 Principle 4.1.3";
const commercialOnly = "PIPEDA (commercial activity only)";
const privateSectors = ["general", "health", "finance"] as const;

/** The public-sector law of each province whose module judges a public body's flows. */
const publicSectorModules: Readonly<Record<string, string>> = {
  "CA-BC": "British Columbia's FIPPA",
  "CA-NS": "Nova Scotia's PIIDPA",
  "CA-QC": "Québec's Access Act (A-2.1)",
};

const inCanada = new RegionSet(["CA"]);

const unreviewedPublicLaw: FlagTemplate = {
  severity: "medium",
  text:
    "Verify: which public-sector privacy law governs a public body outside British Columbia, Nova Scotia and Québec, and whether it restricts storage or access outside Canada, is unconfirmed (not in the catalogue); " +
    "the engine finds a public body's flows leaving Canada non-compliant until that law is reviewed.",
  citations: [commercialOnly],
};

function judgePublicBody(input: FlowInput): LayerOutcome {
  const { subject, location } = input;
  const what = describeUse(location.use, location.region.label);
  const provincial = publicSectorModules[subject.code];
  if (provincial) {
    return outcome(
      "permitted",
      `${what} is outside PIPEDA, which governs commercial activity; ${provincial} judges a public body's use`,
      [commercialOnly],
    );
  }
  if (inCanada.has(location.region)) {
    return outcome("permitted", `${what} stays within Canada; PIPEDA, which governs commercial activity, does not reach a public body`, [commercialOnly]);
  }
  return outcome(
    "non-compliant",
    `${what} leaves Canada; PIPEDA governs commercial activity, not a public body, and the public-sector privacy law for ${subject.label} is not in the catalogue, ` +
      "so by the conservative default it is non-compliant until the applicable public-sector privacy law is reviewed",
    [commercialOnly],
    [`review the public-sector privacy law that governs a public body in ${subject.label}`],
    [unreviewedPublicLaw],
  );
}

export const canada: Jurisdiction = {
  code: "CA",
  name: "Canada",
  blocs: [],
  regulator: { name: "Office of the Privacy Commissioner of Canada (OPC)", url: "https://www.priv.gc.ca", sources: [src.opc, src.opcBreach] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "pipeda",
      title: "Personal Information Protection and Electronic Documents Act (PIPEDA)",
      articles: {
        "Sch 1 Principle 4.1.3":
          "accountability for information transferred to a third party for processing: contractual or other means of comparable protection",
        "Sch 1 Principle 4.3": "consent",
        "6.1": "consent valid only if the individual would understand its nature, purpose and consequences",
        "Sch 1 Principle 4.9": "individual access",
        "8(3)": "answer an access request within 30 days",
        "8(4)": "extension by up to 30 more days, with notice within the first 30",
        "8(5)": "no answer within the limit is a deemed refusal",
        "10.1": "report breaches creating a real risk of significant harm to the OPC and notify individuals",
      },
      sources: [src.opcGuidelines, src.aggarwal, src.proteus, src.statuteCopy, src.opc2003, src.breachNote],
    },
    {
      id: "sor-2018-64",
      title: "Breach of Security Safeguards Regulations, SOR/2018-64",
      articles: { "records": "keep a record of every breach for at least 24 months after determining it occurred" },
      inForce: "2018-11-01",
      sources: [src.breachRegs, src.privatech],
    },
    {
      id: "opc-cross-border-guidelines",
      title: "OPC Guidelines for Processing Personal Data Across Borders (27 Jan 2009)",
      articles: {
        "use, not disclosure": "a transfer for processing is a use, so no additional consent is needed",
        "notice": "individuals must be told their data may be processed abroad and be accessible to foreign authorities",
      },
      sources: [src.opcGuidelines, src.fedma],
    },
  ],
  transfer: {
    restricted: true,
    citations: [accountability],
    domestic: { regions: ["CA"], label: "Canada", citations: [accountability] },
    // PIPEDA asks for the same protection whoever the processor is; its seat alone changes nothing.
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "exception to PIPEDA's accountability principle (PIPEDA has no adequacy list)",
    whitelist: [],
    mechanisms: [
      {
        id: "ca-comparable-protection",
        label: "a contract giving a comparable level of protection",
        safeguards: ["contract"],
        requires: ["notice"],
        citations: [accountability, "OPC Guidelines for Processing Personal Data Across Borders (2009)"],
        sources: [src.opcGuidelines, src.fedma],
      },
    ],
    insufficient: [
      {
        safeguards: ["consent"],
        reason:
          "PIPEDA treats a transfer for processing as a use that needs no extra consent, and consent does not replace the contractual or other means of comparable protection Principle 4.1.3 asks for",
        citations: [accountability, "OPC Guidelines for Processing Personal Data Across Borders (2009)"],
      },
      {
        safeguards: ["bcr"],
        reason: "PIPEDA has no BCR concept, so record an intra-group agreement giving comparable protection as a contract (contract)",
        citations: [accountability],
      },
    ],
    // No onwardCitations: every commercial flow already cites Principle 4.1.3, and a public body's must not.
  },
  localization: [],
  sectorRules: [
    {
      id: "ca-accountability-at-home",
      summary: "PIPEDA accountability for third-party processing in Canada",
      applies: { sectors: privateSectors },
      effect: {
        kind: "flag",
        severity: "info",
        text:
          "PIPEDA Principle 4.1.3 applies to every third party that processes the data, in Canada too: the buyer stays accountable and must use contractual or other means to give comparable protection.",
        when: "always",
      },
      citations: [accountability],
      sources: [src.opcGuidelines],
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "as soon as feasible (no fixed deadline)",
      trigger: "a breach of security safeguards creating a real risk of significant harm",
      citations: ["PIPEDA s.10.1"],
      sources: [src.breachNote, src.opcBreach],
    },
    {
      to: "data-subjects",
      deadline: "as soon as feasible (no fixed deadline)",
      trigger: "a breach of security safeguards creating a real risk of significant harm",
      citations: ["PIPEDA s.10.1"],
      sources: [src.breachNote, src.opcBreach],
    },
  ],
  facts: [
    {
      id: "ca-breach-records",
      text: "Keep a record of every breach of security safeguards for at least 24 months after determining it occurred.",
      citations: ["PIPEDA s.10.1", "SOR/2018-64"],
      sources: [src.breachRegs, src.privatech],
    },
    {
      id: "ca-access-30-days",
      text: "Answer an access request within 30 days (s.8(3)), extendable by 30 days with notice (s.8(4)); silence is a deemed refusal (s.8(5)).",
      citations: ["PIPEDA s.8(3)", "PIPEDA s.8(4)", "PIPEDA s.8(5)", "PIPEDA Sch 1 Principle 4.9"],
      sources: [src.statuteCopy, src.opc2003],
    },
    {
      id: "ca-meaningful-consent",
      text: "Consent is valid only if the individual would understand the nature, purpose and consequences of what they consent to.",
      citations: ["PIPEDA s.6.1", "PIPEDA Sch 1 Principle 4.3"],
      sources: [src.aggarwal, src.proteus],
    },
    {
      id: "ca-consent-consultation",
      text: "An OPC consultation of 2019 proposed requiring consent for cross-border transfers; it is believed withdrawn and is not encoded.",
      citations: [accountability],
      sources: [src.consultation2019],
      verify: true,
      verifyNote: "the final outcome of the OPC's 2019 proposal to require consent for cross-border transfers is unconfirmed (believed withdrawn); consent is not required by the engine.",
      verifySeverity: "info",
    },
  ],
  sources: [src.opcGuidelines, src.fedma, src.opcBreach, src.breachRegs],
  special: {
    judgeFlow: (input, declarative) => (input.map.scope.sector === "public" ? judgePublicBody(input) : declarative()),
  },
};
