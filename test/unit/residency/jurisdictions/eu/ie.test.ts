import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Ireland (IE) under the GDPR", () => {
  gdprStateChecks("IE", { regulator: /Data Protection Commission/, neighbour: "NL" });

  it("does not accept the UK Extension alone for Irish data sent to the United States", () => {
    const flow = onlyFlow(assessDataMap(single("IE", "US", { safeguards: ["dpf-uk"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain('no "dpf"');
  });
});
