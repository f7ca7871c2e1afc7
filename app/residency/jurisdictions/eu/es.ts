import { gdprState } from "./gdpr";

export const spain = gdprState({
  code: "ES",
  regulator: { name: "Agencia Española de Protección de Datos (AEPD)", url: "https://www.aepd.es" },
});
