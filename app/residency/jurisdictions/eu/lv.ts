import { gdprState } from "./gdpr";

export const latvia = gdprState({
  code: "LV",
  regulator: { name: "Data State Inspectorate (Datu valsts inspekcija)", url: "https://www.dvi.gov.lv" },
});
