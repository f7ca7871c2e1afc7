import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { dataMap, party, vendor } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Sweden (SE) under the GDPR", () => {
  gdprStateChecks("SE", { regulator: /IMY/, neighbour: "FI" });

  it("flags a party that lists no locations instead of passing over it", () => {
    const result = assessDataMap(
      dataMap({ subjects: ["SE"], parties: [vendor({ locations: [{ region: "SE", use: "storage" }] }), party({ id: "analytics" })] }),
    );
    expect(result.flows.map((f) => f.party)).toEqual(["vendor"]);
    const flag = result.flags.find((f) => f.text.includes("(analytics) lists no locations"));
    expect(flag?.severity).toBe("medium");
  });
});
