import { describeUse, outcome } from "../judge";
import type { Fact, Jurisdiction, Source } from "../types";
import { flagOf, withStricterReadings } from "./stricter-readings";

// Abu Dhabi Global Market: ADGM Data Protection Regulations 2021, Part V
// (reference §15, reviewed 22 Nov 2026). Layered on AE, whose PDPL excludes
// the free zones (ae.ts), so ADGM law decides these flows.

const src = {
  part5: { url: "https://adgmen.thomsonreuters.com/entiresection/23384", date: "undated", note: "ADGM DPR 2021 Part V, ss.40-41" },
  clyde: {
    url: "https://www.clydeco.com/zh/insights/2026/april/a-new-era-for-regional-data-flow-mutual-adequacy-r",
    date: "2026-04-07",
    secondary: true,
  },
} satisfies Record<string, Source>;

const DPR = "ADGM DPR 2021";
const adequacy = [`${DPR} s.40`, `${DPR} s.41`];
const mutual = "DIFC/ADGM/QFC mutual adequacy recognition (Jan 2026)";

const accessIsTransfer: Fact & { verify: true } = {
  id: "ae-adgm-remote-access",
  text: "The reference does not say whether remote access from outside the ADGM is a transfer under ADGM DPR 2021 Part V.",
  citations: adequacy,
  sources: [src.part5],
  verify: true,
  verifySeverity: "low",
  verifyNote:
    "whether remote access from outside the ADGM counts as a transfer under ADGM DPR 2021 Part V is not settled by the reference; the engine treats it as one, as the EEA does (reference X1).",
};

const otherAdequacy: Fact & { verify: true } = {
  id: "ae-adgm-adequacy-list",
  text: "Apart from the DIFC (and the QFC) under the 2026 mutual recognition, the ADGM's adequacy decisions could not be confirmed.",
  citations: adequacy,
  sources: [src.part5, src.clyde],
  verify: true,
  verifyNote:
    "which jurisdictions the ADGM Commissioner of Data Protection has found adequate, other than the DIFC and the QFC, is unconfirmed; the engine relies on none.",
};

const otherGrounds: Fact & { verify: true } = {
  id: "ae-adgm-other-grounds",
  text: "The reference covers only ADGM DPR 2021 s.40 (general principle) and s.41 (adequacy); any other transfer ground is not in the catalogue.",
  citations: [`${DPR} Part V`],
  sources: [src.part5],
  verify: true,
  verifySeverity: "high",
  verifyNote:
    "the ADGM transfer grounds other than adequacy (such as appropriate safeguards or derogations under DPR 2021 Part V) are not covered by the reference; the engine accepts no safeguard, so every transfer without an adequacy decision is non-compliant until counsel confirms a ground.",
};

const otherGroundsFlag = flagOf(otherGrounds);

// With no confirmed safeguard the declarative basis would read "no safeguard is
// accepted", which overstates the law: say instead what the catalogue lacks.
const judgeFlow = withStricterReadings({ accessIsTransfer, whitelistUnconfirmed: otherAdequacy }, (input, declarative) => {
  const judged = declarative();
  if (judged.verdict !== "non-compliant") return judged;
  return outcome(
    "non-compliant",
    `${describeUse(input.location.use, input.location.region.label)} leaves the ADGM without an adequacy decision of the Commissioner of Data Protection (${DPR} s.41) for it, ` +
      "and the catalogue confirms no other Part V transfer ground, so it is non-compliant until counsel confirms one; regulator: ADGM Office of Data Protection",
    [...judged.citations, `${DPR} Part V`],
    ["confirm an ADGM DPR 2021 Part V transfer ground with counsel"],
    [...judged.flags, otherGroundsFlag],
  );
});

export const abuDhabiGlobalMarket: Jurisdiction = {
  code: "AE-ADGM",
  name: "Abu Dhabi Global Market",
  parent: "AE",
  blocs: [],
  regulator: {
    name: "ADGM Office of Data Protection",
    // The reference names no site of the Office; this is the ADGM's own.
    url: "https://www.adgm.com",
    sources: [src.part5],
  },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "adgm-dpr",
      title: "ADGM Data Protection Regulations 2021",
      articles: {
        "40": "general principle for transfers",
        "41": "transfers on the basis of an adequacy decision by the Commissioner of Data Protection",
      },
      sources: [src.part5],
    },
  ],
  transfer: {
    restricted: true,
    citations: adequacy,
    domestic: { regions: ["AE-ADGM"], label: "the ADGM", citations: [`${DPR} s.40`] },
    importerEstablishment: { rule: "ignored", citations: [`${DPR} s.41 (transfers to a third country)`] },
    whitelistName: "ADGM adequacy decision",
    whitelist: [
      {
        destinations: ["AE-DIFC"],
        label: "the ADGM recognition of the DIFC as adequate",
        scope: "full",
        decision: "mutual adequacy recognition of the DIFC, the ADGM and the QFC",
        date: "2026-01",
        citations: [`${DPR} s.41`, mutual],
        sources: [src.clyde],
      },
      {
        destinations: ["QA-QFC"],
        label: "an ADGM recognition of the Qatar Financial Centre",
        scope: "full",
        decision: "mutual adequacy recognition of January 2026 (the QFC recognises the ADGM; the reverse is implied)",
        date: "2026-01",
        citations: [`${DPR} s.41`, mutual],
        sources: [src.clyde],
        scoredAsNotAdequate: true,
        verify: true,
        verifyNote:
          "whether the ADGM formally recognises the Qatar Financial Centre (QA-QFC) in return is unconfirmed (the reference's appendix lists it, its text calls the reverse recognition implied); DataMaps cannot name QA-QFC (it has no ISO 3166-2 code), and Qatar as a whole (QA) is not covered.",
      },
    ],
    mechanisms: [],
    onwardCitations: [`${DPR} Part V (onward transfers)`],
  },
  localization: [],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "believed to be within 72 hours",
      hours: 72,
      trigger: "a personal data breach",
      citations: [`${DPR} (breach notification)`],
      sources: [src.part5],
      verify: true,
      verifyNote: "the ADGM breach-notification deadline (believed 72 hours) and its section are unconfirmed.",
      verifySeverity: "low",
    },
  ],
  facts: [accessIsTransfer, otherAdequacy, otherGrounds],
  sources: [src.part5, src.clyde],
  special: { judgeFlow },
};
