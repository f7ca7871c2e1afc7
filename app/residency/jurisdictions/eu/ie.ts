import { gdprState } from "./gdpr";

export const ireland = gdprState({
  code: "IE",
  regulator: { name: "Data Protection Commission (DPC)", url: "https://www.dataprotection.ie" },
});
