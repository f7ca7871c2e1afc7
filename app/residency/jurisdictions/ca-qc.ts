import type { Safeguard } from "~/datamap/schema";
import { describeUse, outcome } from "../judge";
import { RegionSet, regionInfo } from "../regions";
import { describeSafeguard } from "../safeguards";
import type { FlowInput, Jurisdiction, LayerOutcome, Source } from "../types";

// Québec: Law 25, ARPPIPS (CQLR c. P-39.1) s.17 (reference §4.2, reviewed 23 Nov
// 2026), layered on PIPEDA. "Outside Québec" includes the other provinces, so
// the domestic area is Québec alone and a bare "CA" is outside it. Remote access
// is a communication outside Québec (reference X2), as the engine judges it.
// Public bodies answer to the Access Act instead (`judgePublicBody`).

const src = {
  s17: { url: "https://legisquebec.gouv.qc.ca/en/version/cs/P-39.1?code=se%3A17&history=20240930", date: "2024-09-30" },
  blg: {
    url: "https://www.blg.com/en/insights/2022/12/cross-border-transfers-of-personal-information-outside-quebec",
    date: "2022-12",
    secondary: true,
  },
  hilotech: { url: "https://hilotech.ca/en/wiki/law-25/cross-border-transfers", date: "undated", secondary: true },
  observantia: {
    url: "https://observantia.ca/",
    date: "undated",
    secondary: true,
    note: "other provinces are outside Québec; the page path is elided in the reference",
  },
  s70_1: { url: "https://legisquebec.gouv.qc.ca/en/version/cs/A-2.1?code=se%3A70_1&history=20241115", date: "2024-11-15" },
  gowling: {
    url: "https://gowlingwlg.com/en/insights-resources/articles/2022/the-abcs-of-reporting-a-privacy-breach-law-25/",
    date: "2022-12",
    secondary: true,
  },
  cai: { url: "https://www.cai.gouv.qc.ca", date: "undated", note: "the CAI's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

const s17 = "ARPPIPS s.17";
const s70_1 = "Access Act A-2.1 s.70.1";
const quebecOnly = new RegionSet(["CA-QC"]);
const publicBodyNeeds: readonly Safeguard[] = ["contract", "pia"];

/** A public body: Access Act s.70.1 (PIA and written agreement), not ARPPIPS s.17 and its s.8 notice. */
function judgePublicBody(input: FlowInput): LayerOutcome {
  const { location, party } = input;
  const seat = party.country ? regionInfo(party.country) : undefined;
  // s.70.1, like s.17, also covers entrusting a person or body outside Québec.
  const what = !quebecOnly.has(location.region)
    ? describeUse(location.use, location.region.label)
    : seat && !quebecOnly.has(seat)
      ? `Handing the data to ${party.name}, established in ${seat.label},`
      : undefined;
  if (!what) {
    return outcome("permitted", `${describeUse(location.use, location.region.label)} stays within Québec, so Access Act s.70.1 is not engaged`, [s70_1]);
  }
  const missing = publicBodyNeeds.filter((s) => !party.safeguards.includes(s));
  if (missing.length === 0) {
    return outcome(
      "permitted-with-safeguard",
      `${what} takes a public body's personal information outside Québec and relies on a written agreement reflecting a privacy impact assessment under Access Act s.70.1`,
      [s70_1],
    );
  }
  return outcome(
    "non-compliant",
    `${what} takes a public body's personal information outside Québec, which Access Act s.70.1 allows only with a privacy impact assessment and a written agreement; ` +
      `${missing.map(describeSafeguard).join(" and ")} is missing; regulator: Commission d'accès à l'information (CAI)`,
    [s70_1],
    missing,
  );
}

export const quebec: Jurisdiction = {
  code: "CA-QC",
  name: "Québec",
  parent: "CA",
  blocs: [],
  regulator: { name: "Commission d'accès à l'information (CAI)", url: "https://www.cai.gouv.qc.ca", sources: [src.cai] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "arppips",
      title: "Act respecting the protection of personal information in the private sector (CQLR c. P-39.1), as amended by Law 25",
      articles: {
        "3.5": "notify the CAI and the persons concerned promptly of a confidentiality incident with a risk of serious injury",
        "8": "notice at collection that the information may be communicated outside Québec",
        "17":
          "a privacy impact assessment before communicating personal information outside Québec, or entrusting a person or body outside Québec with it; a written agreement reflecting it",
      },
      inForce: "2023-09-22",
      sources: [src.s17, src.blg],
    },
    {
      id: "access-act",
      title: "Act respecting access to documents held by public bodies and the protection of personal information (CQLR c. A-2.1)",
      articles: { "70.1": "the public-body equivalent of s.17: privacy impact assessment and written agreement" },
      sources: [src.s70_1],
    },
    {
      id: "confidentiality-incidents",
      title: "Regulation respecting confidentiality incidents",
      articles: { "register": "keep a register of all confidentiality incidents" },
      inForce: "2022-12-29",
      sources: [src.gowling],
    },
  ],
  transfer: {
    restricted: true,
    citations: [s17],
    domestic: { regions: ["CA-QC"], label: "Québec", citations: [s17] },
    // s.17 also covers entrusting "a person or body outside Québec", whatever its servers' location.
    importerEstablishment: { rule: "counts", citations: [`${s17} (entrusting a person or body outside Québec)`] },
    whitelistName: "exemption from the s.17 privacy impact assessment",
    whitelist: [],
    mechanisms: [
      {
        id: "qc-s17",
        label: "a written agreement reflecting a privacy impact assessment that found the information would receive adequate protection",
        safeguards: ["contract"],
        requires: ["pia", "notice"],
        citations: [s17, "ARPPIPS s.8"],
        sources: [src.s17, src.blg, src.hilotech, src.observantia],
      },
    ],
    insufficient: [
      {
        safeguards: ["consent"],
        reason: "consent does not replace the privacy impact assessment and written agreement that s.17 requires",
        citations: [s17],
      },
      {
        safeguards: ["eu-scc"],
        reason: "clauses count as the s.17 written agreement only if they reflect a Québec privacy impact assessment; record them as contract (contract) once they do",
        citations: [s17],
      },
    ],
    // No onwardCitations: every private-sector flow out of Québec already cites s.17, and a public body's must not.
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "promptly",
      trigger: "a confidentiality incident presenting a risk of serious injury",
      citations: ["ARPPIPS s.3.5"],
      sources: [src.gowling],
    },
    {
      to: "data-subjects",
      deadline: "promptly",
      trigger: "a confidentiality incident presenting a risk of serious injury",
      citations: ["ARPPIPS s.3.5"],
      sources: [src.gowling],
    },
  ],
  facts: [
    {
      id: "qc-no-localization",
      text: "Québec has no storage mandate: it gates transfers with a privacy impact assessment instead.",
      citations: [s17],
      sources: [src.s17],
    },
    {
      id: "qc-incident-register",
      text: "Keep a register of all confidentiality incidents (Regulation respecting confidentiality incidents, in force 29 Dec 2022).",
      citations: ["Regulation respecting confidentiality incidents"],
      sources: [src.gowling],
    },
  ],
  sources: [src.s17, src.blg, src.hilotech, src.s70_1],
  special: {
    judgeFlow: (input, declarative) => (input.map.scope.sector === "public" ? judgePublicBody(input) : declarative()),
  },
};
