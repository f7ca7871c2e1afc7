import { verifyFlag } from "../judge";
import { EEA } from "../regions";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Mechanism, Source } from "../types";

// Japan: APPI Art. 28, provision to a third party in a foreign country (reference
// §10, reviewed 22 Nov 2026). Three paths: a PPC-designated country, a recipient
// system meeting PPC standards ("equivalent measures", by contract), or informed
// prior consent.

const src = {
  bifrost: { url: "https://bifrostindex.ai/guides/japan/international-data-transfers", date: "2026-06-02", secondary: true },
  glocal: { url: "https://www.glocal-c.com/japan-privacylaw-overseas/", date: "undated", secondary: true },
  ukClaim: {
    url: "https://raw.githubusercontent.com/ThomasMoreAI/legal-skills-open/main/jp/data-protection/skills/japan-appi/scripts/process.py",
    date: "undated",
    secondary: true,
    note: "an open-source script listing the UK as designated; not authoritative",
  },
  ppcLeak: {
    url: "https://kiroku.today/en/url/www.ppc.go.jp/personalinfo/legal/leakAction",
    date: "2026-04-07",
    note: "snapshot of the PPC page on leak reporting, saved 7 Apr 2026",
  },
  ppc: { url: "https://www.ppc.go.jp", date: "undated" },
} satisfies Record<string, Source>;

const equivalentMeasures: Mechanism = {
  id: "jp-equivalent-measures",
  label: 'a recipient system meeting PPC standards ("equivalent measures", by contract) with continuing oversight',
  safeguards: ["contract"],
  citations: ["APPI Art. 28(1)", "APPI Art. 28(3)"],
  sources: [src.bifrost, src.glocal],
  verify: true,
  verifyNote: "the continuing-oversight duties of APPI Art. 28(3) were not viewed in the text; the engine lists oversight of the recipient as an obligation.",
  verifySeverity: "low",
};

const access: Fact = {
  id: "jp-remote-access",
  text: "Remote access from abroad by a third party is judged as provision to a third party in a foreign country.",
  citations: ["APPI Art. 28(1)"],
  sources: [src.bifrost],
  verify: true,
  verifyNote: "the reference does not say whether remote access from abroad is provision to a foreign third party under APPI Art. 28; the engine treats it as one.",
  verifySeverity: "low",
};

const base: Jurisdiction = {
  code: "JP",
  name: "Japan",
  blocs: [],
  regulator: { name: "Personal Information Protection Commission (PPC)", url: "https://www.ppc.go.jp", sources: [src.ppc, src.ppcLeak] },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "appi",
      title: "Act on the Protection of Personal Information (APPI)",
      articles: {
        "26": "reporting leaks to the PPC and notifying individuals",
        "27(1)": "exceptions to the third-party provision rules",
        "28": "provision to third parties in foreign countries (Art. 24 before 1 Apr 2022)",
        "28(3)": "continuing oversight of a recipient relied on under equivalent measures (text not viewed)",
      },
      inForce: "2022-04-01",
      sources: [src.bifrost, src.glocal, src.ppcLeak],
    },
  ],
  transfer: {
    restricted: true,
    citations: ["APPI Art. 28(1)"],
    domestic: { regions: ["JP"], label: "Japan", citations: ["APPI Art. 28(1)"] },
    importerEstablishment: { rule: "ignored", citations: ["APPI Art. 28(1) (a third party in a foreign country)"] },
    whitelistName: "PPC designation of a country with equivalent standards",
    whitelist: [
      {
        destinations: EEA,
        label: "the PPC designation of the EU and EEA member states",
        scope: "full",
        decision: "PPC designation of countries with standards equivalent to Japan's",
        citations: ["APPI Art. 28(1)"],
        sources: [src.bifrost],
      },
      {
        destinations: ["GB"],
        label: "a PPC designation of the United Kingdom",
        scope: "full",
        decision: "PPC designation (listed only by a non-authoritative secondary source)",
        citations: ["APPI Art. 28(1)"],
        sources: [src.ukClaim],
        scoredAsNotAdequate: true,
        verify: true,
        verifyNote:
          "whether the PPC has designated the United Kingdom is unconfirmed (one non-authoritative source lists it); transfers to the UK are scored as needing equivalent measures or consent.",
      },
    ],
    mechanisms: [
      equivalentMeasures,
      {
        id: "jp-consent",
        label: "the individuals' prior consent after being told about the destination country's system",
        safeguards: ["consent"],
        citations: ["APPI Art. 28(1)"],
        sources: [src.bifrost, src.glocal],
      },
    ],
    insufficient: [
      {
        safeguards: ["notice"],
        reason: "notice alone is not consent: the individual must consent after being told about the destination country's system",
        citations: ["APPI Art. 28(1)"],
      },
    ],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "promptly",
      trigger:
        "a leak involving special care-required data, data that could cause financial harm, an unlawful act or purpose, or more than 1,000 individuals (100 for administrative agencies)",
      citations: ["APPI Art. 26"],
      sources: [src.ppcLeak],
    },
    {
      to: "regulator",
      deadline: "final report within 60 days",
      days: { count: 60, kind: "calendar" },
      trigger: "a leak involving an unlawful purpose",
      citations: ["APPI Art. 26"],
      sources: [src.ppcLeak],
    },
    {
      to: "regulator",
      deadline: "preliminary report within 3-5 days and final report within 30 days",
      days: { count: 30, kind: "calendar" },
      trigger: "any other reportable leak",
      citations: ["APPI Art. 26"],
      sources: [src.ppcLeak],
      verify: true,
      verifyNote: "the preliminary (3-5 days) and final (30 days) report timings for leaks other than unlawful-purpose ones are unconfirmed.",
      verifySeverity: "info",
    },
    {
      to: "data-subjects",
      deadline: "no deadline is stated in the reference",
      trigger: "the same reportable leaks",
      citations: ["APPI Art. 26"],
      sources: [src.ppcLeak],
    },
  ],
  facts: [
    access,
    {
      id: "jp-article-27-exceptions",
      text: "Transfers falling under the APPI Art. 27(1) exceptions need none of the three paths; Custodian cannot see them in a data map.",
      citations: ["APPI Art. 27(1)"],
      sources: [src.bifrost],
    },
  ],
  sources: [src.bifrost, src.glocal, src.ppcLeak],
};

const accessFlag = verifyFlag(access, access.citations) as FlagTemplate;
const OVERSIGHT = "oversee the recipient's system continuously (APPI Art. 28(3))";

function judgeJapan(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const judged = declarative();
  if (judged.verdict === "permitted") return judged;
  const oversight = input.party.safeguards.includes("contract");
  const accessed = input.location.use === "access";
  if (!oversight && !accessed) return judged;
  return {
    ...judged,
    obligations: oversight ? [...judged.obligations, OVERSIGHT] : judged.obligations,
    flags: accessed ? [...judged.flags, accessFlag] : judged.flags,
  };
}

export const japan: Jurisdiction = { ...base, special: { judgeFlow: judgeJapan } };
