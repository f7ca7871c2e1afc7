import * as z from "zod";
import type { AssessmentStatus, DecisionOutcomeValue, VendorTier } from "#db/schema";

// The portfolio page's address: filters, sort and page, parsed once.

export const portfolioSorts = ["next-review", "name", "tier", "decision", "findings", "risk", "status"] as const;
export const reviewStates = ["overdue", "due", "current", "not-reviewed"] as const;
export const PORTFOLIO_PAGE_SIZE = 50;

const vendorTiers = ["high", "medium", "low"] as const satisfies readonly VendorTier[];
const decisionOutcomes = ["approve", "approve-with-conditions", "reject"] as const satisfies readonly DecisionOutcomeValue[];
const assessmentStatuses = ["draft", "sent", "in-progress", "returned", "submitted", "in-review", "finalised"] as const satisfies readonly AssessmentStatus[];

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const PortfolioQuerySchema = z.object({
  q: z.preprocess(blankAsUndefined, z.string().trim().max(100, 'Parameter "q" (vendor name) must be at most 100 characters').optional()),
  tier: z.preprocess(blankAsUndefined, z.enum(vendorTiers, 'Parameter "tier" must be high, medium or low').optional()),
  decision: z.preprocess(
    blankAsUndefined,
    z.enum(decisionOutcomes, 'Parameter "decision" must be approve, approve-with-conditions or reject').optional(),
  ),
  review: z.preprocess(blankAsUndefined, z.enum(reviewStates, 'Parameter "review" must be overdue, due, current or not-reviewed').optional()),
  status: z.preprocess(blankAsUndefined, z.enum(assessmentStatuses, `Parameter "status" must be one of ${assessmentStatuses.join(", ")}`).optional()),
  sort: z.preprocess(blankAsUndefined, z.enum(portfolioSorts, `Parameter "sort" must be one of ${portfolioSorts.join(", ")}`).default("next-review")),
  dir: z.preprocess(blankAsUndefined, z.enum(["asc", "desc"], 'Parameter "dir" must be asc or desc').optional()),
  page: z.preprocess(
    blankAsUndefined,
    z.coerce.number('Parameter "page" must be a number').int('Parameter "page" must be a whole number').min(1, 'Parameter "page" must be 1 or more').max(100_000).default(1),
  ),
});

export type PortfolioFilters = z.infer<typeof PortfolioQuerySchema>;

/** The direction each sort reads best in when none is given: the most urgent or riskiest first. */
export const defaultDirection: Record<(typeof portfolioSorts)[number], "asc" | "desc"> = {
  "next-review": "asc",
  name: "asc",
  tier: "desc",
  decision: "desc",
  findings: "desc",
  risk: "desc",
  status: "asc",
};

export function parsePortfolioQuery(params: URLSearchParams): { ok: true; query: PortfolioFilters & { dir: "asc" | "desc" } } | { ok: false; message: string } {
  const raw = Object.fromEntries(PortfolioQuerySchema.keyof().options.map((key) => [key, params.get(key) ?? undefined]));
  const parsed = PortfolioQuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Bad parameter" };
  return { ok: true, query: { ...parsed.data, dir: parsed.data.dir ?? defaultDirection[parsed.data.sort] } };
}

/** The address of the same view with some parameters changed (a blank value drops it). */
export function portfolioHref(query: PortfolioFilters, changes: Partial<Record<keyof PortfolioFilters, string | number | undefined>>): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...query, ...changes };
  for (const key of PortfolioQuerySchema.keyof().options) {
    const value = merged[key];
    if (value === undefined || value === "" || (key === "page" && value === 1) || (key === "sort" && value === "next-review")) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/portfolio?${search}` : "/portfolio";
}
