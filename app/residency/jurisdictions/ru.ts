import { CompiledJurisdiction, describeUse, outcome, verifyFlag } from "../judge";
import { EEA, RegionSet } from "../regions";
import type { Fact, FlagTemplate, FlowInput, Jurisdiction, LayerOutcome, LocalizationMandate, Mechanism, Source, WhitelistEntry } from "../types";

// Russia: 152-FZ Art. 18(5) localization (23-FZ wording from 1 Jul 2025) and
// Art. 12 cross-border transfer (266-FZ, from 1 Mar 2023) (reference §7,
// reviewed 22 Nov 2026). The subjects are Russian citizens (DESIGN.md).
// "Adequate" countries are not a whitelist in the engine's sense: a transfer
// to them still needs Roskomnadzor's notification, so `special.judgeFlow`
// judges each flow with the mechanism for adequate or for other countries.

const src = {
  b1: { url: "https://b1.ru/en/insights/law-messenger/localization-of-personal-data-of-russian-citizens-6-march-2025/", date: "2025-03-06", secondary: true },
  mondaq: {
    url: "https://www.mondaq.com/russianfederation/data-protection/427224/",
    date: "2015",
    secondary: true,
    note: "nationality-based scope; the page path is elided in the reference",
  },
  gorodissky: { url: "https://www.gorodissky.com/publications/articles/russia-adopts-new-rules-on-cross-border-data-transfers/", date: "2023-03-17", secondary: true },
  solstico: { url: "https://solstico.legal/tpost/80rx7bmds1-changes-in-personal-data-legislation-eff", date: "2023", secondary: true },
  konsuBan: { url: "https://konsugroup.com/en/news/roskomnadzor-can-ban-international-data-transfers-march-1-2023/", date: "undated", secondary: true },
  konsuAdequacy: { url: "https://konsugroup.com/en/news/transborder-personal-data-transfer-russia-2023/", date: "2023", secondary: true },
  breach: { url: "https://www.privacylaws.com/news/russia-s-new-data-breach-notification-duty-in-force-from-1-september/", date: "2022", secondary: true },
  rkn: { url: "https://rkn.gov.ru", date: "undated" },
} satisfies Record<string, Source>;

const ART12 = "152-FZ Art. 12";

const localization: LocalizationMandate = {
  id: "ru-art-18-5",
  summary: "152-FZ Art. 18(5), under which Russian citizens' personal data may not be recorded, accumulated or stored in databases outside Russia",
  applies: {},
  allowedRegions: ["RU"],
  bannedUses: ["storage", "backup"],
  primaryCopyOnly: true,
  obligation: "keep the primary database of Russian citizens' personal data in Russia",
  citations: ["152-FZ Art. 18(5)"],
  sources: [src.b1, src.mondaq],
};

const convention108: WhitelistEntry = {
  destinations: [...EEA, "GB", "CH", "GE", "AZ", "TR"],
  label: "adequacy as a party to Council of Europe Convention 108",
  scope: "parties to Convention 108; a transfer still needs notification of Roskomnadzor",
  decision: "152-FZ Art. 12: parties to Convention 108 ensure adequate protection",
  citations: [ART12, "Council of Europe Convention 108"],
  sources: [src.konsuAdequacy],
  verify: true,
  verifyNote:
    "the reference does not list the parties to Convention 108: the engine counts the EEA states, the United Kingdom and Switzerland (parties; a fact from outside the reference) " +
    "and Georgia, Azerbaijan and Türkiye (named by the reference) as adequate, and Draft Law No. 951518-8, which would end this automatic adequacy, may have been enacted (unconfirmed).",
};

const order128: WhitelistEntry = {
  destinations: ["KZ", "BY", "CN"],
  label: "RKN Order No. 128",
  scope: "states Roskomnadzor lists as ensuring adequate protection; a transfer still needs notification of Roskomnadzor",
  decision: "RKN Order No. 128 of 5 Aug 2022 (in effect from 1 Mar 2023)",
  date: "2022-08-05",
  citations: [ART12, "RKN Order No. 128 (5 Aug 2022)"],
  sources: [src.konsuAdequacy],
  verify: true,
  verifyNote: "only Kazakhstan, Belarus and China are known to be listed in RKN Order No. 128; the full list is unconfirmed.",
  verifySeverity: "low",
};

const notifyAdequate: Mechanism = {
  id: "ru-notification-adequate",
  label: "notification of Roskomnadzor after assessing the recipient, enough for a country ensuring adequate protection",
  safeguards: ["ru-notification"],
  requires: ["tia"],
  citations: ["152-FZ Art. 12 (assessment of the recipient and notification of Roskomnadzor, from 1 Mar 2023)"],
  sources: [src.gorodissky, src.solstico],
};

