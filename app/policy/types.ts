import type { LocationUse, Region } from "~/datamap/schema";

// The buyer's own residency policy gives findings of its own, next to the
// law's verdicts and always labelled as policy (shared/DESIGN.md).

export type PolicySeverity = "low" | "medium" | "high" | "critical";

export interface PolicyFinding {
  /** Id of the rule that was broken. */
  ruleId: string;
  /** The rule as the buyer reads it: "EU subjects' data stays in the EEA". */
  ruleText: string;
  severity: PolicySeverity;
  /** The flow that breaks it. */
  subject: Region;
  party: string;
  region: Region;
  use: LocationUse;
  /** One sentence saying what breaks the rule. */
  text: string;
}
