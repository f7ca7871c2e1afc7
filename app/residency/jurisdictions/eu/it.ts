import { gdprState } from "./gdpr";

export const italy = gdprState({
  code: "IT",
  regulator: { name: "Garante per la protezione dei dati personali", url: "https://www.garanteprivacy.it" },
});
