import { describe, expect, it } from "vitest";
import { assessDataMap, catalogue } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "../support";

describe("New Zealand (NZ) under IPP 12", () => {
  it("is in the catalogue with the Privacy Commissioner and no fixed breach deadline", () => {
    const def = catalogue.get("NZ")!.def;
    expect(def.regulator.name).toBe("Office of the Privacy Commissioner");
    expect(def.breach.every((b) => b.hours === undefined && b.deadline.startsWith("as soon as practicable"))).toBe(true);
  });

  it("does not treat a cloud provider storing, backing up or accessing data abroad on the buyer's behalf as a disclosure", () => {
    for (const use of ["storage", "backup", "access", "processing"] as const) {
      const flow = onlyFlow(assessDataMap(single("NZ", "US", { use })));
      expect(flow.verdict, use).toBe("permitted");
      expect(flow.basis).toContain("is not a disclosure: IPP 12 does not apply to a provider that only stores or processes");
      expect(flow.citations).toEqual(["Privacy Act 2020 IPP 12"]);
    }
  });

  it("requires comparable safeguards or the individual's authorisation for a recipient abroad using the data for its own purposes", () => {
    const map = (safeguards: ("contract" | "consent")[]) =>
      dataMap({
        subjects: ["NZ"],
        parties: [vendor({ locations: [{ region: "NZ", use: "storage" }] }), party({ id: "partner", ownUse: true, locations: [{ region: "AU", use: "access" }], safeguards })],
      });
    const bare = assessDataMap(map([]));
    expect(flowOf(bare, { party: "partner" }).verdict).toBe("non-compliant");
    expect(flowOf(bare, { party: "partner" }).obligations).toEqual(["contract or consent"]);
    expect(flagTexts(bare).some((t) => t.startsWith("Verify: whether any country or binding scheme has been prescribed under IPP 12"))).toBe(true);
    expect(flowOf(assessDataMap(map(["contract"])), { party: "partner" }).verdict).toBe("permitted-with-safeguard");
    expect(flowOf(assessDataMap(map(["consent"])), { party: "partner" }).verdict).toBe("permitted-with-safeguard");
  });

  it("does not treat a recipient established in New Zealand as foreign, wherever its servers are", () => {
    const result = assessDataMap(
      dataMap({ subjects: ["NZ"], parties: [vendor({ locations: [{ region: "NZ", use: "storage" }] }), party({ id: "kiwi", ownUse: true, country: "NZ", locations: [{ region: "AU", use: "storage" }] })] }),
    );
    const flow = flowOf(result, { party: "kiwi" });
    expect(flow.verdict).toBe("permitted");
    expect(flow.basis).toContain("established in New Zealand and subject to the Act");
  });
});
