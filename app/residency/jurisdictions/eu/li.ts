import { gdprState } from "./gdpr";

// An EEA-EFTA state: the GDPR applies through the EEA Agreement, and EU adequacy
// decisions only once incorporated into it (see the Brazil entry in gdpr.ts).
export const liechtenstein = gdprState({
  code: "LI",
  regulator: { name: "Data Protection Authority of Liechtenstein (Datenschutzstelle)", url: "https://www.datenschutzstelle.li" },
  eeaEfta: true,
});
