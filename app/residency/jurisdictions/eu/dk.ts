import { gdprState } from "./gdpr";

export const denmark = gdprState({
  code: "DK",
  regulator: { name: "Danish Data Protection Agency (Datatilsynet)", url: "https://www.datatilsynet.dk" },
});
