import { gdprState } from "./gdpr";

export const estonia = gdprState({
  code: "EE",
  regulator: { name: "Data Protection Inspectorate (Andmekaitse Inspektsioon)", url: "https://www.aki.ee" },
});
