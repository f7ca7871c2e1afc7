import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Latvia (LV) under the GDPR", () => {
  gdprStateChecks("LV", { regulator: /Datu valsts inspekcija/, neighbour: "LT" });

  it("permits storage in New Zealand under the EU adequacy decision", () => {
    const flow = onlyFlow(assessDataMap(single("LV", "NZ")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("Decision 2013/65/EU");
  });
});
