import { CompiledJurisdiction, verifyFlag } from "../judge";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, LocalizationMandate, Mechanism, Source } from "../types";

// Kazakhstan: Law No. 94-V of 21 May 2013 "On Personal Data and Their
// Protection", Art. 12(2) localization and Art. 16 cross-border transfer
// (reference §23, reviewed 22 Nov 2026). A primary database must be in
// Kazakhstan; copies abroad are allowed and judged as transfers, so
// `special.judgeFlow` treats offshore storage beside a Kazakh database as a mirror.

const src = {
  dentons: { url: "https://www.lexology.com/library/detail.aspx?g=23fdbdef-3c11-47ff-a0a7-63082911c4b8", date: "2016", secondary: true, note: "Dentons" },
  technethics: { url: "https://technethics.com/blog/personal-data-protection-in-kazakhstan", date: "undated", secondary: true },
  dlaRegistration: { url: "https://www.dlapiperdataprotection.com/?c=KZ&t=registration", date: "undated", secondary: true },
  ilaw: { url: "https://3ilaw.kz/tpost/fgdj6d40d1-personal-data-important-changes-that-wil", date: "2024-01-03", secondary: true },
  centralAsia: { url: "https://centralasia24.com/", date: "2023", note: "the page path is elided in the reference" },
  govKz: { url: "https://www.gov.kz", date: "undated", note: "government portal hosting the ministry's pages" },
} satisfies Record<string, Source>;

const ART12 = "Law No. 94-V Art. 12(2)";
const ART16 = "Law No. 94-V Art. 16";

const localization: LocalizationMandate = {
  id: "kz-art-12-2",
  summary: "Law No. 94-V Art. 12(2), under which a database containing personal data is kept in Kazakhstan",
  applies: {},
  allowedRegions: ["KZ"],
  bannedUses: ["storage", "backup"],
  primaryCopyOnly: true,
  obligation: "keep the primary database in Kazakhstan",
  citations: [ART12],
  sources: [src.dentons],
};

const consent: Mechanism = {
  id: "kz-consent",
  label: "the consent of the data subject or their legal representative",
  safeguards: ["consent"],
  citations: [ART16],
  sources: [src.technethics],
  verify: true,
  verifyNote:
    "Law No. 94-V Art. 16 is known only from a secondary summary and which states \"ensure protection\" is unconfirmed; the engine requires the data subjects' consent for every export.",
};

const access: Fact = {
  id: "kz-remote-access",
  text: "Remote access from abroad is judged as a cross-border transfer.",
  citations: [ART16],
  sources: [src.technethics],
  verify: true,
  verifyNote: "the reference does not say whether remote access from abroad is a cross-border transfer under Law No. 94-V Art. 16; the engine treats it as one.",
  verifySeverity: "low",
};

const base: Jurisdiction = {
  code: "KZ",
  name: "Kazakhstan",
  blocs: [],
  regulator: { name: "Ministry of Digital Development, Innovation and Aerospace Industry (MDDIAI)", url: "https://www.gov.kz", sources: [src.govKz, src.ilaw] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "law-94-v",
      title: 'Law No. 94-V of 21 May 2013 "On Personal Data and Their Protection"',
      articles: {
        "12(2)": "storage in a database kept in Kazakhstan (from 1 Jan 2016)",
        "16": "cross-border transfer (known from a secondary summary only)",
      },
      sources: [src.dentons, src.technethics],
    },
    {
      id: "law-44-viii",
      title: "Law No. 44-VIII of 11 Dec 2023 (amendments)",
      articles: { breach: "notify the authorised body within one business day (from 1 Jul 2024)" },
      inForce: "2024-02-11",
      sources: [src.ilaw, src.centralAsia],
    },
  ],
  transfer: {
    restricted: true,
    citations: [ART16],
    domestic: { regions: ["KZ"], label: "Kazakhstan", citations: [ART16] },
    importerEstablishment: { rule: "ignored", citations: [ART16] },
    whitelistName: "confirmed list of states ensuring protection of personal data",
    whitelist: [],
    mechanisms: [
      consent,
    ],
    insufficient: [
      {
        safeguards: ["contract"],
        reason: "a contract is not among the Art. 16 grounds (consent, constitutional rights, ratified treaties, constitutional order) in the secondary summary",
        citations: [ART16],
      },
    ],
  },
  localization: [localization],
  sectorRules: [
    {
      id: "kz-registry",
      summary: "the database registry entry",
      applies: {},
      effect: {
        kind: "flag",
        severity: "info",
        text: "Kazakhstan's database registry must record whether cross-border transfer occurs; record it for the CRM database.",
        when: "offshore",
      },
      citations: ["Law No. 94-V (database registry)"],
      sources: [src.dlaRegistration],
    },
  ],
  breach: [
    {
      to: "regulator",
      deadline: "within one business day of detecting the breach",
      days: { count: 1, kind: "business" },
      trigger: "a personal-data security breach (from 1 Jul 2024)",
      citations: ["Law No. 44-VIII (11 Dec 2023)"],
      sources: [src.ilaw, src.centralAsia],
    },
  ],
  facts: [
    access,
    {
      id: "kz-ministry-name",
      text: "The authorised body is the Ministry of Digital Development, Innovation and Aerospace Industry.",
      citations: ["Law No. 94-V"],
      sources: [src.ilaw],
      verify: true,
      verifyNote: "the current name of Kazakhstan's data-protection ministry after any 2025 restructuring is unconfirmed.",
      verifySeverity: "info",
    },
    {
      id: "kz-convention-108",
      text: "Kazakhstan is not a party to Council of Europe Convention 108.",
      citations: [ART16],
      sources: [src.technethics],
    },
  ],
  sources: [src.dentons, src.technethics, src.ilaw],
};

const transferOnly = new CompiledJurisdiction({ ...base, localization: [] });
const accessFlag = verifyFlag(access, access.citations) as FlagTemplate;
const consentFlag = verifyFlag(consent, consent.citations) as FlagTemplate;

function judgeKazakhstan(input: FlowInput, declarative: () => LayerOutcome): LayerOutcome {
  const { location, map } = input;
  let judged = declarative();
  const keptHome = [...map.storedRegions].some((r) => transferOnly.domestic.has(r));
  if (location.use === "storage" && keptHome && !transferOnly.domestic.has(location.region)) {
    // A second store abroad beside the Kazakh database is a mirror, which Art. 12(2) allows.
    const mirror = transferOnly.declarative(input);
    const at = mirror.basis.lastIndexOf("; regulator: ");
    const clause = "; it mirrors a primary database kept in Kazakhstan, which Art. 12(2) allows";
    judged = {
      ...mirror,
      basis: at < 0 ? `${mirror.basis}${clause}` : `${mirror.basis.slice(0, at)}${clause}${mirror.basis.slice(at)}`,
      citations: [...mirror.citations, ART12],
    };
  }
  if (judged.verdict === "permitted" || judged.verdict === "prohibited") return judged;
  // The consent requirement rests on the unconfirmed Art. 16 whether or not consent is in place.
  const added = location.use === "access" ? [consentFlag, accessFlag] : [consentFlag];
  return { ...judged, flags: [...judged.flags, ...added] };
}

export const kazakhstan: Jurisdiction = { ...base, special: { judgeFlow: judgeKazakhstan } };
