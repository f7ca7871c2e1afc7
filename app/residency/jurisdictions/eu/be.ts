import { gdprState } from "./gdpr";

export const belgium = gdprState({
  code: "BE",
  regulator: { name: "Belgian Data Protection Authority (APD/GBA)", url: "https://www.dataprotectionauthority.be" },
});
