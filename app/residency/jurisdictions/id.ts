import { verifyFlag } from "../judge";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// Indonesia: Law No. 27 of 2022 on Personal Data Protection, Art. 56, and
// Government Regulation 71/2019 for public-scope localization (reference §21,
// reviewed 22 Nov 2026).

const src = {
  oneAsia: { url: "https://oneasia.legal/en/?p=6148", date: "2023-11", secondary: true },
  draftRegulation: { url: "https://digitalpolicyalert.org/event/", date: "2023", note: "event 14200, the draft implementing regulation; the page path is elided in the reference" },
  baker: {
    url: "https://resourcehub.bakermckenzie.com/",
    date: "2023-12-28",
    secondary: true,
    note: "Indonesia, data localization and residency; the page path is elided in the reference",
  },
  ahp: { url: "https://ahp.id/?p=3030", date: "2019", secondary: true },
  sip: { url: "https://siplawfirm.id/pdp-law-is-eventually-enacted-part-ii/", date: "2022", secondary: true },
  komdigi: { url: "https://www.komdigi.go.id", date: "undated" },
} satisfies Record<string, Source>;

const ART56 = "PDP Law No. 27 of 2022 Art. 56";
const GR71 = "Government Regulation 71/2019";

const facts = {
  regulation: {
    id: "id-implementing-regulation",
    text: "The Government Regulation implementing the PDP Law was consulted in draft (Aug-Sep 2023).",
    citations: [ART56],
    sources: [src.draftRegulation],
    verify: true,
    verifyNote: "whether the Government Regulation implementing PDP Law Art. 56 has been issued, and what it adds, is unconfirmed; the engine applies Art. 56 as written.",
    verifySeverity: "low",
  },
  agency: {
    id: "id-agency",
    text: "The PDP Law's supervisory agency is designated by and responsible to the President.",
    citations: ["PDP Law No. 27 of 2022"],
    sources: [src.oneAsia],
    verify: true,
    verifyNote: "whether the PDP Law's supervisory agency has been established and named is unconfirmed.",
    verifySeverity: "info",
  },
  access: {
    id: "id-remote-access",
    text: "Remote access from abroad is judged as a transfer outside Indonesia.",
    citations: [ART56],
    sources: [src.oneAsia],
    verify: true,
    verifyNote: "the reference does not say whether remote access from abroad is a transfer under PDP Law Art. 56; the engine treats it as one.",
    verifySeverity: "low",
  },
} satisfies Record<string, Fact>;

const base: Jurisdiction = {
  code: "ID",
  name: "Indonesia",
  blocs: [],
  regulator: {
    name: "the PDP agency designated by the President (establishment unconfirmed); the Ministry of Communication and Digital Affairs (Komdigi) for GR 71/2019",
    url: "https://www.komdigi.go.id",
    sources: [src.komdigi, src.oneAsia],
  },
  reviewed: "2026-11-22",
  instruments: [
    {
      id: "pdp-law",
      title: "Law No. 27 of 2022 on Personal Data Protection",
      articles: { "56": "cross-border transfer: equal or higher protection, else adequate and binding safeguards, else consent", "46": "breach notification (number unconfirmed)" },
      inForce: "2024-10-17",
      sources: [src.oneAsia, src.sip],
    },
    { id: "gr-71", title: "Government Regulation 71/2019 on electronic systems", articles: { localization: "public-scope electronic system operators process and store data in Indonesia" }, sources: [src.baker, src.ahp] },
    { id: "moci-5-2020", title: "MOCI Regulation 5/2020", articles: {}, sources: [src.baker] },
  ],
  transfer: {
    restricted: true,
    citations: [ART56],
    domestic: { regions: ["ID"], label: "Indonesia", citations: [ART56] },
    importerEstablishment: { rule: "ignored", citations: [ART56] },
    whitelistName: "finding that the destination's protection is equal to or higher than Indonesia's",
    whitelist: [],
    mechanisms: [
      { id: "id-contract", label: "adequate and binding safeguards (a binding contract)", safeguards: ["contract"], citations: [ART56], sources: [src.oneAsia] },
      { id: "id-bcr", label: "adequate and binding safeguards (binding corporate rules)", safeguards: ["bcr"], citations: [ART56], sources: [src.oneAsia] },
      {
        id: "id-consent",
        label: "the data subject's consent, the last resort when neither equal protection nor binding safeguards is available",
        safeguards: ["consent"],
        citations: [ART56],
        sources: [src.oneAsia],
      },
    ],
  },
  localization: [
    {
      id: "id-public-scope",
      summary: "GR 71/2019, under which public-scope electronic system operators process and store data in Indonesia unless the technology is not available there",
      applies: { sectors: ["public"] },
      allowedRegions: ["ID"],
      bannedUses: ["storage", "backup", "processing"],
      obligation: "process and store the data in Indonesia (unless the technology is not available locally)",
      citations: [GR71],
      sources: [src.baker, src.ahp],
    },
  ],
  sectorRules: [
    {
      id: "id-private-scope",
      summary: "private-scope electronic system operators storing offshore",
      applies: { sectors: ["general", "health", "finance"] },
      effect: {
        kind: "flag",
        severity: "info",
        text: "A private-scope electronic system operator may store data offshore only if it allows supervision and access by the Indonesian authorities (GR 71/2019).",
        when: "offshore",
      },
      citations: [GR71],
      sources: [src.baker],
    },
    {
      id: "id-financial-services",
      summary: "financial-services localization",
      applies: { sectors: ["finance"] },
      effect: { kind: "flag", severity: "medium", text: "Financial-services rules may require local storage in Indonesia; they are not encoded.", when: "offshore" },
      citations: [GR71],
      sources: [src.baker],
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "in writing within 3 × 24 hours",
      hours: 72,
      trigger: "a failure of personal data protection",
      citations: ["PDP Law No. 27 of 2022 Art. 46"],
      sources: [src.sip],
      verify: true,
      verifyNote: "the article number of the PDP Law breach duty (believed Art. 46) is unconfirmed.",
      verifySeverity: "info",
    },
    {
      to: "data-subjects",
      deadline: "in writing within 3 × 24 hours",
      hours: 72,
      trigger: "a failure of personal data protection",
      citations: ["PDP Law No. 27 of 2022 Art. 46"],
      sources: [src.sip],
      verify: true,
      verifyNote: "the article number of the PDP Law breach duty (believed Art. 46) is unconfirmed.",
      verifySeverity: "info",
    },
  ],
  facts: Object.values(facts),
  sources: [src.oneAsia, src.baker, src.sip],
};

const flags = {
  regulation: verifyFlag(facts.regulation, facts.regulation.citations) as FlagTemplate,
  access: verifyFlag(facts.access, facts.access.citations) as FlagTemplate,
};

function judgeIndonesia(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const judged = declarative();
  if (judged.verdict === "permitted" || judged.verdict === "prohibited") return judged;
  const added = input.location.use === "access" ? [flags.regulation, flags.access] : [flags.regulation];
  return { ...judged, flags: [...judged.flags, ...added] };
}

export const indonesia: Jurisdiction = { ...base, special: { judgeFlow: judgeIndonesia } };
