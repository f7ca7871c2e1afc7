import { describeUse, notGoverned, outcome } from "../judge";
import type { Jurisdiction, Source } from "../types";

// Nova Scotia: PIIDPA (reference §4.3, reviewed 23 Nov 2026), layered on
// PIPEDA. It binds public bodies and their service providers only: their
// personal information stays in Canada, for storage and access alike. A
// private-sector buyer in Nova Scotia is left to PIPEDA, so its flows cite no
// PIIDPA (`special.judgeFlow`).

const src = {
  acadia: { url: "https://hub.acadiau.ca/TDClient/39/Portal/KB/ArticleDet?ID=1002", date: "undated", note: "university guidance on PIIDPA" },
  actMirror: {
    url: "https://lakestlouissailing.com/article/personal-information-international-disclosure-protection-act",
    date: "undated",
    note: "mirror of the Act's text",
  },
  bill150: { url: "https://www.nslegislature.ca/fr/legc/bills/65th_1st/1st_read/b150.htm", date: "undated" },
  civics: { url: "https://www.civicsproject.org/regions/nova-scotia/bill/65/150", date: "undated", secondary: true },
  privacyLawyer: { url: "https://blog.privacylawyer.ca/2025/11/?m=0", date: "2025-11-09", secondary: true },
  oipc: { url: "https://oipc.novascotia.ca", date: "undated", note: "the Commissioner's site; not part of the 2026-11-22 reference" },
} satisfies Record<string, Source>;

export const novaScotia: Jurisdiction = {
  code: "CA-NS",
  name: "Nova Scotia",
  parent: "CA",
  blocs: [],
  regulator: { name: "Nova Scotia Information and Privacy Commissioner", url: "https://oipc.novascotia.ca", sources: [src.oipc] },
  reviewed: "2026-11-23",
  instruments: [
    {
      id: "piidpa",
      title: "Personal Information International Disclosure Protection Act, SNS 2006, c.3 (PIIDPA)",
      articles: {
        "5(1)": "personal information in a public body's custody or control is not stored or accessed outside Canada, subject to limited exceptions",
        "5(2)": "exceptions (a head's decision to meet the necessary requirements of the public body's operation; text unconfirmed)",
      },
      sources: [src.acadia, src.actMirror],
    },
    {
      id: "ns-foipop-2025",
      title: "Freedom of Information and Protection of Privacy Act (Bill 150, passed 3 Oct 2025)",
      articles: { "residency": "public bodies generally cannot store or access personal information outside Canada unless regulations allow it" },
      inForce: "2027-04-01",
      sources: [src.bill150, src.civics, src.privacyLawyer],
    },
  ],
  transfer: {
    restricted: false,
    citations: ["PIIDPA s.5(1) (public bodies only)"],
    domestic: { regions: ["CA"], label: "Canada", citations: ["PIIDPA s.5(1)"] },
    importerEstablishment: { rule: "ignored", citations: [] },
    whitelistName: "Nova Scotia listing",
    whitelist: [],
    mechanisms: [],
  },
  localization: [
    {
      id: "ns-piidpa-public-bodies",
      summary: "Nova Scotia's PIIDPA rule that a public body's personal information is stored and accessed only in Canada",
      applies: { sectors: ["public"] },
      allowedRegions: ["CA"],
      // Processing abroad puts the data on foreign systems, i.e. stores or exposes it there.
      bannedUses: ["storage", "backup", "access", "processing"],
      obligation: "store and access the public body's personal information only in Canada",
      citations: ["PIIDPA s.5(1)"],
      sources: [src.acadia, src.actMirror],
      verify: true,
      verifyNote:
        "the exact text of the PIIDPA s.5(2) exceptions is unconfirmed; the engine applies the s.5(1) ban without exceptions, so a head's decision under s.5(2) (which must be reported) is not recognised.",
      verifySeverity: "low",
    },
  ],
  sectorRules: [
    {
      id: "ns-health-authorities",
      summary: "Nova Scotia health authorities, public bodies under PIIDPA",
      applies: { sectors: ["health"] },
      effect: {
        kind: "flag",
        severity: "high",
        text:
          "If the buyer is a Nova Scotia health authority or other public body, PIIDPA s.5(1) forbids storage or access outside Canada and no safeguard cures it; assess the map with sector 'public'.",
        when: "offshore",
      },
      citations: ["PIIDPA s.5(1)"],
      sources: [src.acadia, src.actMirror],
    },
  ],
  breach: [],
  facts: [
    {
      id: "ns-exception-reporting",
      text: "Where a public body relies on an exception, storage or access outside Canada must be reported.",
      citations: ["PIIDPA s.5(2)"],
      sources: [src.acadia],
    },
    {
      id: "ns-bill-150",
      text:
        "The new Freedom of Information and Protection of Privacy Act (Bill 150) takes over from 1 Apr 2027 and keeps the residency rule; existing contracts stay under PIIDPA until they end.",
      citations: ["Nova Scotia Bill 150 (2025)"],
      sources: [src.bill150, src.civics, src.privacyLawyer],
    },
    {
      id: "ns-breach",
      text: "No public-body breach-notification deadline for Nova Scotia is encoded.",
      citations: ["PIIDPA"],
      sources: [src.acadia],
      verify: true,
      verifyNote: "Nova Scotia's public-body breach-notification duty and deadline are unconfirmed and not encoded.",
      verifySeverity: "info",
    },
  ],
  sources: [src.acadia, src.actMirror, src.bill150, src.privacyLawyer],
  special: {
    judgeFlow(input, declarative) {
      if (input.map.scope.sector === "public") return declarative();
      const what = describeUse(input.location.use, input.location.region.label);
      return notGoverned(`${what} is not governed by PIIDPA, which binds public bodies only; PIPEDA governs a private-sector buyer`);
    },
  },
};
