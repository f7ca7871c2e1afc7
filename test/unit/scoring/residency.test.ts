import { describe, expect, it } from "vitest";
import type { AssessResult } from "~/residency";
import { demo, europeanScope, expectBreakdownsAddUp, flow, noFlows, score } from "./support";

const careful = demo.northwind.answers;
const withFlows = (flows: AssessResult["flows"]): AssessResult => ({ rulesVersion: "test-rules", flows, flags: [] });

describe("the residency score", () => {
  it("is 100 when every flow is plainly permitted, with nothing listed", () => {
    const result = score(careful, europeanScope, { residency: withFlows([flow({ verdict: "permitted" }), flow({ verdict: "permitted", use: "backup" })]) });
    expect(result.residency).toMatchObject({ score: 100, flowCount: 2, contributions: [] });
  });

  it("gives every flow an equal share of 100 and takes the share its verdict costs: 0, 20, 100 and 100 per cent", () => {
    const residency = withFlows([
      flow({ verdict: "permitted" }),
      flow({ verdict: "permitted-with-safeguard", party: "support", region: "IN", use: "access", citations: ["GDPR Art. 46(2)(c)"] }),
      flow({ verdict: "non-compliant", party: "mailer", region: "US", use: "processing", obligations: ["eu-scc or bcr"] }),
      flow({ verdict: "prohibited", party: "archive", region: "XX" }),
    ]);
    const result = score(careful, europeanScope, { residency });
    expect(result.residency.byVerdict).toEqual({ prohibited: 1, "non-compliant": 1, "permitted-with-safeguard": 1, permitted: 1 });
    expect(result.residency.contributions.map((c) => [c.flowKey, c.verdict, c.worth, c.penalty, c.pointsLost])).toEqual([
      ["DE:support:IN:access", "permitted-with-safeguard", 25, 20, 5],
      ["DE:mailer:US:processing", "non-compliant", 25, 100, 25],
      ["DE:archive:XX:storage", "prohibited", 25, 100, 25],
    ]);
    expect(result.residency.score).toBe(45);
    expect(result.residency.contributions[0]).toMatchObject({ index: 1, citations: ["GDPR Art. 46(2)(c)"], basis: "a permitted-with-safeguard test flow" });
  });

  it("keeps the exact sum when the flows do not divide 100 evenly", () => {
    const flows = Array.from({ length: 7 }, (_, i) => flow({ verdict: i % 3 === 0 ? "non-compliant" : "permitted-with-safeguard", party: `p${i}` }));
    const result = score(careful, europeanScope, { residency: withFlows(flows) });
    expectBreakdownsAddUp(result);
    expect(result.residency.contributions.map((c) => c.worth)).toEqual([14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2]);
  });

  it("is null when no flow could be judged, and residual risk then counts a full residency gap", () => {
    const result = score(careful, europeanScope, { residency: noFlows });
    expect(result.residency).toMatchObject({ score: null, flowCount: 0 });
    expect(result.residency.notScoredReason).toMatch(/No flow could be judged/);
    expect(result.residual?.breakdown.find((p) => p.part === "residency-gap")).toMatchObject({ input: 100, note: "No flow could be judged: counted as a full gap." });
  });

  it("groups a non-compliant flow's finding across subject regions, with every flow key and citation", () => {
    const residency = withFlows([
      flow({ verdict: "non-compliant", subject: "DE", party: "mailer", region: "US", use: "processing", citations: ["GDPR Art. 44"], obligations: ["tia"] }),
      flow({ verdict: "non-compliant", subject: "GB", party: "mailer", region: "US", use: "processing", citations: ["UK GDPR Art. 44A"], obligations: ["tia"] }),
    ]);
    const result = score(careful, europeanScope, { residency });
    const findings = result.findings.filter((f) => f.source === "flow");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: "flow:non-compliant:mailer:US:processing",
      title: "Non-compliant: processing by mailer in United States (US)",
      references: { flows: ["DE:mailer:US:processing", "GB:mailer:US:processing"], citations: ["GDPR Art. 44", "UK GDPR Art. 44A"] },
    });
    expect(result.decision?.conditions).toEqual([
      {
        id: "obligation:mailer:tia",
        text: "With mailer, document a transfer impact assessment (tia) before go-live, for the data of people in Germany (DE) and United Kingdom (GB): processing in United States (US).",
        findingIds: ["flow:non-compliant:mailer:US:processing"],
      },
    ]);
  });

  it("turns an obligation that is not a safeguard into one condition naming every party, e.g. a PIA filing or a review", () => {
    const residency = withFlows([
      flow({ verdict: "non-compliant", subject: "CA-QC", party: "host", region: "US", obligations: ["review the transfer rules of Canada (CA)"] }),
      flow({ verdict: "non-compliant", subject: "CA-QC", party: "support", region: "IN", use: "access", obligations: ["review the transfer rules of Canada (CA)", "pia"] }),
    ]);
    const conditions = score(careful, europeanScope, { residency }).decision!.conditions;
    expect(conditions.map((c) => c.id)).toEqual(["obligation:review the transfer rules of Canada (CA)", "obligation:support:pia"]);
    expect(conditions[0]?.text).toMatch(/^For host and support, review the transfer rules of Canada \(CA\) before go-live/);
    expect(conditions[1]?.text).toMatch(/^With support, complete a privacy impact assessment \(pia\) before go-live, for the data of people in Québec, Canada \(CA-QC\)/);
  });

  it("judges the demo vendor's real flows for German and British subjects, none of them non-compliant", () => {
    const result = score(careful, { ...europeanScope, subjects: ["DE", "GB"] });
    expect(result.residency.flowCount).toBeGreaterThan(0);
    expect(result.residency.byVerdict["non-compliant"] + result.residency.byVerdict.prohibited).toBe(0);
    expect(result.residency.score).toBeGreaterThan(90);
  });
});
