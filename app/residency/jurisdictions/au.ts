import { verifyFlag } from "../judge";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// Australia: Privacy Act 1988 APP 8 and s.16C, and the My Health Records Act
// 2012 s.77 localization (reference §12, reviewed 23 Nov 2026).

const src = {
  oaicApp8: {
    url: "https://www.oaic.gov.au/agencies-and-organisations/app-guidelines/chapter-8-app-8-cross-border-disclosure-of-personal-information",
    date: "2019-07-22",
    note: "APP Guidelines chapter 8, v1.2",
  },
  oaicOverseas: { url: "https://www.oaic.gov.au/privacy/guidance-and-advice/sending-personal-information-overseas/", date: "2019-06-13" },
  baker: {
    url: "https://resourcehub.bakermckenzie.com/en/resources/global-data-and-cyber-handbook/asia-pacific/australia/topics/international-data-transfer",
    date: "2024-12-31",
    secondary: true,
  },
  ipmojo: { url: "https://ipmojo.com.au/tag/privacy-2-0-part-6", date: "2025-06", secondary: true },
  adapt: { url: "https://www.adaptbl.com.au/news/2025/12/11/", date: "2025-12-11", secondary: true, note: "OAIC guideline update; the page path is elided in the reference" },
  sognos: { url: "https://sognos.com.au/data-residency-in-australian-healthcare-sorting-fact-from-fiction", date: "undated", secondary: true },
  wattle: { url: "https://www.wattledb.com.au/industries.html", date: "undated", secondary: true },
  mhrOperator: { url: "https://www.myhealthrecord.gov.au/about/privacy-policy", date: "undated" },
  mhrRules: {
    url: "https://www.legislation.gov.au/F2026L00392/asmade/2026-03-31/text/original/epub/OEBPS/document_1/document_1.html",
    date: "2026-03-31",
    note: "My Health Records Rules 2026 (F2026L00392), made 27 Mar 2026",
  },
  ndb: { url: "https://rulesmate.com.au/insights/oaic-eligible-data-breach-statement-content", date: "undated", secondary: true },
  legalvision: { url: "https://legalvision.com.au/privacy-obligations-when-sharing-personal-information-overseas", date: "undated", secondary: true },
  oaic: { url: "https://www.oaic.gov.au", date: "undated" },
} satisfies Record<string, Source>;

const facts = {
  prescribed: {
    id: "au-prescribed-countries",
    text: "No country or binding scheme had been prescribed under APP 8.2(aa) as of Dec 2024.",
    citations: ["APP 8.2(aa)", "APP 8.3"],
    sources: [src.ipmojo, src.baker, src.adapt],
    verify: true,
    verifyNote: "whether any country or binding scheme has been prescribed under APP 8.2(aa) since 2024 is unconfirmed; the engine assumes none.",
    verifySeverity: "low",
  },
  useOrDisclosure: {
    id: "au-use-or-disclosure",
    text: "Hosting by an overseas contractor is treated as a disclosure needing APP 8.1 steps (the OAIC's \"best approach\" where use or disclosure is unclear).",
    citations: ["APP 8.1"],
    sources: [src.oaicApp8, src.oaicOverseas],
    verify: true,
    verifyNote:
      "when giving data to an overseas contractor that only holds it for the buyer is a use rather than a disclosure (the degree of control retained) is unconfirmed; the engine treats it as a disclosure and requires APP 8.1 steps.",
    verifySeverity: "low",
  },
  access: {
    id: "au-remote-access",
    text: "Personal information made accessible to an overseas entity, even if stored in Australia, is disclosed to it.",
    citations: ["APP 8.1"],
    sources: [src.legalvision],
    verify: true,
    verifyNote: "only secondary commentary says that making information accessible from overseas is a disclosure under APP 8; the engine treats remote access as one.",
    verifySeverity: "low",
  },
} satisfies Record<string, Fact>;

