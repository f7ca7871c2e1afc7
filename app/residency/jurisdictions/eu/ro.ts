import { gdprState } from "./gdpr";

export const romania = gdprState({
  code: "RO",
  regulator: { name: "National Supervisory Authority for Personal Data Processing (ANSPDCP)", url: "https://www.dataprotection.ro" },
});
