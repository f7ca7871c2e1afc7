import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Denmark (DK) under the GDPR", () => {
  gdprStateChecks("DK", { regulator: /Datatilsynet/, neighbour: "SE" });

  it("finds binding corporate rules without a transfer impact assessment incomplete", () => {
    const flow = onlyFlow(assessDataMap(single("DK", "PH", { safeguards: ["bcr"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("relies on binding corporate rules");
    expect(flow.obligations).toEqual(["tia"]);
    expect(flow.citations).toContain("GDPR Art. 47");
  });
});
