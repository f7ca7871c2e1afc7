import { gdprState } from "./gdpr";

export const finland = gdprState({
  code: "FI",
  regulator: { name: "Office of the Data Protection Ombudsman (Tietosuojavaltuutetun toimisto)", url: "https://tietosuoja.fi" },
});
