import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { flagTexts, onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("France (FR) under the GDPR", () => {
  gdprStateChecks("FR", { regulator: /CNIL/, neighbour: "BE" });

  it("judges storage in Réunion as storage in France, and flags the territory rule it relies on", () => {
    const result = assessDataMap(single("FR", "RE"));
    expect(onlyFlow(result).verdict).toBe("permitted");
    expect(flagTexts(result).join("\n")).toMatch(/Reunion \(RE\) is judged as part of France \(FR\)/);
  });
});
