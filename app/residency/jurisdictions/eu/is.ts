import { gdprState } from "./gdpr";

// An EEA-EFTA state: the GDPR applies through the EEA Agreement, and EU adequacy
// decisions only once incorporated into it (see the Brazil entry in gdpr.ts).
export const iceland = gdprState({
  code: "IS",
  regulator: { name: "Icelandic Data Protection Authority (Persónuvernd)", url: "https://www.personuvernd.is" },
  eeaEfta: true,
});
