import { gdprState } from "./gdpr";

export const netherlands = gdprState({
  code: "NL",
  regulator: { name: "Autoriteit Persoonsgegevens (AP)", url: "https://www.autoriteitpersoonsgegevens.nl" },
});
