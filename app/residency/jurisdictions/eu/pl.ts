import { gdprState } from "./gdpr";

export const poland = gdprState({
  code: "PL",
  regulator: { name: "President of the Personal Data Protection Office (UODO)", url: "https://uodo.gov.pl" },
});
