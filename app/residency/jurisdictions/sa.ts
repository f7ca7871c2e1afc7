import type { Fact, Jurisdiction, Source } from "../types";
import { withStricterReadings } from "./stricter-readings";

// Saudi Arabia: Personal Data Protection Law (Royal Decree M/19 of 1443H,
// amended by M/148 of 1444H), its Implementing Regulation and the Regulation on
// Personal Data Transfer outside the Kingdom as amended in force 14 Sep 2024
// (reference §14, reviewed 22 Nov 2026).

const src = {
  art29: {
    url: "https://ksapdpl.com/saudi-pdpl-article-29-cross-border-data-transfers-and-disclosures",
    date: "undated",
    note: "copy of the SDAIA text",
  },
  art24: { url: "https://ksapdpl.com/pdpl-implementing-regulation-article-24-notification-of-personal-data-breach", date: "undated" },
  baker: {
    url: "https://insightplus.bakermckenzie.com/bm/data-technology/saudi-arabia-updates-data-transfer-regulations-and-introduces-the-first-set-of-standard-contractual-clauses",
    date: "2024-09",
    secondary: true,
  },
  dpa: { url: "https://digitalpolicyalert.org/event/", date: "2024", secondary: true, note: "event 14303; the page path is elided in the reference" },
  chambers: { url: "https://gpg-pdf.chambers.com/view/158325293/368", date: "2025", secondary: true, note: "Chambers Global Practice Guide, Saudi Arabia" },
} satisfies Record<string, Source>;

const PDPL = "PDPL Art. 29";
const REG = "SA Transfer Regulation (amended, in force 14 Sep 2024)";

