import { gdprState } from "./gdpr";

// An EEA-EFTA state: the GDPR applies through the EEA Agreement, and EU adequacy
// decisions only once incorporated into it (see the Brazil entry in gdpr.ts).
export const norway = gdprState({
  code: "NO",
  regulator: { name: "Norwegian Data Protection Authority (Datatilsynet)", url: "https://www.datatilsynet.no" },
  eeaEfta: true,
});