const consentOther: Mechanism = {
  id: "ru-consent-other",
  label: "the data subjects' written consent with notification of Roskomnadzor after assessing the recipient, for a country not ensuring adequate protection",
  safeguards: ["consent", "ru-notification"],
  requires: ["tia"],
  citations: ["152-FZ Art. 12 (assessment of the recipient and notification of Roskomnadzor, from 1 Mar 2023)", "152-FZ Art. 12 (written consent for countries without adequate protection)"],
  sources: [src.gorodissky, src.konsuAdequacy],
};

const facts = {
  copies: {
    id: "ru-copies-abroad",
    text: "A copy abroad of a database collected and kept in Russia is judged as a cross-border transfer (pre-2025 practice).",
    citations: ["152-FZ Art. 18(5)", ART12],
    sources: [src.b1, src.mondaq],
    verify: true,
    verifyNote:
      "whether copies abroad of a database kept in Russia remain lawful under the 2025 wording of 152-FZ Art. 18(5) is unconfirmed; the engine judges them as transfers under Art. 12, as under the pre-2025 practice.",
    verifySeverity: "high",
  },
  notListed: {
    id: "ru-order-128-list",
    text: "Destinations the reference does not name as adequate are scored as not ensuring adequate protection.",
    citations: [ART12, "RKN Order No. 128 (5 Aug 2022)"],
    sources: [src.konsuAdequacy],
    verify: true,
    verifyNote:
      "the full list in RKN Order No. 128 is unconfirmed (the United States is believed not to be on it); the engine scores destinations the reference does not name as adequate as not ensuring adequate protection.",
  },
  reviewPeriod: {
    id: "ru-review-period",
    text: "While Roskomnadzor considers the notification, transfers to countries not ensuring adequate protection are prohibited.",
    citations: [ART12],
    sources: [src.gorodissky, src.solstico],
    verify: true,
    verifyNote: "the length of Roskomnadzor's review of a transfer notification (believed 10 working days) is unconfirmed.",
    verifySeverity: "low",
  },
  access: {
    id: "ru-remote-access",
    text: "Remote access from abroad to data in Russia is judged as a cross-border transfer.",
    citations: [ART12],
    sources: [src.gorodissky],
    verify: true,
    verifyNote: "the reference does not say whether remote access from abroad is a cross-border transfer under 152-FZ Art. 12; the engine treats it as one.",
    verifySeverity: "low",
  },
  exceptions: {
    id: "ru-localization-exceptions",
    text: "Art. 18(5) has narrow exceptions, those in Art. 6(1) clauses 2, 3, 4 and 8; a CRM is not taken to fall under them.",
    citations: ["152-FZ Art. 18(5)", "152-FZ Art. 6(1)"],
    sources: [src.b1],
  },
  otherGrounds: {
    id: "ru-other-grounds",
    text: "To a country not ensuring adequate protection, a treaty, a contract with the data subject or vital interests can also ground a transfer; Custodian cannot see these in a data map.",
    citations: [ART12],
    sources: [src.konsuAdequacy],
  },
  bans: {
    id: "ru-transfer-bans",
    text: "Roskomnadzor can prohibit or restrict transfers (Government Decrees No. 6 and No. 24 of Jan 2023).",
    citations: [ART12, "Government Decree No. 6 (2023)", "Government Decree No. 24 (2023)"],
    sources: [src.konsuBan],
  },
  sanctions: {
    id: "ru-sanctions",
    text: "Dealing with Russia may also be restricted by EU and US sanctions and by the US DOJ rule (Russia is a country of concern); not analysed.",
    citations: ["28 CFR Part 202"],
    sources: [src.konsuBan],
  },
} satisfies Record<string, Fact>;

