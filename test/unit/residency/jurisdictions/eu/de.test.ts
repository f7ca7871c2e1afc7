import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Germany (DE) under the GDPR", () => {
  gdprStateChecks("DE", { regulator: /BfDI/, neighbour: "AT" });

  it("treats a recipient established in the United States as an importer even when its servers are in Germany", () => {
    const flow = onlyFlow(assessDataMap(single("DE", "DE", { country: "US" })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toMatch(/^Handing the data to Vendor Ltd, established in the United States \(US\),/);
    expect(flow.citations).toContain("EDPB Guidelines 05/2021 (criterion 3)");
    const listed = onlyFlow(assessDataMap(single("DE", "DE", { country: "US", safeguards: ["dpf"] })));
    expect(listed.verdict).toBe("permitted");
  });
});
