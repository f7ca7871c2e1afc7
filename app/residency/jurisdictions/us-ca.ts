import { combine, outcome } from "../judge";
import type { Jurisdiction, Source } from "../types";

// California: CCPA as amended by the CPRA (reference §5.3, reviewed 22 Nov
// 2026), layered on the US rules. No geographic transfer restriction: what
// matters is that every recipient is a service provider or contractor under a
// written contract; without one it is a third party and the disclosure may be
// a sale or sharing.

const src = {
  ccr7050: { url: "https://advisori.com/cpra/%c2%a7-7050-service-providers-and-contractors/", date: "undated", secondary: true },
  ccr7026: { url: "https://www.law.cornell.edu/regulations/california/11-CCR-7026", date: "undated" },
  optOut: { url: "https://privacyautomated.ai/articles/ccpa-opt-out-implementation-guide.html", date: "undated", secondary: true },
  sb446: { url: "https://dailyjournal.com/articles/", date: "2025-10", secondary: true, note: "SB 446 breach deadlines (article 388637); the page path is elided in the reference" },
  sb446b: { url: "https://www.dataprotectionreport.com/2025/11/", date: "2025-11", secondary: true, note: "the page path is elided in the reference" },
  cppa: { url: "https://cppa.ca.gov", date: "undated", note: "the CPPA's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const serviceProvider = "11 CCR §7050(a)";
const optOut = ["Cal. Civ. Code §1798.120", "11 CCR §7026"];

export const california: Jurisdiction = {
  code: "US-CA",
  name: "California",
  parent: "US",
  blocs: [],
  regulator: { name: "California Privacy Protection Agency (CPPA) and the California Attorney General", url: "https://cppa.ca.gov", sources: [src.cppa] },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "ccpa",
      title: "California Consumer Privacy Act as amended by the CPRA (Cal. Civ. Code §1798.100 ff.)",
      articles: {
        "1798.100(d)": "contract terms for service providers, contractors and third parties (numbering unconfirmed)",
        "1798.120": "right to opt out of sale or sharing",
        "1798.82": "breach notice to residents and the Attorney General (as amended by SB 446 from 1 Jan 2026)",
      },
      sources: [src.ccr7050, src.optOut, src.sb446, src.sb446b],
    },
    {
      id: "ccpa-regulations",
      title: "CCPA Regulations, 11 CCR §7000 ff.",
      articles: {
        "7050(a)": "a service provider or contractor may use personal information only for the business purposes in its written contract",
        "7051": "contract contents (numbering unconfirmed)",
        "7026": "requests to opt out and opt-out preference signals",
      },
      sources: [src.ccr7050, src.ccr7026],
    },
  ],
  transfer: {
    restricted: false,
    citations: ["CCPA (no geographic transfer restriction)"],
    domestic: { regions: ["US-CA"], label: "California", citations: ["CCPA (no geographic transfer restriction)"] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "California listing",
    whitelist: [],
    mechanisms: [],
  },
  localization: [],
  sectorRules: [
    {
      id: "us-ca-service-provider-contract",
      summary:
        "Under the CCPA a business discloses personal information to a service provider or contractor under a written contract limiting it to the contract's business purposes; without one the recipient is a third party and the disclosure may be a sale or sharing",
      // The CCPA governs businesses; public bodies are outside it.
      applies: { sectors: ["general", "health", "finance"] },
      effect: { kind: "require-safeguards", safeguards: ["contract"], flows: "all", obligation: "contract" },
      citations: [serviceProvider, "Cal. Civ. Code §1798.100(d)", "11 CCR §7051", ...optOut],
      sources: [src.ccr7050, src.ccr7026, src.optOut],
      verify: true,
      verifyNote:
        "the numbering of the CCPA contract-content requirements (Civ. Code §1798.100(d); 11 CCR §7051) was not viewed and is cited as commonly given; the rule itself (11 CCR §7050(a)) is confirmed.",
      verifySeverity: "info",
    },
  ],
  breach: [
    {
      to: "data-subjects",
      deadline: "within 30 calendar days of discovery",
      days: { count: 30, kind: "calendar" },
      trigger: "a breach of California residents' personal information",
      citations: ["Cal. Civ. Code §1798.82 (SB 446, from 1 Jan 2026)"],
      sources: [src.sb446, src.sb446b],
    },
    {
      to: "regulator",
      deadline: "a sample notice to the Attorney General within 15 calendar days of notifying residents",
      days: { count: 15, kind: "calendar" },
      trigger: "a breach affecting more than 500 California residents",
      citations: ["Cal. Civ. Code §1798.82 (SB 446, from 1 Jan 2026)"],
      sources: [src.sb446, src.sb446b],
    },
  ],
  facts: [
    {
      id: "us-ca-no-transfer-rule",
      text: "The CCPA has no geographic transfer restriction.",
      citations: ["CCPA"],
      sources: [src.ccr7050],
    },
  ],
  sources: [src.ccr7050, src.ccr7026, src.optOut],
  special: {
    judgeFlow(input, declarative) {
      const judged = declarative();
      const { party, map } = input;
      if (!party.ownUse || map.scope.sector === "public") return judged;
      // Using the data for its own purposes is outside a service provider's contract (11 CCR §7050(a)).
      return combine(
        judged,
        outcome(
          "non-compliant",
          `${party.name} uses the data for its own purposes, so it is a third party rather than a service provider, and handing it the data may be a sale or sharing that consumers can opt out of`,
          [serviceProvider, ...optOut],
          ["treat it as a sale or sharing: offer the opt-out (Civ. Code §1798.120) and honour opt-out preference signals (11 CCR §7026)"],
        ),
      );
    },
  },
};
