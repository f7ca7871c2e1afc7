import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Estonia (EE) under the GDPR", () => {
  gdprStateChecks("EE", { regulator: /Andmekaitse Inspektsioon/, neighbour: "LV" });

  it("permits processing in Switzerland under the EU adequacy decision", () => {
    const flow = onlyFlow(assessDataMap(single("EE", "CH", { use: "processing" })));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toMatch(/^Processing in Switzerland \(CH\) is covered by the EU adequacy decision for Switzerland/);
  });
});
