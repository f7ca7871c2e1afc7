import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Greece (GR) under the GDPR", () => {
  gdprStateChecks("GR", { regulator: /Hellenic Data Protection Authority/, neighbour: "CY" });

  it("permits storage in Israel under the EU adequacy decision", () => {
    const flow = onlyFlow(assessDataMap(single("GR", "IL")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("Decision 2011/61/EU");
  });
});
