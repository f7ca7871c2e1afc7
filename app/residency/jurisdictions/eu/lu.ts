import { gdprState } from "./gdpr";

export const luxembourg = gdprState({
  code: "LU",
  regulator: { name: "Commission nationale pour la protection des données (CNPD)", url: "https://cnpd.public.lu" },
});
