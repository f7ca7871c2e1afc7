import { gdprState } from "./gdpr";

export const malta = gdprState({
  code: "MT",
  regulator: { name: "Information and Data Protection Commissioner (IDPC)", url: "https://idpc.org.mt" },
});
