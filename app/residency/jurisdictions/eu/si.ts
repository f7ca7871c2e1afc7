import { gdprState } from "./gdpr";

export const slovenia = gdprState({
  code: "SI",
  regulator: { name: "Information Commissioner (Informacijski pooblaščenec)", url: "https://www.ip-rs.si" },
});
