import { gdprState } from "./gdpr";

export const hungary = gdprState({
  code: "HU",
  regulator: { name: "National Authority for Data Protection and Freedom of Information (NAIH)", url: "https://naih.hu" },
});
