import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pdfPageCount } from "~/cli/bench/report";
import { buildReport, renderReportPdf } from "~/report";
import { demoReportInput } from "../report/support";

describe("the report benchmark", () => {
  it("counts a PDF's pages from its page tree, as pdfinfo does", async () => {
    const bytes = await renderReportPdf(buildReport(demoReportInput()));
    const dir = mkdtempSync(path.join(tmpdir(), "custodian-bench-pages-"));
    try {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, bytes);
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
      expect(pdfPageCount(bytes)).toBe(pages);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
