import { describe, expect, it } from "vitest";
import { addMonths, defaultCadence, nextReviewOn, reviewState } from "~/portfolio/cadence";
import { parsePortfolioQuery, portfolioHref } from "~/portfolio/query";

describe("review dates", () => {
  it("fall the same day some months later, or on the month's last day when it is shorter", () => {
    expect(addMonths("2026-01-15", 12)).toBe("2027-01-15");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("follow the tier's cadence from the last finalised assessment; a vendor never reviewed has none", () => {
    expect(nextReviewOn("2026-03-10", "high", defaultCadence)).toBe("2027-03-10");
    expect(nextReviewOn("2026-03-10", "medium", defaultCadence)).toBe("2028-03-10");
    expect(nextReviewOn("2026-03-10", "low", defaultCadence)).toBe("2029-03-10");
    expect(nextReviewOn(null, "high", defaultCadence)).toBeNull();
  });

  it("are overdue after their day, due in the 60 days before it, and current before that", () => {
    expect(reviewState("2026-11-22", "2026-11-23")).toBe("overdue");
    expect(reviewState("2026-11-23", "2026-11-23")).toBe("due");
    expect(reviewState("2027-01-22", "2026-11-23")).toBe("due");
    expect(reviewState("2027-01-23", "2026-11-23")).toBe("current");
    expect(reviewState(null, "2026-11-23")).toBe("not-reviewed");
  });
});

describe("the portfolio's address", () => {
  it("defaults to the most urgent review first and each sort to its natural direction", () => {
    const parsed = parsePortfolioQuery(new URLSearchParams(""));
    expect(parsed).toEqual({ ok: true, query: { sort: "next-review", dir: "asc", page: 1 } });
    const findings = parsePortfolioQuery(new URLSearchParams("sort=findings&tier=high&q=+acme+"));
    expect(findings).toEqual({ ok: true, query: { sort: "findings", dir: "desc", page: 1, tier: "high", q: "acme" } });
  });

  it("names the parameter at fault", () => {
    expect(parsePortfolioQuery(new URLSearchParams("review=soon"))).toEqual({
      ok: false,
      message: 'Parameter "review" must be overdue, due, current or not-reviewed',
    });
    expect(parsePortfolioQuery(new URLSearchParams("page=two"))).toEqual({ ok: false, message: 'Parameter "page" must be a number' });
  });

  it("keeps the filters when it moves to another page, and leaves out the defaults", () => {
    const parsed = parsePortfolioQuery(new URLSearchParams("tier=low&sort=name&page=3"));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(portfolioHref(parsed.query, { page: 4 })).toBe("/portfolio?tier=low&sort=name&dir=asc&page=4");
    expect(portfolioHref(parsed.query, { page: 1, tier: undefined, sort: "next-review", dir: undefined })).toBe("/portfolio");
  });
});
