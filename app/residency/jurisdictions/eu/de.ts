import { gdprState } from "./gdpr";

export const germany = gdprState({
  code: "DE",
  regulator: { name: "the Federal Commissioner for Data Protection and Freedom of Information (BfDI) and, for private bodies, the data protection authority of the Land", url: "https://www.bfdi.bund.de" },
});
