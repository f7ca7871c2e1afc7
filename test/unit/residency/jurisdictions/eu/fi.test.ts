import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { flagTexts, onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Finland (FI) under the GDPR", () => {
  gdprStateChecks("FI", { regulator: /Data Protection Ombudsman/, neighbour: "SE" });

  it("permits storage with a DPF-listed US recipient and flags the pending appeal C-703/25 P", () => {
    const result = assessDataMap(single("FI", "US", { safeguards: ["dpf"] }));
    expect(onlyFlow(result).verdict).toBe("permitted");
    const appeal = result.flags.find((f) => f.text.includes("under appeal"));
    expect(appeal?.citations).toContain("CJEU C-703/25 P");
    expect(flagTexts(result).some((t) => t.startsWith("Verify: the outcome of appeal C-703/25 P"))).toBe(true);
  });
});
