import { gdprState } from "./gdpr";

export const czechia = gdprState({
  code: "CZ",
  regulator: { name: "Office for Personal Data Protection (ÚOOÚ)", url: "https://uoou.gov.cz" },
});
