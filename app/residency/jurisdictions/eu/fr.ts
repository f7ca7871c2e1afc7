import { gdprState } from "./gdpr";

export const france = gdprState({
  code: "FR",
  regulator: { name: "Commission nationale de l'informatique et des libertés (CNIL)", url: "https://www.cnil.fr" },
});
