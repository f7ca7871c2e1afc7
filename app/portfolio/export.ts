import ExcelJS from "exceljs";
import { regionLabel } from "~/geo/regions";
import { reviewStateLabels, type ReviewState } from "./cadence";
import { decisionLabels } from "./summary";

// The portfolio as a workbook: one line per vendor, every filter applied.

export interface PortfolioExportRow {
  name: string;
  service: string;
  country: string | null;
  tier: "high" | "medium" | "low" | null;
  decision: "approve" | "approve-with-conditions" | "reject" | null;
  decisionSource: "sign-off" | "recommended" | null;
  openFindings: number;
  knockouts: number;
  residualRisk: number | null;
  lastReviewedOn: string | null;
  nextReviewOn: string | null;
  reviewState: ReviewState;
  latestStatus: string | null;
  latestDueDate: string | null;
}

const columns: { header: string; width: number; value: (row: PortfolioExportRow) => string | number | null }[] = [
  { header: "Vendor", width: 32, value: (r) => r.name },
  { header: "Service", width: 30, value: (r) => r.service },
  { header: "Established in", width: 24, value: (r) => (r.country ? regionLabel(r.country) : null) },
  { header: "Tier", width: 10, value: (r) => r.tier },
  { header: "Decision", width: 26, value: (r) => (r.decision ? decisionLabels[r.decision] : null) },
  { header: "Decision from", width: 14, value: (r) => (r.decisionSource === "sign-off" ? "sign-off" : r.decisionSource ? "score" : null) },
  { header: "Open findings", width: 14, value: (r) => r.openFindings },
  { header: "Knockouts", width: 11, value: (r) => r.knockouts },
  { header: "Residual risk", width: 13, value: (r) => r.residualRisk },
  { header: "Last reviewed", width: 14, value: (r) => r.lastReviewedOn },
  { header: "Next review", width: 14, value: (r) => r.nextReviewOn },
  { header: "Review", width: 16, value: (r) => reviewStateLabels[r.reviewState] },
  { header: "Current assessment", width: 18, value: (r) => r.latestStatus },
  { header: "Answers due", width: 14, value: (r) => r.latestDueDate },
];

export async function portfolioXlsx(rows: PortfolioExportRow[], meta: { organisation: string; filters: string; exportedAt: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Custodian";
  workbook.created = new Date(meta.exportedAt);
  workbook.modified = new Date(meta.exportedAt);
  const sheet = workbook.addWorksheet("Portfolio", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.getCell(1, 1).value = `${meta.organisation}: vendor portfolio, ${meta.exportedAt.slice(0, 10)}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = meta.filters;
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
    const cell = sheet.getCell(3, i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
  });
  rows.forEach((row, r) => {
    columns.forEach((column, c) => {
      sheet.getCell(4 + r, c + 1).value = column.value(row);
    });
  });
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
