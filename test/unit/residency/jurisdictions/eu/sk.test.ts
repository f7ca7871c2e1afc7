import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Slovakia (SK) under the GDPR", () => {
  gdprStateChecks("SK", { regulator: /Slovak Republic/, neighbour: "CZ" });

  it("permits storage in Andorra and the Faroe Islands under their EU adequacy decisions", () => {
    for (const region of ["AD", "FO"]) {
      expect(onlyFlow(assessDataMap(single("SK", region))).verdict).toBe("permitted");
    }
  });
});
