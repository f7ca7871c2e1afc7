import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Ireland (IE) under the GDPR", () => {
  gdprStateChecks("IE", { regulator: /Data Protection Commission/, neighbour: "NL" });

  it("accepts a UK Extension participant for Irish data sent to the United States, since the Extension sits on the DPF List", () => {
    const flow = onlyFlow(assessDataMap(single("IE", "US", { safeguards: ["dpf-uk"] })));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("Decision (EU) 2023/1795");
  });

  it("does not accept Swiss-US DPF certification alone for Irish data sent to the United States", () => {
    const flow = onlyFlow(assessDataMap(single("IE", "US", { safeguards: ["dpf-ch"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain('no "dpf"');
  });
});