const base: Jurisdiction = {
  code: "RU",
  name: "Russia",
  blocs: [],
  regulator: { name: "Roskomnadzor (RKN)", url: "https://rkn.gov.ru", sources: [src.rkn, src.gorodissky] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "152-fz",
      title: 'Federal Law No. 152-FZ "On Personal Data" (27 July 2006)',
      articles: {
        "12": "cross-border transfer: assessment of the recipient and notification of Roskomnadzor (266-FZ, from 1 Mar 2023)",
        "18(5)": "localization of Russian citizens' personal data (242-FZ from 1 Sep 2015; 23-FZ wording from 1 Jul 2025)",
        "21": "breach reporting to Roskomnadzor (from 1 Sep 2022)",
      },
      inForce: "2006-07-27",
      sources: [src.b1, src.gorodissky],
    },
    { id: "23-fz", title: "Federal Law No. 23-FZ (published 28 Feb 2025)", articles: { "18(5)": "rewords the localization rule" }, inForce: "2025-07-01", sources: [src.b1] },
    { id: "266-fz", title: "Federal Law No. 266-FZ of 14 July 2022", articles: { "12": "rewrites the cross-border transfer rule" }, inForce: "2023-03-01", sources: [src.gorodissky, src.solstico] },
  ],
  transfer: {
    restricted: true,
    citations: [ART12],
    domestic: { regions: ["RU"], label: "Russia", citations: [ART12] },
    importerEstablishment: { rule: "ignored", citations: [ART12] },
    whitelistName: "adequate-protection listing (Convention 108 party or RKN Order No. 128)",
    whitelist: [convention108, order128],
    mechanisms: [notifyAdequate, consentOther],
  },
  localization: [localization],
  sectorRules: [],
  breach: [
    {
      to: "regulator",
      deadline: "within 24 hours of a leak",
      hours: 24,
      trigger: "an unlawful or accidental transfer (leak) of personal data",
      citations: ["152-FZ Art. 21 (266-FZ, from 1 Sep 2022)"],
      sources: [src.breach],
    },
    {
      to: "regulator",
      deadline: "the results of the internal investigation within 72 hours",
      hours: 72,
      trigger: "the same leak",
      citations: ["152-FZ Art. 21 (266-FZ, from 1 Sep 2022)"],
      sources: [src.breach],
    },
  ],
  facts: Object.values(facts),
  sources: [src.b1, src.gorodissky, src.konsuAdequacy, src.breach],
};

function variant(mechanism: Mechanism, whitelistName: string, insufficient: Jurisdiction["transfer"]["insufficient"] = []): CompiledJurisdiction {
  return new CompiledJurisdiction({ ...base, transfer: { ...base.transfer, whitelistName, whitelist: [], mechanisms: [mechanism], insufficient } });
}

const toAdequate = variant(notifyAdequate, "exemption from the Art. 12 notification duty");
const toOther = variant(consentOther, base.transfer.whitelistName, [
  {
    safeguards: ["ru-notification"],
    reason:
      "notification alone suffices only for a country ensuring adequate protection; here written consent is needed (or a treaty, a contract with the data subject or vital interests, which Custodian cannot see)",
    citations: [ART12],
  },
]);

const must = (flag: FlagTemplate | undefined): FlagTemplate => {
  if (!flag) throw new Error("a Russian fact lost its verify flag");
  return flag;
};
const adequacy = [convention108, order128].map((entry) => ({ entry, regions: new RegionSet(entry.destinations), flag: must(verifyFlag(entry, entry.citations)) }));
const flags = {
  copies: must(verifyFlag(facts.copies, facts.copies.citations)),
  notListed: must(verifyFlag(facts.notListed, facts.notListed.citations)),
  reviewPeriod: must(verifyFlag(facts.reviewPeriod, facts.reviewPeriod.citations)),
  access: must(verifyFlag(facts.access, facts.access.citations)),
};

function judgeRussia(input: FlowInput): LayerOutcome {
  const { location, map } = input;
  const adequate = adequacy.find((a) => a.regions.has(location.region));
  const compiled = adequate ? toAdequate : toOther;
  const judged = compiled.declarative(input);
  if (compiled.domestic.has(location.region) || judged.verdict === "prohibited") return judged;

  const inRussia = [...map.primaryRegions].some((r) => compiled.domestic.has(r));
  if (location.use === "processing" && !inRussia) {
    // With no database in Russia, processing abroad is the initial collection abroad.
    return outcome(
      "prohibited",
      `${describeUse(location.use, location.region.label)} breaches ${localization.summary}: no party stores or processes the data in Russia, ` +
        `so it is collected into a database abroad; no transfer mechanism cures a localization breach; regulator: ${base.regulator.name}`,
      localization.citations,
      [localization.obligation],
    );
  }

  const added: FlagTemplate[] = [adequate ? adequate.flag : flags.notListed];
  // Anything but remote access that reaches this point is a copy of the database kept in Russia.
  if (location.use !== "access") added.push(flags.copies);
  if (location.use === "access") added.push(flags.access);
  const obligations = [...judged.obligations];
  if (!adequate) {
    added.push(flags.reviewPeriod);
    obligations.push("transfer only after Roskomnadzor's review of the notification ends");
  }
  const status = adequate
    ? `${location.region.label} counts as ensuring adequate protection (${adequate.entry.label})`
    : `${location.region.label} is not known to ensure adequate protection`;
  const at = judged.basis.lastIndexOf("; regulator: ");
  const basis = at < 0 ? `${judged.basis}; ${status}` : `${judged.basis.slice(0, at)}; ${status}${judged.basis.slice(at)}`;
  const citations = [...judged.citations];
  for (const c of adequate ? adequate.entry.citations : facts.notListed.citations) if (!citations.includes(c)) citations.push(c);
  return { ...judged, basis, citations, obligations, flags: [...judged.flags, ...added] };
}

export const russia: Jurisdiction = { ...base, special: { judgeFlow: (input) => judgeRussia(input) } };
