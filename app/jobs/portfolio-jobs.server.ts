import type { DB } from "#db/database";
import { listPortfolio, listPortfolioVendorIds, portfolioRefreshContext, refreshPortfolioEntry, type PortfolioQuery } from "~/models/portfolio.server";
import type { Organisation } from "~/models/organisations.server";
import { portfolioXlsx } from "~/portfolio/export";
import { startJob } from "./runner.server";

export const RESCORE_JOB = "portfolio-rescore";
export const EXPORT_JOB = "portfolio-export";

const EXPORT_PAGE = 500;

/** Scores every vendor's basis assessment again (after a catalogue, policy or method change) and refreshes its row. */
export function startPortfolioRescore(db: DB, organisation: Organisation, user: { id: string; name: string }): string {
  return startJob(
    db,
    { organisationId: organisation.id, kind: RESCORE_JOB, createdByUserId: user.id, createdBy: user.name },
    async ({ progress }) => {
      const vendorIds = listPortfolioVendorIds(db, organisation.id);
      const now = new Date();
      const context = portfolioRefreshContext(db, organisation.id, now);
      await progress(0, vendorIds.length, "Re-scoring vendors");
      for (const [i, vendorId] of vendorIds.entries()) {
        refreshPortfolioEntry(db, organisation.id, vendorId, now, context);
        await progress(i + 1, vendorIds.length, "Re-scoring vendors");
      }
      return { result: { vendors: vendorIds.length }, };
    },
  );
}

/** Writes the portfolio, as filtered, to a workbook kept with the job for download. */
export function startPortfolioExport(
  db: DB,
  organisation: Organisation,
  user: { id: string; name: string },
  query: Omit<PortfolioQuery, "page" | "pageSize">,
  filtersText: string,
): string {
  return startJob(
    db,
    { organisationId: organisation.id, kind: EXPORT_JOB, input: { query, filters: filtersText }, createdByUserId: user.id, createdBy: user.name },
    async ({ progress }) => {
      const now = new Date();
      const first = listPortfolio(db, organisation.id, { ...query, page: 1, pageSize: EXPORT_PAGE }, now);
      const rows = [...first.rows];
      await progress(rows.length, first.total, "Collecting vendors");
      for (let page = 2; page <= first.pages; page++) {
        rows.push(...listPortfolio(db, organisation.id, { ...query, page, pageSize: EXPORT_PAGE }, now).rows);
        await progress(rows.length, first.total, "Collecting vendors");
      }
      await progress(rows.length, first.total, "Writing the workbook");
      const bytes = await portfolioXlsx(rows, { organisation: organisation.name, filters: filtersText, exportedAt: now.toISOString() });
      return {
        result: { vendors: rows.length },
        file: {
          bytes,
          name: `portfolio-${now.toISOString().slice(0, 10)}.xlsx`,
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
      };
    },
  );
}
