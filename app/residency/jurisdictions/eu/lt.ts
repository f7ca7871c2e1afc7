import { gdprState } from "./gdpr";

export const lithuania = gdprState({
  code: "LT",
  regulator: { name: "State Data Protection Inspectorate (VDAI)", url: "https://vdai.lrv.lt" },
});
