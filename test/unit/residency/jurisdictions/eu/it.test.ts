import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Italy (IT) under the GDPR", () => {
  gdprStateChecks("IT", { regulator: /Garante/, neighbour: "FR" });

  it("judges subjects given by an Italian subdivision code under Italian (GDPR) rules", () => {
    const flow = onlyFlow(assessDataMap(single("IT-RM", "IN")));
    expect(flow.subject).toBe("IT-RM");
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toMatch(/Garante/);
  });
});
