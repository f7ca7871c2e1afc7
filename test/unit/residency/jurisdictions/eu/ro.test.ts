import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Romania (RO) under the GDPR", () => {
  gdprStateChecks("RO", { regulator: /ANSPDCP/, neighbour: "BG" });

  it("permits storage in the Crown Dependencies under their EU adequacy decisions", () => {
    for (const region of ["JE", "GG", "IM"]) {
      expect(onlyFlow(assessDataMap(single("RO", region))).verdict).toBe("permitted");
    }
  });
});
