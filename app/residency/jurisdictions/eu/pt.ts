import { gdprState } from "./gdpr";

export const portugal = gdprState({
  code: "PT",
  regulator: { name: "Comissão Nacional de Proteção de Dados (CNPD)", url: "https://www.cnpd.pt" },
});
