import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Liechtenstein (LI) under the GDPR", () => {
  gdprStateChecks("LI", { regulator: /Datenschutzstelle/, neighbour: "AT", efta: true });

  it("permits storage in Switzerland under the EU adequacy decision", () => {
    const flow = onlyFlow(assessDataMap(single("LI", "CH")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("Decision 2000/518/EC");
  });
});
