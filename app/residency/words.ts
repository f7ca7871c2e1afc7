import type { LocationUse } from "~/datamap/schema";
import type { Verdict } from "./types";

// A verdict is always words plus colour, the same four words everywhere (STYLE.md).

export const verdictOrder: readonly Verdict[] = ["permitted", "permitted-with-safeguard", "non-compliant", "prohibited"];

export const verdictWords: Readonly<Record<Verdict, string>> = {
  permitted: "permitted",
  "permitted-with-safeguard": "permitted with safeguard",
  "non-compliant": "non-compliant",
  prohibited: "prohibited",
};

export const useLabels: Readonly<Record<LocationUse, string>> = {
  storage: "Storage",
  backup: "Backup",
  access: "Remote access",
  processing: "Processing",
};
