import { gdprState } from "./gdpr";

export const slovakia = gdprState({
  code: "SK",
  regulator: { name: "Office for Personal Data Protection of the Slovak Republic", url: "https://dataprotection.gov.sk" },
});
