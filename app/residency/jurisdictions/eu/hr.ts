import { gdprState } from "./gdpr";

export const croatia = gdprState({
  code: "HR",
  regulator: { name: "Personal Data Protection Agency (AZOP)", url: "https://azop.hr" },
});
