import { gdprState } from "./gdpr";

export const bulgaria = gdprState({
  code: "BG",
  regulator: { name: "Commission for Personal Data Protection (CPDP)", url: "https://www.cpdp.bg" },
});
