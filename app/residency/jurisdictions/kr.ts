import { CompiledJurisdiction } from "../judge";
import { EEA } from "../regions";
import type { FlowInput, Jurisdiction, LayerOutcome, Mechanism, Source } from "../types";

// Republic of Korea: PIPA Arts 28-8 and 28-9 as amended in force 15 Sep 2023
// (reference §11, reviewed 22 Nov 2026). "Transfer" covers provision,
// entrustment and storage abroad. The contract-necessity ground covers only
// entrusted storage or processing, so `special.judgeFlow` drops it for a
// recipient that uses the data for its own purposes.

const src = {
  chambers: { url: "https://gpg-pdf.chambers.com/view/158325293/399", date: "2025", secondary: true, note: "Kim & Chang, Chambers Global Practice Guide" },
  prighter289: { url: "https://prighter.com/resources/laws/korean-pipa/main/articles/article-28-9", date: "undated" },
  prighterDecree: { url: "https://prighter.com/resources/laws/korean-pipa/enforcement-decree/articles/article-29-9", date: "undated" },
  kimChang: { url: "https://www.kimchang.com/en/insights/detail.kc?idx=32959", date: "2025-09-17", secondary: true },
  chosun: { url: "https://biz.chosun.com/en/en-it/2025/09/16/", date: "2025-09-16", note: "the page path is elided in the reference" },
  dlaBreach: { url: "https://www.dlapiperdataprotection.com/?c=KR&t=breach-notification", date: "undated", secondary: true },
  pipc: { url: "https://www.pipc.go.kr", date: "undated" },
} satisfies Record<string, Source>;

const GROUNDS = "PIPA Art. 28-8(1)";

const consent: Mechanism = {
  id: "kr-consent",
  label: "the data subjects' separate consent",
  safeguards: ["consent"],
  citations: [`${GROUNDS}(1)`],
  sources: [src.chambers],
};

const contractNecessity: Mechanism = {
  id: "kr-contract-necessity",
  label:
    "the ground for storage or processing entrusted abroad as necessary to perform a contract with the data subject, disclosed in the privacy policy or by email, " +
    "under a contract with safety measures and grievance handling",
  safeguards: ["notice", "contract"],
  citations: [`${GROUNDS}(3)`],
  sources: [src.chambers],
};

const base: Jurisdiction = {
  code: "KR",
  name: "Republic of Korea",
  blocs: [],
  regulator: { name: "Personal Information Protection Commission (PIPC); KISA receives breach reports", url: "https://www.pipc.go.kr", sources: [src.pipc, src.chambers] },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "pipa",
      title: "Personal Information Protection Act (PIPA), amended 2023",
      articles: {
        "28-8": "grounds for transferring personal information overseas",
        "28-9": "orders to suspend overseas transfers",
        "34": "breach notification and reporting",
      },
      inForce: "2023-09-15",
      sources: [src.prighter289, src.chambers],
    },
    {
      id: "pipa-decree",
      title: "PIPA Enforcement Decree",
      articles: { "29-7 to 29-12": "overseas transfer details" },
      inForce: "2023-09-15",
      sources: [src.prighterDecree],
    },
  ],
  transfer: {
    restricted: true,
    citations: [GROUNDS],
    domestic: { regions: ["KR"], label: "the Republic of Korea", citations: [GROUNDS] },
    importerEstablishment: { rule: "ignored", citations: [GROUNDS] },
    whitelistName: "PIPC equivalency recognition",
    whitelist: [
      {
        destinations: EEA,
        label: "the PIPC equivalency recognition of the EU and EEA states",
        scope: "provision, access, outsourced processing and storage in EU-region clouds; excludes resident registration numbers and personal credit information",
        conditions: [
          {
            kind: "excludes-categories",
            categories: ["credit-information", "government-id"],
            text: "does not cover resident registration numbers or personal credit information (any government ID is taken to be a possible resident registration number)",
          },
        ],
        decision: "PIPC equivalency recognition of 30 countries",
        date: "2025-09-16",
        citations: [`${GROUNDS}(5)`],
        sources: [src.kimChang, src.chosun],
      },
    ],
    mechanisms: [consent, contractNecessity],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "within 72 hours (to the PIPC or KISA)",
      hours: 72,
      trigger: "a leak affecting 1,000 or more data subjects, involving sensitive or unique identifiers, or caused by external unauthorised access",
      citations: ["PIPA Art. 34"],
      sources: [src.dlaBreach],
    },
    {
      to: "data-subjects",
      deadline: "within 72 hours",
      hours: 72,
      trigger: "the same leaks",
      citations: ["PIPA Art. 34"],
      sources: [src.dlaBreach],
    },
  ],
  facts: [
    {
      id: "kr-2026-breach-amendment",
      text: "A 2026 amendment extends notification to a possible breach and to forgery, alteration or damage; details depend on the Presidential Decree.",
      citations: ["PIPA Art. 34"],
      sources: [src.dlaBreach],
      verify: true,
      verifyNote: "the effective date of the 2026 amendment to PIPA Art. 34 is unconfirmed.",
      verifySeverity: "info",
    },
    {
      id: "kr-other-grounds",
      text: "A treaty or a PIPC-recognised certification held by the recipient can also ground a transfer; no DataMap safeguard records them.",
      citations: [`${GROUNDS}(2)`, `${GROUNDS}(4)`],
      sources: [src.chambers],
    },
    {
      id: "kr-suspension",
      text: "The PIPC can order an overseas transfer suspended.",
      citations: ["PIPA Art. 28-9"],
      sources: [src.prighter289],
    },
  ],
  sources: [src.chambers, src.kimChang, src.prighter289, src.dlaBreach],
};

const forOwnUse = new CompiledJurisdiction({
  ...base,
  transfer: {
    ...base.transfer,
    mechanisms: [consent],
    insufficient: [
      {
        safeguards: ["notice", "contract"],
        reason: "the contract-necessity ground covers only storage or processing entrusted abroad, not a recipient using the data for its own purposes",
        citations: [`${GROUNDS}(3)`],
      },
    ],
  },
});

function judgeKorea(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  return input.party.ownUse ? forOwnUse.declarative(input) : declarative();
}

export const korea: Jurisdiction = { ...base, special: { judgeFlow: judgeKorea } };
