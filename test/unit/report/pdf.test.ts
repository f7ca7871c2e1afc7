import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataMap } from "~/datamap/schema";
import { buildDataMapReport, buildReport, catalogueInfoFor, renderReportPdf, type ReportModel } from "~/report";
import { assessDataMap } from "~/residency";
import { demoReportInput, northwindWithNamesInOtherScripts } from "./support";

// The PDF is checked with poppler's tools (installed on the machines and in CI),
// the way a reader's viewer would see it.

const EPOCH = "1795305600"; // 22 Nov 2026 00:00 UTC
let dir: string;
let model: ReportModel;
let bytes: Uint8Array;
let file: string;

const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const write = (name: string, data: Uint8Array) => {
  const target = path.join(dir, name);
  writeFileSync(target, data);
  return target;
};
const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(tool("pdfinfo", pdf))?.[1]);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "custodian-report-"));
  model = buildReport(demoReportInput("Northwind", { answers: northwindWithNamesInOtherScripts() }));
  bytes = await renderReportPdf(model, { sourceDateEpoch: EPOCH });
  file = write("northwind.pdf", bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the PDF report of the demo Northwind assessment", () => {
  it("is a PDF of A4 pages", () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(tool("pdfinfo", file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pageCount(file)).toBeGreaterThan(10);
  });

  it("has every section heading, in order, each listed in the contents with its page", () => {
    const pages = tool("pdftotext", "-layout", file, "-").split("\f");
    const contents = pages[1]!;
    let last = 0;
    for (const s of model.sections) {
      const entry = new RegExp(`${s.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ .]*?\\s(\\d+)\\s*$`, "m").exec(contents);
      expect(entry, `"${s.title}" in the contents`).not.toBeNull();
      const page = Number(entry![1]);
      expect(page).toBeGreaterThanOrEqual(last);
      expect(pages[page - 1], `"${s.title}" on page ${page}`).toContain(s.title);
      last = page;
    }
    expect(contents).toContain("Contents");
  });

  it("carries the cover, the decision, the flows with citations and the sign-off block", () => {
    const text = tool("pdftotext", file, "-");
    for (const expected of [
      "Vendor risk report",
      "Acme Retail",
      "Northwind CRM GmbH: Northwind Cloud CRM",
      "Recommended decision",
      "Approve with conditions",
      "Germany (DE)",
      "Québec, Canada (CA-QC)",
      "permitted with safeguard",
      "non-compliant",
      "GDPR Art. 46(2)(c)",
      "1. Know the transfer",
      "6. Re-evaluate",
      "Legal reviewer",
      "Approver (risk owner)",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("draws names in Latin, Polish, Greek and Japanese script", () => {
    const text = tool("pdftotext", file, "-");
    for (const name of ["Zürich Daten GmbH", "Łódź", "Ελληνικά Αρχεία Α.Ε.", "日本サポート株式会社"]) expect(text).toContain(name);
  });

  it("embeds every font it uses, as a subset, Noto Sans JP only for the Japanese", () => {
    const rows = tool("pdffonts", file).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const names = rows.map((row) => row.split(/\s+/)[0]!.slice(7));
    expect(names).toEqual(expect.arrayContaining(["NotoSans-Regular", "NotoSans-Bold", "NotoSansJP-Regular"]));
  });

  it("numbers every page as 'Page N of M'", () => {
    const pages = tool("pdftotext", file, "-").split("\f").filter((p) => p.trim() !== "");
    expect(pages).toHaveLength(pageCount(file));
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it("has an outline entry for the cover, the contents and every section heading", () => {
    const pdf = Buffer.from(bytes).toString("latin1");
    expect(pdf).toMatch(/\/Type \/Catalog[\s\S]*?\/Outlines \d+ 0 R/);
    const titles = [...pdf.matchAll(/\/Parent \d+ 0 R\n\/Title \(([^)]*)\)/g)].map((m) => m[1]);
    expect(titles).toEqual(["Cover", "Contents", ...model.sections.map((s) => s.title)]);
  });

  it("gives the same bytes for the same report and SOURCE_DATE_EPOCH, and dates the PDF by it", async () => {
    const again = await renderReportPdf(buildReport(demoReportInput("Northwind", { answers: northwindWithNamesInOtherScripts() })), {
      sourceDateEpoch: EPOCH,
    });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    expect(tool("pdfinfo", file)).toMatch(/CreationDate:\s+Sun Nov 22 00:00:00 2026 UTC/);

    const later = await renderReportPdf(model, { sourceDateEpoch: String(Number(EPOCH) + 86_400) });
    expect(Buffer.compare(Buffer.from(later), Buffer.from(bytes))).not.toBe(0);
    expect(tool("pdfinfo", write("later.pdf", later))).toMatch(/CreationDate:\s+Mon Nov 23 00:00:00 2026 UTC/);
  });

  it("without SOURCE_DATE_EPOCH is dated by the report itself, so it still depends on nothing else", async () => {
    const first = await renderReportPdf(model);
    const second = await renderReportPdf(model);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    expect(tool("pdfinfo", write("own-date.pdf", first))).toMatch(/CreationDate:\s+Tue Nov 10 14:30:00 2026 UTC/);
  });

  it("refuses a SOURCE_DATE_EPOCH that is not a whole number of seconds", async () => {
    await expect(renderReportPdf(model, { sourceDateEpoch: "yesterday" })).rejects.toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds/);
  });
});

describe("the PDF report of a DataMap alone", () => {
  it("embeds no CJK font when no text needs one", async () => {
    const map: DataMap = {
      scope: { subjects: ["DE", "FR"], categories: ["contact"], sector: "general" },
      parties: [{ id: "vendor", name: "Zürich Daten GmbH", role: "vendor", country: "DE", locations: [{ region: "DE", use: "storage" }], safeguards: [] }],
    };
    const report = buildDataMapReport({
      issuedAt: "2026-11-22T00:00:00.000Z",
      label: "map.json",
      dataMap: map,
      residency: assessDataMap(map),
      catalogue: catalogueInfoFor(map.scope.subjects),
    });
    const pdf = write("map.pdf", await renderReportPdf(report));
    const fonts = tool("pdffonts", pdf);
    expect(fonts).toContain("NotoSans-Regular");
    expect(fonts).not.toContain("NotoSansJP");
    const text = tool("pdftotext", pdf, "-");
    for (const heading of ["Residency report", "Where the data goes", "Flows, legal bases and citations", "Obligations", "Sources"]) {
      expect(text).toContain(heading);
    }
  });
});