const base: Jurisdiction = {
  code: "AU",
  name: "Australia",
  blocs: [],
  regulator: {
    name: "Office of the Australian Information Commissioner (OAIC); the Australian Digital Health Agency operates My Health Record",
    url: "https://www.oaic.gov.au",
    sources: [src.oaic, src.mhrOperator],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "privacy-act",
      title: "Privacy Act 1988 (Cth), as amended by the Privacy and Other Legislation Amendment Act 2024 (No. 128, 2024)",
      articles: {
        "APP 8.1": "reasonable steps so that an overseas recipient does not breach the APPs",
        "APP 8.2": "exceptions: substantially similar law or binding scheme, express informed consent, required or authorised by law, others",
        "APP 8.2(aa), 8.3": "countries and binding schemes prescribed by regulation (2024 amendments)",
        "16C": "the entity stays accountable for the overseas recipient's breaches",
        "Part IIIC": "notifiable data breaches (ss.26WH, 26WK)",
      },
      inForce: "2024-12-10",
      sources: [src.oaicApp8, src.baker, src.ipmojo],
    },
    {
      id: "mhr-act",
      title: "My Health Records Act 2012",
      articles: { "77": "My Health Record system records not held, processed or handled outside Australia (wording from secondary sources)" },
      sources: [src.sognos, src.wattle],
    },
    {
      id: "mhr-rules-2026",
      // No inForce: the reference gives only the date the Rules were made, not their commencement.
      title: "My Health Records Rules 2026 (F2026L00392), made 27 Mar 2026",
      articles: { all: "replace earlier rules; data-location content not reviewed" },
      sources: [src.mhrRules],
    },
  ],
  transfer: {
    restricted: true,
    citations: ["APP 8.1"],
    domestic: { regions: ["AU"], label: "Australia", citations: ["APP 8.1"] },
    importerEstablishment: { rule: "ignored", citations: ["APP 8.1 (an overseas recipient)"] },
    whitelistName: "country or binding scheme prescribed under APP 8.2(aa)",
    whitelist: [],
    mechanisms: [
      {
        id: "au-reasonable-steps",
        label: "reasonable steps under APP 8.1 (generally an enforceable contract), the buyer staying accountable for the recipient under s.16C",
        safeguards: ["contract"],
        citations: ["APP 8.1", "Privacy Act 1988 s.16C"],
        sources: [src.oaicApp8, src.baker],
      },
      {
        id: "au-consent",
        label: "express informed consent under APP 8.2",
        safeguards: ["consent"],
        citations: ["APP 8.2"],
        sources: [src.oaicApp8, src.baker],
      },
    ],
    insufficient: [
      {
        safeguards: ["notice"],
        reason: "telling individuals about the overseas disclosure is not their express informed consent",
        citations: ["APP 8.2"],
      },
    ],
    onwardCitations: ["Privacy Act 1988 s.16C"],
  },
  localization: [
    {
      id: "au-my-health-record",
      summary: "My Health Records Act 2012 s.77, under which My Health Record system records, backups included, are not held, processed or handled outside Australia",
      applies: { categories: ["my-health-record"] },
      allowedRegions: ["AU"],
      bannedUses: ["storage", "backup", "processing", "access"],
      obligation: "hold, process and handle My Health Record system records, and their backups, only in Australia",
      citations: ["My Health Records Act 2012 s.77"],
      sources: [src.sognos, src.wattle],
      verify: true,
      verifyNote:
        "the wording of My Health Records Act 2012 s.77 is known only from secondary sources; the engine treats it as a hard localization rule covering backups and remote access from abroad.",
    },
  ],
  sectorRules: [
    {
      id: "au-clinical-records",
      summary: "ordinary clinical records",
      applies: { categories: ["health"] },
      effect: {
        kind: "flag",
        severity: "info",
        text:
          "Only My Health Record system data must stay in Australia (My Health Records Act 2012 s.77); ordinary clinical records may go overseas under APP 8. " +
          "Mark data taken from the My Health Record system as category my-health-record.",
        when: "offshore",
      },
      citations: ["My Health Records Act 2012 s.77", "APP 8.1"],
      sources: [src.sognos],
    },
  ],
  breach: [
    {
      to: "regulator",
      // The 30 days are for assessing a suspected breach (s.26WH), not for notifying: no figure here.
      deadline:
        "as soon as practicable (a statement to the OAIC under s.26WK); " +
        "a suspected breach must first be assessed, reasonably and expeditiously, within 30 days (s.26WH)",
      trigger: "an eligible data breach, one likely to result in serious harm",
      citations: ["Privacy Act 1988 s.26WH", "Privacy Act 1988 s.26WK"],
      sources: [src.ndb],
    },
    {
      to: "data-subjects",
      deadline: "as soon as practicable",
      trigger: "an eligible data breach",
      citations: ["Privacy Act 1988 Part IIIC"],
      sources: [src.ndb],
    },
  ],
  facts: [
    ...Object.values(facts),
    {
      id: "au-substantially-similar",
      text: "A reasonable belief that the recipient is bound by a substantially similar law or binding scheme is also an exception; Custodian cannot see it in a data map.",
      citations: ["APP 8.2"],
      sources: [src.oaicApp8],
    },
  ],
  sources: [src.oaicApp8, src.oaicOverseas, src.baker, src.sognos],
};

const flags = {
  prescribed: verifyFlag(facts.prescribed, facts.prescribed.citations) as FlagTemplate,
  useOrDisclosure: verifyFlag(facts.useOrDisclosure, facts.useOrDisclosure.citations) as FlagTemplate,
  access: verifyFlag(facts.access, facts.access.citations) as FlagTemplate,
};

function judgeAustralia(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const judged = declarative();
  if (judged.verdict === "permitted" || judged.verdict === "prohibited") return judged;
  const added = [flags.prescribed];
  if (!input.party.ownUse) added.push(flags.useOrDisclosure);
  if (input.location.use === "access") added.push(flags.access);
  return { ...judged, flags: [...judged.flags, ...added] };
}

export const australia: Jurisdiction = { ...base, special: { judgeFlow: judgeAustralia } };
