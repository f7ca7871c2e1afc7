import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Portugal (PT) under the GDPR", () => {
  gdprStateChecks("PT", { regulator: /Comissão Nacional de Proteção de Dados/, neighbour: "ES" });

  it("permits remote access from Brazil under the EU adequacy decision of 2026", () => {
    const flow = onlyFlow(assessDataMap(single("PT", "BR", { use: "access" })));
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toMatch(/^Remote access from Brazil \(BR\)/);
  });
});
