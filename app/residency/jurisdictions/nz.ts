import { describeUse, outcome, verifyFlag } from "../judge";
import { RegionSet } from "../regions";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// New Zealand: Privacy Act 2020, IPP 12 on disclosure outside New Zealand
// (reference §19, reviewed 22 Nov 2026). Storing or processing on the buyer's
// behalf is not a disclosure; only recipients using the data for their own
// purposes are judged, and one established in New Zealand is subject to the Act.

const src = {
  mondaq: { url: "https://www.mondaq.com/australia/data-protection/1047106/", date: "2020-12", secondary: true, note: "the page path is elided in the reference" },
  fmlaw: { url: "https://fmlaw.co.nz/key-changes-in-the-new-privacy-act-2020/", date: "2020", secondary: true },
  kindrik: { url: "https://kindrik.co.nz/blogs/", date: "2020", secondary: true, note: "the page path is elided in the reference" },
  haumaru: { url: "https://www.haumaru.ltd/blog/privacy-act-2020-breach-notification", date: "undated", secondary: true },
  opc: { url: "https://www.privacy.org.nz", date: "undated" },
} satisfies Record<string, Source>;

const IPP12 = "Privacy Act 2020 IPP 12";

const prescribed: Fact = {
  id: "nz-prescribed-countries",
  text: "No country or binding scheme was prescribed under IPP 12 at commencement.",
  citations: [IPP12],
  sources: [src.kindrik],
  verify: true,
  verifyNote: "whether any country or binding scheme has been prescribed under IPP 12 by 2026 is unconfirmed (none at commencement); the engine assumes none.",
  verifySeverity: "low",
};

const base: Jurisdiction = {
  code: "NZ",
  name: "New Zealand",
  blocs: [],
  regulator: { name: "Office of the Privacy Commissioner", url: "https://www.privacy.org.nz", sources: [src.opc, src.fmlaw] },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "privacy-act-2020",
      title: "Privacy Act 2020",
      articles: { "IPP 12": "disclosure of personal information outside New Zealand", "Part 6": "notifiable privacy breaches" },
      inForce: "2020-12-01",
      sources: [src.mondaq, src.fmlaw, src.kindrik],
    },
  ],
  transfer: {
    restricted: true,
    citations: [IPP12],
    domestic: { regions: ["NZ"], label: "New Zealand", citations: [IPP12] },
    importerEstablishment: { rule: "ignored", citations: [IPP12] },
    whitelistName: "country or binding scheme prescribed under IPP 12",
    whitelist: [],
    mechanisms: [
      {
        id: "nz-comparable-safeguards",
        label: "an agreement giving safeguards comparable to the Act",
        safeguards: ["contract"],
        citations: [IPP12],
        sources: [src.mondaq, src.fmlaw],
      },
      {
        id: "nz-authorisation",
        label: "the individual's authorisation after being expressly informed",
        safeguards: ["consent"],
        citations: [IPP12],
        sources: [src.mondaq, src.fmlaw],
      },
    ],
    processorIsNotATransfer: {
      text: "IPP 12 does not apply to a provider that only stores or processes the information on the buyer's behalf and does not use it for its own purposes",
      citations: [IPP12],
    },
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "as soon as practicable (the Commissioner treats delays beyond 72 hours as needing justification)",
      trigger: "a notifiable privacy breach, one causing or likely to cause serious harm",
      citations: ["Privacy Act 2020 Part 6"],
      sources: [src.haumaru],
    },
    {
      to: "data-subjects",
      deadline: "as soon as practicable",
      trigger: "a notifiable privacy breach",
      citations: ["Privacy Act 2020 Part 6"],
      sources: [src.haumaru],
    },
  ],
  facts: [prescribed],
  sources: [src.mondaq, src.fmlaw, src.kindrik, src.haumaru],
};

const home = new RegionSet(["NZ"]);
const prescribedFlag = verifyFlag(prescribed, prescribed.citations) as FlagTemplate;

function judgeNewZealand(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const { party, location } = input;
  if (party.country && home.has(party.country) && !home.has(location.region)) {
    return outcome(
      "permitted",
      `${describeUse(location.use, location.region.label)} is not a disclosure to a foreign person or entity: ${party.name} is established in New Zealand and subject to the Act`,
      [IPP12],
    );
  }
  const judged = declarative();
  if (judged.verdict !== "permitted-with-safeguard" && judged.verdict !== "non-compliant") return judged;
  return { ...judged, flags: [...judged.flags, prescribedFlag] };
}

export const newZealand: Jurisdiction = { ...base, special: { judgeFlow: judgeNewZealand } };
