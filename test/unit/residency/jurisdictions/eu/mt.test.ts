import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Malta (MT) under the GDPR", () => {
  gdprStateChecks("MT", { regulator: /IDPC/, neighbour: "IT" });

  it("accepts processing in Singapore with EU SCCs and a transfer impact assessment", () => {
    const flow = onlyFlow(assessDataMap(single("MT", "SG", { use: "processing", safeguards: ["eu-scc", "tia"] })));
    expect(flow.verdict).toBe("permitted-with-safeguard");
    expect(flow.basis).toContain("with a transfer impact assessment (tia)");
  });
});
