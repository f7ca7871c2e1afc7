import { gdprState } from "./gdpr";

export const sweden = gdprState({
  code: "SE",
  regulator: { name: "Swedish Authority for Privacy Protection (IMY)", url: "https://www.imy.se" },
});
