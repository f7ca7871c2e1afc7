import { gdprState } from "./gdpr";

export const austria = gdprState({
  code: "AT",
  regulator: { name: "Austrian Data Protection Authority (Datenschutzbehörde, DSB)", url: "https://www.dsb.gv.at" },
});
