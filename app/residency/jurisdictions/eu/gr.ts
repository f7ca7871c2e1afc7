import { gdprState } from "./gdpr";

export const greece = gdprState({
  code: "GR",
  regulator: { name: "Hellenic Data Protection Authority (HDPA)", url: "https://www.dpa.gr" },
});
