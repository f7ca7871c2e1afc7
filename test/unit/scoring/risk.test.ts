import { describe, expect, it } from "vitest";
import type { Scope } from "~/datamap/schema";
import { demo, europeanScope, expectBreakdownsAddUp, flow, score } from "./support";

const careful = demo.northwind.answers;
const inherentOf = (scope: Scope) => score(careful, scope).inherent;
const points = (scope: Scope, factor: string) => inherentOf(scope).factors.find((f) => f.factor === factor)!.points;

describe("inherent risk, from the scope alone", () => {
  it("for the demo buyer: contacts and commercial data, 850,000 people in Germany, France, the UK and Québec", () => {
    const inherent = inherentOf(demo.northwind.scope);
    expect(inherent.factors.map((f) => [f.factor, f.points])).toEqual([
      ["categories", 5],
      ["further-categories", 0],
      ["sector", 0],
      ["people", 10],
      ["regions", 5],
      ["regimes", 10],
    ]);
    expect(inherent).toMatchObject({ score: 30, level: "medium" });
    expect(inherent.factors.find((f) => f.factor === "regimes")?.detail).toBe("3 (CA, EEA, GB); the EEA counts as one");
  });

  it("rises with the most sensitive category, and counts at most two further sensitive ones", () => {
    expect(points({ ...europeanScope, categories: ["contact", "financial"] }, "categories")).toBeGreaterThan(points(europeanScope, "categories"));
    const many: Scope = { ...europeanScope, categories: ["contact", "health", "biometric", "genetic", "payment", "children"] };
    expect(points(many, "categories")).toBe(40);
    expect(points(many, "further-categories")).toBe(10);
  });

  it("rises with the sector: health and public above finance above general", () => {
    const sector = (s: Scope["sector"]) => points({ ...europeanScope, sector: s }, "sector");
    expect(sector("general")).toBeLessThan(sector("finance"));
    expect(sector("finance")).toBeLessThan(sector("health"));
    expect(sector("public")).toBe(sector("health"));
  });

  it("rises with the number of people, and counts an unknown number as a large one", () => {
    const people = (n: number | undefined) => points({ ...europeanScope, subjectsCount: n }, "people");
    expect([500, 5_000, 500_000, 5_000_000, 50_000_000].map(people)).toEqual([0, 5, 10, 15, 20]);
    const { subjectsCount: _, ...unknown } = europeanScope;
    expect(points(unknown, "people")).toBe(15);
    expect(inherentOf(unknown).factors.find((f) => f.factor === "people")?.detail).toBe("not given: counted as 1 million to 10 million");
  });

  it("counts the EEA as one legal regime, and each other country as one more", () => {
    expect(points({ ...europeanScope, subjects: ["DE", "FR", "IT", "NO"] }, "regimes")).toBe(0);
    expect(points({ ...europeanScope, subjects: ["DE", "GB"] }, "regimes")).toBe(5);
    expect(points({ ...europeanScope, subjects: ["DE", "GB", "CH"] }, "regimes")).toBe(10);
  });

  it("reaches its high level for health data of millions of people under several regimes", () => {
    const inherent = inherentOf({ subjects: ["DE", "GB", "CH", "FR"], categories: ["health", "genetic", "children"], sector: "health", subjectsCount: 12_000_000 });
    expect(inherent.score).toBe(100);
    expect(inherent.level).toBe("high");
  });
});

describe("residual risk", () => {
  it("is half the inherent risk plus a quarter of each gap the vendor leaves", () => {
    const result = score(careful, demo.northwind.scope);
    const [inherent, control, residency] = result.residual!.breakdown;
    expect([inherent?.part, control?.part, residency?.part]).toEqual(["inherent", "control-gap", "residency-gap"]);
    expect(inherent?.input).toBe(result.inherent.score);
    expect(control?.input).toBeCloseTo(100 - result.control.score!, 5);
    expect(residency?.input).toBeCloseTo(100 - result.residency.score!, 5);
    expect(result.residual!.breakdown.map((p) => p.share)).toEqual([50, 25, 25]);
    expectBreakdownsAddUp(result);
  });

  it("is lower for a vendor with better controls, and lower again when its flows are lawful", () => {
    const weak = score({ ...careful, "s4.isolation_model": { value: "row" }, "s8.access_review": { value: "ad_hoc" } });
    const strong = score(careful);
    const lawful = score(careful, europeanScope, { residency: { rulesVersion: "test", flows: [flow({ verdict: "permitted" })], flags: [] } });
    const unlawful = score(careful, europeanScope, { residency: { rulesVersion: "test", flows: [flow({ verdict: "non-compliant", obligations: ["tia"] })], flags: [] } });
    expect(weak.residual!.score).toBeGreaterThan(strong.residual!.score);
    expect(unlawful.residual!.score).toBeGreaterThan(lawful.residual!.score);
  });

  it("sets the level from its score: the careful vendor's European scope is low", () => {
    const result = score(careful);
    expect(result.residual!.score).toBeLessThan(20);
    expect(result.residual!.level).toBe("low");
  });
});
