// The report of a scored assessment (or of a DataMap alone): a pure model built
// from frozen inputs, rendered as a PDF with pdfkit and as a web page. No Remix,
// no database.
export { buildDataMapReport, buildReport } from "./build";
export { catalogueInfoFor } from "./catalogue";
export type * from "./types";
export { renderReportPdf, reportDate, type RenderOptions } from "./pdf/render";
