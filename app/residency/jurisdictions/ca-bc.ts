import { describeUse, notGoverned, outcome } from "../judge";
import { RegionSet } from "../regions";
import type { FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// British Columbia: FIPPA for public bodies (reference §4.4, reviewed 23 Nov
// 2026), layered on PIPEDA. Bill 22 repealed the data-residency rule on 25 Nov
// 2021; what remains is disclosure outside Canada under the regulations and a
// supplementary privacy impact assessment for storage outside Canada. Temporary
// processing abroad is allowed by s.33(2)(u), and a private-sector buyer's flows
// cite no FIPPA (`special.judgeFlow`).

const src = {
  cantech: {
    url: "https://cantechlaw.ca/en/news/12830421/",
    date: "2021",
    secondary: true,
    note: "Bill 22 in force 25 Nov 2021; the page path is elided in the reference",
  },
  youngAnderson: {
    url: "https://www.younganderson.ca/publications/bulletins/update-on-significant-amendments-to-the-freedom-of-information-and-protection-of-privacy-act",
    date: "2021-11-30",
    secondary: true,
  },
  ahbl: { url: "https://ahbl.ca/recap-on-changes-to-freedom-of-information-and-protection-of-privacy-act", date: "2022", secondary: true, note: "dated 2021/22" },
  oipc: { url: "https://www.oipc.bc.ca", date: "undated", note: "the Commissioner's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const disclosure = "FIPPA s.33.1";
const temporaryProcessing = "FIPPA s.33(2)(u)";
const inCanada = new RegionSet(["CA"]);

const temporaryProcessingFlag: FlagTemplate = {
  severity: "low",
  text:
    "A British Columbia public body's processing outside Canada was judged permitted relying on FIPPA s.33(2)(u): temporary processing without intentional access by an individual. " +
    "If the data is kept there or people access it, record that location as storage or access: those need the supplementary privacy impact assessment.",
  citations: [temporaryProcessing],
};

function judgeBritishColumbia(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const { location, map } = input;
  const what = describeUse(location.use, location.region.label);
  if (map.scope.sector !== "public") {
    return notGoverned(`${what} is not governed by British Columbia's FIPPA, which binds public bodies only`);
  }
  if (location.use === "processing" && !inCanada.has(location.region)) {
    return outcome(
      "permitted",
      `${what} is taken as temporary processing outside Canada without intentional access by an individual, which ${temporaryProcessing} permits`,
      [temporaryProcessing],
      [],
      [temporaryProcessingFlag],
    );
  }
  return declarative();
}

export const britishColumbia: Jurisdiction = {
  code: "CA-BC",
  name: "British Columbia",
  parent: "CA",
  blocs: [],
  regulator: { name: "Office of the Information and Privacy Commissioner for British Columbia (OIPC BC)", url: "https://www.oipc.bc.ca", sources: [src.oipc] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "bc-fippa",
      title: "Freedom of Information and Protection of Privacy Act, as amended by Bill 22 (FOIPPA Amendment Act 2021)",
      articles: {
        "33.1": "a public body may disclose personal information outside Canada only in accordance with the regulations, if any",
        "33(2)(u)": "temporary processing outside Canada that does not involve intentional access by an individual",
        "36.3": "breach notification without unreasonable delay (brought into force by regulation)",
        "old 30.1 and 33.1": "the data-residency rules, repealed",
      },
      inForce: "2021-11-25",
      sources: [src.cantech, src.youngAnderson],
    },
    {
      id: "bc-m462-2021",
      title: "Ministerial Order M462/2021 (regulations under s.33.1) and the ministerial PIA directions",
      articles: { "PIA directions": "a supplementary assessment where a public body stores personal information outside Canada" },
      inForce: "2021-11-26",
      sources: [src.youngAnderson, src.ahbl],
    },
  ],
  transfer: {
    restricted: false,
    citations: [disclosure],
    domestic: { regions: ["CA"], label: "Canada", citations: [disclosure] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "British Columbia listing",
    whitelist: [],
    mechanisms: [],
  },
  localization: [],
  sectorRules: [
    {
      id: "bc-supplementary-pia",
      summary:
        "A British Columbia public body may disclose personal information outside Canada only under the regulations, and the ministerial directions require a supplementary privacy impact assessment for storing it outside Canada",
      applies: { sectors: ["public"] },
      effect: { kind: "require-safeguards", safeguards: ["pia"], flows: "cross-border", obligation: "pia" },
      citations: [disclosure, "Ministerial Order M462/2021", "FIPPA ministerial PIA directions (supplementary assessment)"],
      sources: [src.youngAnderson, src.ahbl, src.cantech],
      verify: true,
      verifyNote:
        "whether Ministerial Order M462/2021 sets conditions beyond the supplementary PIA (e.g. for sensitive data) is unconfirmed; the engine asks for the PIA on every storage, backup or access outside Canada and for nothing more.",
      verifySeverity: "low",
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "without unreasonable delay",
      trigger: "a privacy breach by a public body (s.36.3, brought into force by regulation)",
      citations: ["FIPPA s.36.3"],
      sources: [src.youngAnderson],
      verify: true,
      verifyNote: "the commencement date of BC FIPPA s.36.3 (public-body breach notification) is unconfirmed.",
      verifySeverity: "info",
    },
  ],
  facts: [
    {
      id: "bc-residency-repealed",
      text: "British Columbia's public-sector data-residency rule was repealed on 25 Nov 2021; storage outside Canada is no longer prohibited.",
      citations: ["FOIPPA Amendment Act 2021 (Bill 22)"],
      sources: [src.cantech, src.youngAnderson],
    },
  ],
  sources: [src.youngAnderson, src.ahbl, src.cantech],
  special: { judgeFlow: judgeBritishColumbia },
};
