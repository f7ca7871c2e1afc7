import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Cyprus (CY) under the GDPR", () => {
  gdprStateChecks("CY", { regulator: /Commissioner for Personal Data Protection/, neighbour: "GR" });

  it("permits storage in the United Kingdom under the adequacy decision renewed on 19 Dec 2025", () => {
    const flow = onlyFlow(assessDataMap(single("CY", "GB")));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("renewed on 19 Dec 2025");
    const entry = catalogue.get("CY")!.def.transfer.whitelist.find((e) => e.destinations.includes("GB"));
    expect(entry?.validUntil).toBe("2031-12-27");
  });
});
