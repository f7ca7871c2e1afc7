import { CompiledJurisdiction, verifyFlag } from "../judge";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Mechanism, Source } from "../types";

// Singapore: PDPA s.26, the Transfer Limitation Obligation, with the Personal
// Data Protection Regulations 2021 regs 10-12 (reference §13, reviewed 22 Nov
// 2026). Binding corporate rules bind only related organisations, so
// `special.judgeFlow` accepts them only for the vendor's affiliates.

const src = {
  reg10: { url: "https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-10", date: "2026", note: "current version" },
  reg11: { url: "https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-11", date: "2026", note: "current version" },
  reg12: { url: "https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-12", date: "2026", note: "current version, with S 86/2026 from 2 Mar 2026" },
  s26d: { url: "https://laws.sg/legislation/act-2012-pdpa/section-26d", date: "undated", note: "current version" },
  pdpc: { url: "https://www.pdpc.gov.sg", date: "undated" },
} satisfies Record<string, Source>;

const TLO = "PDPA s.26";

const contract: Mechanism = {
  id: "sg-contract",
  label: "legally enforceable obligations of comparable protection under a contract naming the destination countries and territories",
  safeguards: ["contract"],
  citations: ["PDPR 2021 reg 10(1)", "PDPR 2021 reg 11(2)(b)"],
  sources: [src.reg10, src.reg11],
};
const bcr: Mechanism = {
  id: "sg-bcr",
  label: "binding corporate rules binding a related recipient",
  safeguards: ["bcr"],
  citations: ["PDPR 2021 reg 10(1)", "PDPR 2021 reg 11"],
  sources: [src.reg11],
};
const consent: Mechanism = {
  id: "sg-consent",
  label: "consent given after a written summary of the destination's protection (deemed compliance)",
  safeguards: ["consent"],
  citations: ["PDPR 2021 reg 10(2)"],
  sources: [src.reg10],
};

const access: Fact = {
  id: "sg-remote-access",
  text: "Remote access from abroad is judged as a transfer out of Singapore.",
  citations: [TLO],
  sources: [src.reg10],
  verify: true,
  verifyNote: "the reference does not say whether remote access from abroad is a transfer under PDPA s.26; the engine treats it as one.",
  verifySeverity: "low",
};

const base: Jurisdiction = {
  code: "SG",
  name: "Singapore",
  blocs: [],
  regulator: { name: "Personal Data Protection Commission (PDPC)", url: "https://www.pdpc.gov.sg", sources: [src.pdpc, src.s26d] },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "pdpa",
      title: "Personal Data Protection Act 2012 (PDPA)",
      articles: { "26": "Transfer Limitation Obligation", "26A-26E": "data breach notification (Part 6A)", "26D(1)": "notify the PDPC within 3 calendar days" },
      sources: [src.s26d],
    },
    {
      id: "pdpr-2021",
      title: "Personal Data Protection Regulations 2021",
      articles: {
        "10(1)": "the recipient bound by legally enforceable obligations of at least comparable protection",
        "10(2)": "deemed compliance: consent after a written summary, deemed consent, necessity, data in transit, publicly available data",
        "11": "obligations by law, contract (naming the countries, reg 11(2)(b)), binding corporate rules (related entities) or other binding instrument",
        "12": "APEC CBPR and PRP, and Global CBPR and PRP (S 86/2026, from 2 Mar 2026)",
      },
      sources: [src.reg10, src.reg11, src.reg12],
    },
  ],
  transfer: {
    restricted: true,
    citations: [TLO],
    domestic: { regions: ["SG"], label: "Singapore", citations: [TLO] },
    importerEstablishment: { rule: "ignored", citations: [TLO] },
    whitelistName: "whitelist of destinations under the PDPA",
    whitelist: [],
    mechanisms: [contract, bcr, consent],
    insufficient: [
      {
        safeguards: ["notice"],
        reason: "notice alone is not consent after a written summary of the destination's protection",
        citations: ["PDPR 2021 reg 10(2)"],
      },
    ],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "as soon as is practicable, but in any case no later than 3 calendar days after the day the organisation assesses the breach as notifiable",
      days: { count: 3, kind: "calendar" },
      trigger: "a breach likely to cause significant harm, or of significant scale (at least 500 individuals)",
      citations: ["PDPA s.26D(1)"],
      sources: [src.s26d],
    },
    {
      to: "data-subjects",
      deadline: "no deadline is stated in the reference",
      trigger: "a breach likely to cause significant harm to them",
      citations: ["PDPA Part 6A"],
      sources: [src.s26d],
    },
  ],
  facts: [
    access,
    {
      id: "sg-certification",
      text: "A recipient certified under APEC CBPR or PRP, or Global CBPR or PRP (PRP only for data intermediaries), meets the obligation; no DataMap safeguard records it.",
      citations: ["PDPR 2021 reg 12"],
      sources: [src.reg12],
    },
  ],
  sources: [src.reg10, src.reg11, src.reg12, src.s26d],
};

const unrelated = new CompiledJurisdiction({
  ...base,
  transfer: {
    ...base.transfer,
    mechanisms: [contract, consent],
    insufficient: [
      ...(base.transfer.insufficient ?? []),
      { safeguards: ["bcr"], reason: "binding corporate rules count only for a recipient related to the transferring organisation", citations: ["PDPR 2021 reg 11"] },
    ],
  },
});
const accessFlag = verifyFlag(access, access.citations) as FlagTemplate;

function judgeSingapore(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const judged = input.party.role === "affiliate" ? declarative() : unrelated.declarative(input);
  if (input.location.use !== "access" || judged.verdict === "permitted") return judged;
  return { ...judged, flags: [...judged.flags, accessFlag] };
}

export const singapore: Jurisdiction = { ...base, special: { judgeFlow: judgeSingapore } };
