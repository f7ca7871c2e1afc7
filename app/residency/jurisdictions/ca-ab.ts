import { describeUse, notGoverned, outcome } from "../judge";
import type { Jurisdiction, Source } from "../types";

// Alberta: PIPA for the private sector (reference §4.5, reviewed 23 Nov 2026),
// layered on PIPEDA. No transfer prohibition: using a service provider outside
// Canada is a notice and policy duty (s.13.1). A public body's flows cite no
// PIPA (`special.judgeFlow`); the federal layer holds those leaving Canada
// non-compliant until Alberta's public-sector law is reviewed.

const src = {
  mccarthy: { url: "https://www.mccarthy.ca/en/insights/articles/changes-albertas-private-sector-privacy-legislation-now-force", date: "2010", secondary: true },
  oipc: { url: "https://oipc.ab.ca", date: "undated", note: "the Commissioner's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const notice = "Alberta PIPA s.13.1";

export const alberta: Jurisdiction = {
  code: "CA-AB",
  name: "Alberta",
  parent: "CA",
  blocs: [],
  regulator: { name: "Office of the Information and Privacy Commissioner of Alberta (OIPC Alberta)", url: "https://oipc.ab.ca", sources: [src.oipc] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "ab-pipa",
      title: "Personal Information Protection Act (Alberta, private sector), as amended in force 1 May 2010",
      articles: {
        "13.1":
          "an organisation using a service provider outside Canada names the countries and purposes in its policies and gives individuals notice with a contact who can answer questions",
        "34.1": "notify the Commissioner without unreasonable delay where there is a real risk of significant harm",
      },
      inForce: "2010-05-01",
      sources: [src.mccarthy],
    },
  ],
  transfer: {
    restricted: false,
    citations: [`${notice} (a notice duty, no transfer prohibition)`],
    domestic: { regions: ["CA"], label: "Canada", citations: [notice] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "Alberta listing",
    whitelist: [],
    mechanisms: [],
  },
  localization: [],
  sectorRules: [
    {
      id: "ab-service-provider-outside-canada",
      summary:
        "Alberta PIPA requires an organisation using a service provider outside Canada to name the countries and purposes in its policies and to give individuals notice with a contact for questions",
      applies: { sectors: ["general", "health", "finance"] },
      effect: { kind: "require-safeguards", safeguards: ["notice"], flows: "cross-border", obligation: "notice" },
      citations: [notice],
      sources: [src.mccarthy],
    },
    {
      id: "ab-public-bodies",
      summary: "Alberta public bodies",
      applies: { sectors: ["public"] },
      effect: {
        kind: "flag",
        severity: "medium",
        text:
          "Alberta public bodies are outside PIPA and PIPEDA, and the public-sector law that replaced FOIP was not reviewed for data-residency rules: the offshore flows of this map are non-compliant until that law is reviewed.",
        when: "offshore",
      },
      citations: ["Alberta Protection of Privacy Act (2024-25)"],
      sources: [{ ...src.mccarthy, note: "covers PIPA only; the reference did not research the public sector" }],
      verify: true,
      verifyNote:
        "whether Alberta's Protection of Privacy Act (replacing FOIP in 2024-25) restricts storage or access outside Canada is unconfirmed (not researched).",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "without unreasonable delay",
      trigger: "loss of, or unauthorised access to or disclosure of, personal information where there is a real risk of significant harm",
      citations: ["Alberta PIPA s.34.1"],
      sources: [src.mccarthy],
    },
  ],
  sources: [src.mccarthy],
  special: {
    judgeFlow(input, declarative) {
      if (input.map.scope.sector !== "public") return declarative();
      const what = describeUse(input.location.use, input.location.region.label);
      return notGoverned(`${what} is not governed by Alberta PIPA, which binds private-sector organisations only`);
    },
  },
};
