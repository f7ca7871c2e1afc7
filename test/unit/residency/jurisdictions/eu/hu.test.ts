import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { dataMap, flowOf, party, vendor } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Hungary (HU) under the GDPR", () => {
  gdprStateChecks("HU", { regulator: /NAIH/, neighbour: "AT" });

  it("judges an onward transfer to a subprocessor in India on its own safeguards, not the vendor's", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["HU"],
        parties: [
          vendor({ locations: [{ region: "IN", use: "processing" }], safeguards: ["eu-scc", "tia"] }),
          party({ id: "helpdesk", locations: [{ region: "IN", use: "access" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted-with-safeguard");
    const onward = flowOf(result, { party: "helpdesk" });
    expect(onward.verdict).toBe("non-compliant");
    expect(onward.basis).toContain("onward transfer: Vendor Ltd → helpdesk");
    expect(onward.citations).toContain("EDPB Opinion 22/2024");
  });
});
