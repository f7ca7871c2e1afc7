import { describe, expect, it } from "vitest";
import { assessDataMap } from "~/residency";
import { onlyFlow, single } from "../../support";
import { gdprStateChecks } from "./gdpr-state";

describe("Norway (NO) under the GDPR", () => {
  gdprStateChecks("NO", { regulator: /Datatilsynet/, neighbour: "SE", efta: true });

  it("accepts storage in Brazil with EU SCCs and a transfer impact assessment, still flagging the open EEA question", () => {
    const result = assessDataMap(single("NO", "BR", { safeguards: ["eu-scc", "tia"] }));
    expect(onlyFlow(result).verdict).toBe("permitted-with-safeguard");
    expect(result.flags.some((f) => f.text.includes("incorporated into the EEA Agreement"))).toBe(true);
  });
});