const accessIsTransfer: Fact & { verify: true } = {
  id: "sa-remote-access",
  text: "The reference does not say whether remote access from abroad to data held in Saudi Arabia is a transfer under PDPL Art. 29.",
  citations: [PDPL],
  sources: [src.art29],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside Saudi Arabia counts as a transfer under PDPL Art. 29 is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const noAdequacy: Fact & { verify: true } = {
  id: "sa-adequacy",
  text: "No SDAIA adequacy decision had been published and confirmed in the 2024-2025 sources.",
  citations: [PDPL, REG],
  sources: [src.baker, src.chambers],
  verify: true,
  verifySeverity: "low",
  verifyNote: "whether SDAIA has issued any adequacy decision since the 2024-2025 sources is unconfirmed; the engine relies on none.",
};

const ART29_PURPOSE = "record the PDPL Art. 29 purpose of the transfer and send only the minimum necessary data";

export const saudiArabia: Jurisdiction = {
  code: "SA",
  name: "Saudi Arabia",
  blocs: [],
  regulator: {
    name: "Saudi Data & AI Authority (SDAIA)",
    // The reference names no site of SDAIA; this is its own.
    url: "https://sdaia.gov.sa",
    sources: [src.art29, src.baker],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "sa-pdpl",
      title: "Personal Data Protection Law (Royal Decree M/19 of 1443H, amended by Royal Decree M/148 of 1444H)",
      articles: {
        "29":
          "transfers outside the Kingdom only for listed purposes, without prejudice to national security or vital interests, " +
          "with an adequate level of protection at the destination and only the minimum necessary data",
      },
      sources: [src.art29],
    },
    {
      id: "sa-implementing-regulation",
      title: "PDPL Implementing Regulation",
      articles: { "24": "notification of a personal data breach" },
      sources: [src.art24],
    },
    {
      id: "sa-transfer-regulation",
      title: "Regulation on Personal Data Transfer outside the Kingdom (amended version published 1 Sep 2024)",
      articles: {
        "4(2)(c)": "centralised processing by multinationals is a permitted purpose",
        safeguards:
          "since 2024 only SDAIA standard contractual clauses, binding common rules and a certificate of accreditation; a risk assessment is required when relying on one",
      },
      inForce: "2024-09-14",
      sources: [src.baker, src.dpa],
    },
  ],
  transfer: {
    restricted: true,
    citations: [PDPL],
    domestic: { regions: ["SA"], label: "Saudi Arabia", citations: [PDPL] },
    importerEstablishment: { rule: "ignored", citations: [`${PDPL} (transfers outside the Kingdom)`] },
    whitelistName: "SDAIA adequacy decision",
    whitelist: [],
    mechanisms: [
      {
        id: "sa-scc",
        label: "the SDAIA standard contractual clauses",
        safeguards: ["sa-scc"],
        requires: ["tia"],
        citations: [REG, `${REG}: risk assessment`],
        sources: [src.baker, src.dpa],
      },
      {
        id: "sa-binding-common-rules",
        label: "binding common rules",
        safeguards: ["bcr"],
        requires: ["tia"],
        citations: [REG, `${REG}: risk assessment`],
        sources: [src.baker, src.dpa],
      },
    ],
    insufficient: [
      {
        safeguards: ["eu-scc"],
        reason:
          "the EU SCCs are not among the three appropriate safeguards the 2024 Transfer Regulation allows (SDAIA standard clauses, binding common rules, a certificate of accreditation)",
        citations: [REG],
      },
      {
        safeguards: ["contract"],
        reason: "a contract counts only if it is the SDAIA standard contractual clauses (sa-scc)",
        citations: [REG],
      },
    ],
    onwardCitations: [`${PDPL} (onward transfers)`],
  },
  localization: [],
  sectorRules: [
    {
      id: "sa-sector-localization",
      summary: "Saudi sector and national-security rules that may keep data in the Kingdom",
      // §14 speaks of government, health and financial data: a general-sector buyer holding them counts too.
      applies: [{ sectors: ["public", "health", "finance"] }, { categories: ["health", "my-health-record", "financial", "payment", "credit-information"] }],
      effect: {
        kind: "flag",
        severity: "high",
        text:
          "Saudi sector or national-security rules (government, health and financial data, e.g. NCA cloud controls and SAMA rules) may require this data to stay in the Kingdom; " +
          "the PDPL itself has no localization rule, and these sector rules are not in the catalogue, so a lawyer must review the offshore flows.",
        when: "offshore",
      },
      citations: ["Chambers GPG Saudi Arabia 2025 (sectoral localization)"],
      sources: [src.chambers],
      verify: true,
      verifyNote: "which Saudi sectoral localization rules apply (NCA cloud controls, SAMA) is unconfirmed; the engine does not score them as localization.",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "within 72 hours of becoming aware",
      hours: 72,
      trigger: "an incident that may harm the data or the data subjects",
      citations: ["PDPL Implementing Regulation Art. 24"],
      sources: [src.art24],
    },
    {
      to: "data-subjects",
      deadline: "without undue delay",
      trigger: "a breach likely to harm them",
      citations: ["PDPL Implementing Regulation Art. 24"],
      sources: [src.art24],
    },
  ],
  facts: [
    accessIsTransfer,
    noAdequacy,
    {
      id: "sa-accreditation",
      text:
        "A certificate of accreditation is the third appropriate safeguard under the 2024 Transfer Regulation; the DataMap has no code for it, so a recipient relying on one shows as lacking a safeguard.",
      citations: [REG],
      sources: [src.baker],
    },
    {
      id: "sa-derogations",
      text: "Derogations (e.g. contract performance, vital interests, public-entity transfers) are not encoded: the DataMap records safeguards, not the grounds for a single transfer.",
      citations: [REG],
      sources: [src.baker],
    },
  ],
  sources: [src.art29, src.art24, src.baker, src.chambers],
  special: {
    judgeFlow: withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: noAdequacy }, (_input, declarative) => {
      const judged = declarative();
      // Art. 29's purpose and minimisation conditions bind every transfer, safeguard or not.
      if (judged.verdict === "permitted" || judged.verdict === "prohibited") return judged;
      return { ...judged, obligations: [...judged.obligations, ART29_PURPOSE] };
    }),
  },
};
