import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Poland (PL) under the GDPR", () => {
  gdprStateChecks("PL", { regulator: /UODO/, neighbour: "DE" });

  it("does not accept the Swiss-adapted SCCs for Polish data", () => {
    const flow = onlyFlow(assessDataMap(single("PL", "UA", { safeguards: ["ch-scc", "tia"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("EU data needs the EU SCCs themselves");
  });
});
