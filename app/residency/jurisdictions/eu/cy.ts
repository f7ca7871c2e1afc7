import { gdprState } from "./gdpr";

export const cyprus = gdprState({
  code: "CY",
  regulator: { name: "Commissioner for Personal Data Protection", url: "https://www.dataprotection.gov.cy" },
});
