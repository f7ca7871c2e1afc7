import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Lithuania (LT) under the GDPR", () => {
  gdprStateChecks("LT", { regulator: /VDAI/, neighbour: "PL" });

  it("permits storage in Uruguay under the EU adequacy decision", () => {
    const flow = onlyFlow(assessDataMap(single("LT", "UY")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("Decision 2012/484/EU");
  });
});
