import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Netherlands (NL) under the GDPR", () => {
  gdprStateChecks("NL", { regulator: /Autoriteit Persoonsgegevens/, neighbour: "BE" });

  it("permits storage in Argentina under the EU adequacy decision", () => {
    const flow = onlyFlow(assessDataMap(single("NL", "AR")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.citations).toContain("Decision 2003/490/EC");
  });
});
