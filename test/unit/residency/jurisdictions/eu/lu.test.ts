import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { dataMap, flowOf, party, vendor } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Luxembourg (LU) under the GDPR", () => {
  gdprStateChecks("LU", { regulator: /CNPD/, neighbour: "BE" });

  it("flags a subprocessor the buyer has not authorised, citing GDPR Art. 28(2)", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["LU"],
        parties: [vendor({ locations: [{ region: "LU", use: "storage" }] }), party({ id: "mailer", authorised: false, locations: [{ region: "DE", use: "processing" }] })],
      }),
    );
    const flag = result.flags.find((f) => f.text.includes("(mailer) is not on the buyer's approved subprocessor list"));
    expect(flag?.severity).toBe("high");
    expect(flag?.citations).toContain("GDPR Art. 28(2)");
    expect(flowOf(result, { party: "mailer" }).obligations).toContain("authorise mailer as a subprocessor or stop using it");
  });
});
