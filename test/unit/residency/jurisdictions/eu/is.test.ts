import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Iceland (IS) under the GDPR", () => {
  gdprStateChecks("IS", { regulator: /Persónuvernd/, neighbour: "NO", efta: true });

  it("permits storage in Norway, another EEA-EFTA state", () => {
    const flow = onlyFlow(assessDataMap(single("IS", "NO")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("within the EEA");
  });
});
