import { describe, expect, it } from "vitest";
import type { LocationUse, Safeguard } from "~/datamap/schema";
import { assessDataMap, assessDataMaps, catalogue, rulesVersion } from "~/residency";
import { dataMap, flagTexts, flowOf, onlyFlow, party, single, vendor } from "./support";

describe("the flow engine's cross-cutting rules", () => {
  it("gives one flow per subject region, party and location, in the map's order", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["DE", "GB"],
        parties: [
          vendor({ locations: [{ region: "IE", use: "storage" }, { region: "US", use: "access" }] }),
          party({ id: "mail", locations: [{ region: "NL", use: "processing" }] }),
        ],
      }),
    );
    expect(result.flows.map((f) => `${f.subject} ${f.party} ${f.region} ${f.use}`)).toEqual([
      "DE vendor IE storage",
      "DE vendor US access",
      "DE mail NL processing",
      "GB vendor IE storage",
      "GB vendor US access",
      "GB mail NL processing",
    ]);
    expect(result.rulesVersion).toBe(rulesVersion);
  });

  it("counts remote access, processing and backups abroad exactly like storage abroad", () => {
    const uses: LocationUse[] = ["storage", "backup", "access", "processing"];
    const flows = uses.map((use) => onlyFlow(assessDataMap(single("FR", "IN", { use }))));
    expect(flows.map((f) => f.verdict)).toEqual(["non-compliant", "non-compliant", "non-compliant", "non-compliant"]);
    expect(flows[1]?.basis).toContain("A backup in India (IN), which counts as storage,");
    expect(flows[2]?.basis).toContain("Remote access from India (IN), which counts as a transfer,");
  });

  it("judges a subprocessor chain link by link, each link on its own safeguards", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["DE"],
        parties: [
          vendor({ locations: [{ region: "DE", use: "storage" }] }),
          party({ id: "us-parent", role: "affiliate", country: "US", locations: [{ region: "US", use: "access" }], safeguards: ["dpf"] }),
          party({ id: "in-support", engagedBy: "us-parent", locations: [{ region: "IN", use: "access" }] }),
          party({ id: "sg-backup", engagedBy: "in-support", locations: [{ region: "SG", use: "backup" }], safeguards: ["eu-scc", "tia"] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "vendor" }).verdict).toBe("permitted");
    expect(flowOf(result, { party: "us-parent" }).verdict).toBe("permitted");
    const support = flowOf(result, { party: "in-support" });
    expect(support.verdict).toBe("non-compliant");
    expect(support.basis).toContain("onward transfer: Vendor Ltd → us-parent → in-support");
    expect(support.citations).toContain("GDPR Art. 44 (onward transfers)");
    const backup = flowOf(result, { party: "sg-backup" });
    expect(backup.verdict).toBe("permitted-with-safeguard");
    expect(backup.basis).toContain("Vendor Ltd → us-parent → in-support → sg-backup");
  });

  it("flags an unauthorised subprocessor as a finding of its own and names whom it passes the data to", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["IE"],
        parties: [
          vendor({ locations: [{ region: "IE", use: "storage" }] }),
          party({ id: "shadow", name: "Shadow Analytics", authorised: false, locations: [{ region: "FR", use: "processing" }] }),
          party({ id: "shadow-sub", engagedBy: "shadow", locations: [{ region: "DE", use: "processing" }] }),
        ],
      }),
    );
    expect(flowOf(result, { party: "shadow" }).verdict).toBe("permitted");
    const flag = result.flags[0];
    expect(flag?.severity).toBe("high");
    expect(flag?.text).toBe("Shadow Analytics (shadow) is not on the buyer's approved subprocessor list; it also passes the data on to shadow-sub.");
    expect(flag?.citations).toEqual(["GDPR Art. 28(2)"]);
  });

  it("applies the DPF only to listed US recipients, and the UK and Swiss extensions only to those who joined them", () => {
    const verdicts = (safeguards: Safeguard[]) =>
      assessDataMap(
        dataMap({
          subjects: ["DE", "GB", "CH"],
          parties: [vendor({ country: "US", locations: [{ region: "US", use: "storage" }], safeguards })],
        }),
      ).flows.map((f) => `${f.subject}:${f.verdict}`);
    expect(verdicts([])).toEqual(["DE:non-compliant", "GB:non-compliant", "CH:non-compliant"]);
    expect(verdicts(["dpf"])).toEqual(["DE:permitted", "GB:non-compliant", "CH:non-compliant"]);
    expect(verdicts(["dpf", "dpf-uk"])).toEqual(["DE:permitted", "GB:permitted", "CH:non-compliant"]);
    expect(verdicts(["dpf", "dpf-uk", "dpf-ch"])).toEqual(["DE:permitted", "GB:permitted", "CH:permitted"]);
  });

  it("does not let a DPF listing cover data reached from outside the United States", () => {
    const flow = onlyFlow(assessDataMap(single("DE", "IN", { use: "access", country: "US", safeguards: ["dpf"] })));
    expect(flow.verdict).toBe("non-compliant");
    expect(flow.basis).toContain("the DPF covers only DPF-listed organisations receiving the data in the United States");
  });

  it("judges subjects outside the catalogue by a labelled conservative default, never silently permitted", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["EG"],
        parties: [
          vendor({ locations: [{ region: "EG", use: "storage" }, { region: "DE", use: "backup" }], safeguards: ["eu-scc", "tia", "contract", "consent"] }),
        ],
      }),
    );
    const home = flowOf(result, { region: "EG" });
    expect(home.verdict).toBe("permitted");
    const abroad = flowOf(result, { region: "DE" });
    expect(abroad.verdict).toBe("non-compliant");
    expect(abroad.basis).toContain("leaves Egypt (EG), which is not in the catalogue, so by the conservative default");
    expect(abroad.obligations).toEqual(["review the transfer rules of Egypt (EG)"]);
    expect(abroad.citations).toEqual([`Custodian catalogue ${rulesVersion}: no entry for Egypt (EG); conservative default`]);
    expect(result.flags[0]).toMatchObject({ severity: "high" });
    expect(result.flags[0]?.text).toMatch(/^Egypt \(EG\) is not in the jurisdiction catalogue/);
  });

  it("uses the conservative default for a subdivision whose country is not yet in the catalogue", () => {
    expect(catalogue.get("EG")).toBeUndefined();
    const result = assessDataMap(single("EG-C", "IE"));
    expect(onlyFlow(result).verdict).toBe("non-compliant");
    expect(flagTexts(result)[0]).toMatch(/^Egypt \(EG\) is not in the jurisdiction catalogue/);
  });

  it("surfaces every verify-flagged fact it relies on as a flag carrying that fact's citations", () => {
    const result = assessDataMap(single("IS", "BR", { safeguards: ["eu-scc", "tia"] }));
    const flag = result.flags.find((f) => f.text.startsWith("Verify:"));
    expect(flag?.citations).toEqual(["GDPR Art. 45(3)", "Decision (EU) 2026/179"]);
  });

  it("sorts flags from high to informational severity", () => {
    const result = assessDataMap(
      dataMap({
        subjects: ["EG", "DE"],
        categories: ["financial"],
        parties: [vendor({ locations: [{ region: "US", use: "storage" }, { region: "AR", use: "backup" }], safeguards: ["dpf"] }), party({ id: "x", authorised: false })],
      }),
    );
    const order = { high: 0, medium: 1, low: 2, info: 3 };
    const ranks = result.flags.map((f) => order[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(result.flags.map((f) => f.severity))).toEqual(new Set(["high", "medium", "info"]));
  });

  it("judges an array of maps in the same order, each with the catalogue version", () => {
    const maps = [single("DE", "IN"), single("GB", "GB"), single("CH", "US", { safeguards: ["dpf-ch"] })];
    const results = assessDataMaps(maps);
    expect(results.map((r) => onlyFlow(r).verdict)).toEqual(["non-compliant", "permitted", "permitted"]);
    expect(results.every((r) => r.rulesVersion === rulesVersion)).toBe(true);
  });

  it("returns plain data that survives a JSON round trip unchanged", () => {
    const result = assessDataMap(single("NO", "BR", { use: "backup" }));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("every flow carries a citation", () => {
  const destinations = ["DE", "NO", "GB", "CH", "US", "IN", "BR", "KR", "JP", "CA-QC", "FO", "RE", "EG", "CN"];
  const safeguardSets: Safeguard[][] = [[], ["eu-scc"], ["eu-scc", "tia"], ["dpf", "dpf-uk", "dpf-ch"], ["consent", "contract"], ["uk-idta", "ch-scc", "tia"]];
  const subjects = [...catalogue.jurisdictions.map((j) => j.code), "EG", "US-CA", "CA-QC", "RE"];

  it("for every catalogue jurisdiction and unknown ones, every destination, use and safeguard set", () => {
    let count = 0;
    for (const safeguards of safeguardSets) {
      const result = assessDataMap(
        dataMap({
          subjects,
          categories: ["contact", "credit-information", "health"],
          parties: [
            vendor({ country: "US", locations: destinations.map((region, i) => ({ region, use: (["storage", "backup", "access", "processing"] as const)[i % 4]! })), safeguards }),
            party({ id: "sub", authorised: false, locations: destinations.map((region) => ({ region, use: "access" as const })), safeguards }),
          ],
        }),
      );
      for (const flow of result.flows) {
        expect(flow.citations.length, `${flow.subject} ${flow.party} ${flow.region} ${flow.use}`).toBeGreaterThan(0);
        expect(flow.basis.length).toBeGreaterThan(20);
        count += 1;
      }
      for (const flag of result.flags) expect(flag.citations.length, flag.text).toBeGreaterThan(0);
    }
    expect(count).toBe(safeguardSets.length * subjects.length * destinations.length * 2);
  });
});
