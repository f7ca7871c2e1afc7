import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import type { DisplayAnswer } from "~/answering/display";
import type { Verdict } from "~/residency/types";
import { verdictStroke } from "../flow-layout";
import type {
  AnswersSection,
  ChartSection,
  ChecklistItem,
  FindingsSection,
  FlowsSection,
  LabelValue,
  ObligationsSection,
  PictureSection,
  ReportModel,
  ReportSection,
  ReportTable,
  RiskSection,
  SignOffSection,
  SourcesSection,
  SummarySection,
  TiaSection,
} from "../types";
import { PageCanvas, type StrokeStyle } from "./canvas";
import { loadFont } from "./fonts";
import { LINE_HEIGHT, wrap, type Line, type Span, type TextStyle } from "./typeset";

// The PDF of a ReportModel: A4, Noto Sans embedded as subsets, a table of
// contents with page numbers and links, every section heading an outline entry,
// "Page N of M" on every page. The same model and date give the same bytes.

export interface RenderOptions {
  /**
   * SOURCE_DATE_EPOCH (seconds since 1970, as the reproducible-builds convention
   * gives it): the PDF's creation and modification dates. Without it, the
   * model's own date is used, so the bytes still depend on nothing but the input.
   */
  sourceDateEpoch?: string | number;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 56;
const TOP = 62;
const WIDTH = PAGE_WIDTH - 2 * LEFT;
const BOTTOM = PAGE_HEIGHT - 58;

const ink = "#1b1b1b";
const muted = "#505a5f";
const navy = "#1d3557";
const rule = "#b1b4b6";
const shade = "#f3f2f1";
const danger = "#a4161a";

const style = (face: TextStyle["face"], size: number, color = ink): TextStyle => ({ face, size, color });
const body = style("regular", 9);
const bodyBold = style("bold", 9);
const small = style("regular", 7.5, muted);
const smallInk = style("regular", 7.5);
const smallBold = style("bold", 7.5);
const cell = style("regular", 7.5);
const cellBold = style("bold", 7.5);

const verdictColour = (verdict: Verdict) => verdictStroke[verdict].colour;

/** The date the PDF records: SOURCE_DATE_EPOCH when given, else the model's. */
export function reportDate(model: Pick<ReportModel, "issuedAt">, sourceDateEpoch?: string | number): Date {
  if (sourceDateEpoch === undefined || sourceDateEpoch === "") return new Date(model.issuedAt);
  const seconds = typeof sourceDateEpoch === "number" ? sourceDateEpoch : Number(sourceDateEpoch);
  if (!Number.isInteger(seconds) || seconds < 0 || String(sourceDateEpoch).trim() === "") {
    throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${sourceDateEpoch}"`);
  }
  return new Date(seconds * 1000);
}

interface Heading {
  id: string;
  title: string;
  page: number;
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  readonly canvas: PageCanvas;
  y = TOP;
  page = -1;
  readonly headings: Heading[] = [];

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.canvas = new PageCanvas(doc);
  }

  newPage() {
    this.doc.addPage();
    this.page++;
    this.canvas.addedPage(this.page);
    this.y = TOP;
  }

  room(): number {
    return BOTTOM - this.y;
  }

  ensure(height: number) {
    if (this.y + height > BOTTOM) this.newPage();
  }

  wrap(spans: readonly Span[] | string, textStyle: TextStyle, width = WIDTH): Line[] {
    return wrap(typeof spans === "string" ? [{ text: spans, style: textStyle }] : spans, width);
  }

  /** Lines flow across pages one at a time. */
  lines(lines: readonly Line[], x = LEFT, after = 0) {
    for (const line of lines) {
      const height = lineHeight(line);
      this.ensure(height);
      this.canvas.text(line, x, this.y);
      this.y += height;
    }
    this.y += after;
  }

  paragraph(spans: readonly Span[] | string, textStyle: TextStyle = body, options: { x?: number; width?: number; after?: number } = {}) {
    const x = options.x ?? LEFT;
    this.lines(this.wrap(spans, textStyle, options.width ?? WIDTH - (x - LEFT)), x, options.after ?? 5);
  }

  /** A section heading: new page when little room is left, a named destination, an outline entry. */
  /** A section heading: on a new page when less than `keep` points are left. */
  section(section: Pick<ReportSection, "id" | "title">, keep = 220) {
    if (this.page < 0 || this.room() < keep) this.newPage();
    else if (this.y > TOP) this.y += 14;
    const doc = this.doc;
    doc.addNamedDestination(section.id, "XYZ", LEFT, this.y, null);
    doc.outline.addItem(section.title);
    this.headings.push({ id: section.id, title: section.title, page: this.page });
    this.lines(this.wrap(section.title, style("bold", 16, navy)), LEFT, 2);
    this.canvas.polyline([[LEFT, this.y], [LEFT + WIDTH, this.y]], { color: navy, width: 1 });
    this.y += 9;
  }

  subheading(text: string, keepWith = 40) {
    this.ensure(keepWith + 20);
    this.y += 4;
    this.lines(this.wrap(text, style("bold", 11, navy)), LEFT, 4);
  }

  minorHeading(text: string, keepWith = 30) {
    this.ensure(keepWith + 14);
    this.lines(this.wrap(text, bodyBold), LEFT, 2);
  }

  labelValues(items: readonly LabelValue[], labelWidth = 150, textStyle = body) {
    for (const item of items) {
      const label = this.wrap(item.label, { ...textStyle, face: "bold", color: muted }, labelWidth - 8);
      const value = this.wrap(item.value, textStyle, WIDTH - labelWidth);
      const height = Math.max(blockHeight(label), blockHeight(value));
      this.ensure(height);
      drawBlock(this, label, LEFT, this.y);
      drawBlock(this, value, LEFT + labelWidth, this.y);
      this.y += height + 3;
    }
  }

  bullets(items: readonly string[], textStyle: TextStyle = body, x = LEFT) {
    for (const item of items) {
      const lines = this.wrap(item, textStyle, WIDTH - (x - LEFT) - 10);
      this.ensure(lineHeight(lines[0]!));
      this.canvas.text(this.wrap("•", textStyle)[0]!, x, this.y);
      this.lines(lines, x + 10, 2);
    }
  }

  checklist(items: readonly ChecklistItem[]) {
    for (const item of items) {
      const text = this.wrap(item.text, body, WIDTH - 18);
      const detail = item.detail ? this.wrap(item.detail, small, WIDTH - 18) : [];
      this.ensure(lineHeight(text[0]!) + 2);
      const boxY = this.y + 2;
      this.canvas.strokeRect(LEFT, boxY, 8.5, 8.5, { color: ink, width: 0.8 });
      if (item.done) {
        this.canvas.polyline(
          [
            [LEFT + 1.8, boxY + 4.4],
            [LEFT + 3.7, boxY + 6.6],
            [LEFT + 7, boxY + 1.8],
          ],
          { color: navy, width: 1.2 },
        );
      }
      this.lines(text, LEFT + 18, 0);
      this.lines(detail, LEFT + 18, 0);
      this.y += 5;
    }
  }

  rule(colour = rule) {
    this.canvas.polyline([[LEFT, this.y], [LEFT + WIDTH, this.y]], { color: colour, width: 0.5 });
  }
}

const lineHeight = (line: Line) => line.size * LINE_HEIGHT;
const hairline: StrokeStyle = { color: rule, width: 0.4 };
const blockHeight = (lines: readonly Line[]) => lines.reduce((h, l) => h + lineHeight(l), 0);

function drawBlock(w: Writer, lines: readonly Line[], x: number, y: number) {
  let top = y;
  for (const line of lines) {
    w.canvas.text(line, x, top);
    top += lineHeight(line);
  }
}

// ---- Tables ----

interface Cell {
  spans: Span[];
  /** A coloured bar at the cell's left edge: the verdict's colour beside its words. */
  bar?: string;
}

interface TableSpec {
  columns: { header: string; width: number; align?: "left" | "right" }[];
  rows: Cell[][];
  total?: Cell[];
}

const PAD = 3.5;

function table(w: Writer, spec: TableSpec) {
  const xs: number[] = [];
  let x = LEFT;
  const widths = spec.columns.map((c) => c.width * WIDTH);
  for (const width of widths) {
    xs.push(x);
    x += width;
  }
  const wrapRow = (cells: Cell[], bold = false) =>
    cells.map((c, i) => wrap(bold ? c.spans.map((s) => ({ ...s, style: { ...s.style, face: "bold" as const } })) : c.spans, (widths[i] ?? 0) - 2 * PAD));
  const header = wrapRow(spec.columns.map((c) => ({ spans: [{ text: c.header, style: cellBold }] })));
  const headerHeight = Math.max(...header.map(blockHeight)) + 2 * PAD;

  const drawRow = (rows: Line[][], cells: Cell[] | null, from: number, to: number, fill: string | null) => {
    const height = Math.max(...rows.map((lines) => blockHeight(lines.slice(from, to)))) + 2 * PAD;
    if (fill) w.canvas.fillRect(LEFT, w.y, WIDTH, height, fill);
    rows.forEach((lines, i) => {
      const bar = cells?.[i]?.bar;
      if (bar) w.canvas.fillRect(xs[i]!, w.y, 2.5, height, bar);
      let top = w.y + PAD;
      for (const line of lines.slice(from, to)) {
        const right = spec.columns[i]?.align === "right";
        w.canvas.text(line, right ? xs[i]! + (widths[i] ?? 0) - PAD - line.width : xs[i]! + PAD + (bar ? 3 : 0), top);
        top += lineHeight(line);
      }
    });
    w.y += height;
    w.canvas.polyline([[LEFT, w.y], [LEFT + WIDTH, w.y]], hairline);
  };
  const drawHeader = () => drawRow(header, null, 0, Infinity, shade);

  w.ensure(headerHeight + 30);
  drawHeader();
  const body = [...spec.rows.map((r) => ({ cells: r, bold: false })), ...(spec.total ? [{ cells: spec.total, bold: true }] : [])];
  for (const row of body) {
    const wrapped = wrapRow(row.cells, row.bold);
    const lineCount = Math.max(...wrapped.map((l) => l.length));
    let from = 0;
    while (from < lineCount) {
      // As many lines of the row as fit; a row taller than a page continues on the next.
      let to = from;
      let height = 2 * PAD;
      while (to < lineCount) {
        const next = Math.max(...wrapped.map((lines) => (lines[to] ? lineHeight(lines[to]!) : 0)));
        if (w.y + height + next > BOTTOM && to > from) break;
        if (w.y + height + next > BOTTOM && to === from) break;
        height += next;
        to++;
      }
      if (to === from) {
        w.newPage();
        drawHeader();
        continue;
      }
      drawRow(wrapped, row.cells, from, to, row.bold ? shade : null);
      from = to;
    }
  }
  w.y += 8;
}

const text = (value: string, textStyle: TextStyle = cell): Cell => ({ spans: [{ text: value, style: textStyle }] });

function reportTable(w: Writer, t: ReportTable) {
  w.minorHeading(t.caption, 50);
  table(w, {
    columns: t.columns.map((c) => ({ header: c.header, width: c.width, align: c.align })),
    rows: t.rows.map((r) => r.map((v) => text(v))),
    ...(t.total ? { total: t.total.map((v) => text(v)) } : {}),
  });
}

// ---- Sections ----

function cover(w: Writer, model: ReportModel) {
  w.newPage();
  const c = model.cover;
  w.y = 120;
  w.paragraph("Custodian", style("bold", 10, muted), { after: 10 });
  w.paragraph(c.title, style("bold", 28, navy), { after: 6 });
  w.paragraph(c.subtitle, style("regular", 14), { after: 22 });
  if (model.draft) {
    const lines = w.wrap(`${model.draft}. This report is computed from the answers as they stand and changes with them.`, style("bold", 10, danger), WIDTH - 24);
    const height = blockHeight(lines) + 16;
    w.canvas.strokeRect(LEFT, w.y, WIDTH, height, { color: danger, width: 2 });
    drawBlock(w, lines, LEFT + 12, w.y + 8);
    w.y += height + 18;
  }
  if (c.decision || c.tier) {
    const top = w.y;
    const height = 64;
    w.canvas.fillRect(LEFT, top, WIDTH, height, shade);
    w.canvas.fillRect(LEFT, top, 5, height, navy);
    if (c.decision) {
      drawBlock(w, w.wrap("Recommended decision", style("bold", 9, muted)), LEFT + 16, top + 10);
      drawBlock(w, w.wrap(c.decision.label, style("bold", 18, navy)), LEFT + 16, top + 26);
    }
    if (c.tier) {
      drawBlock(w, w.wrap("Tier", style("bold", 9, muted)), LEFT + WIDTH * 0.62, top + 10);
      drawBlock(w, w.wrap(c.tier.label, style("bold", 18, navy)), LEFT + WIDTH * 0.62, top + 26);
    }
    w.y = top + height + 22;
  }
  w.labelValues(c.facts, 150, style("regular", 10));
}

function contents(w: Writer): number {
  w.newPage();
  const page = w.page;
  w.doc.addNamedDestination("contents", "XYZ", LEFT, TOP, null);
  w.doc.outline.addItem("Contents");
  w.lines(w.wrap("Contents", style("bold", 16, navy)), LEFT, 2);
  w.rule(navy);
  w.newPage();
  return page;
}

function fillContents(w: Writer, page: number, headings: readonly Heading[]) {
  w.canvas.switchTo(page);
  let y = TOP + 40;
  for (const h of headings) {
    const title = w.wrap(h.title, style("regular", 11), WIDTH - 60)[0]!;
    const number = w.wrap(String(h.page + 1), style("regular", 11))[0]!;
    w.canvas.text(title, LEFT, y);
    w.canvas.text(number, LEFT + WIDTH - number.width, y);
    // Dotted leader from the title to its page number.
    w.canvas.polyline(
      [
        [LEFT + title.width + 6, y + 12],
        [LEFT + WIDTH - number.width - 6, y + 12],
      ],
      { color: muted, width: 0.6, dash: [0.6, 3] },
    );
    w.doc.goTo(LEFT, y, WIDTH, 16, h.id);
    y += 22;
  }
}

function summary(w: Writer, s: SummarySection) {
  w.section(s);
  w.paragraph([
    { text: "Recommended decision: ", style: style("bold", 12, navy) },
    { text: s.decision, style: style("bold", 12, navy) },
  ]);
  for (const p of s.paragraphs) w.paragraph(p);
  if (s.reasons.length > 0) {
    w.minorHeading("Why");
    w.bullets(s.reasons);
  }
  w.subheading("Key figures");
  w.labelValues(s.figures);
  if (s.conditions.length > 0) {
    w.subheading("Conditions before go-live");
    w.checklist(s.conditions);
  }
}

function risk(w: Writer, s: RiskSection) {
  w.section(s);
  w.paragraph(s.headline, style("bold", 11, navy));
  for (const p of s.paragraphs) w.paragraph(p);
  for (const t of s.tables) reportTable(w, t);
}

function chart(w: Writer, s: ChartSection) {
  w.section(s);
  w.paragraph(s.caption, small);
  const labelWidth = WIDTH * 0.42;
  const barX = LEFT + labelWidth + 8;
  const barWidth = WIDTH * 0.44;
  for (const bar of s.bars) {
    const label = w.wrap(bar.label, smallInk, labelWidth);
    const height = Math.max(blockHeight(label), 12) + 5;
    w.ensure(height);
    drawBlock(w, label, LEFT, w.y);
    w.canvas.fillRect(barX, w.y + 1.5, barWidth, 8, shade);
    if (bar.fraction !== null && bar.fraction > 0) w.canvas.fillRect(barX, w.y + 1.5, barWidth * bar.fraction, 8, navy);
    const value = w.wrap(bar.value, bar.fraction === null ? small : smallBold)[0]!;
    w.canvas.text(value, LEFT + WIDTH - value.width, w.y);
    w.y += height;
  }
  if (s.note) w.paragraph(s.note, small, { after: 0 });
}

function picture(w: Writer, s: PictureSection) {
  w.section(s);
  if (s.empty) {
    w.paragraph(s.empty);
    return;
  }
  const scale = WIDTH / s.layout.width;
  const height = s.layout.height * scale;
  const labelStyle = style("regular", 7.5);
  const leftX = LEFT + WIDTH * 0.36;
  const rightX = LEFT + WIDTH * 0.64;
  w.ensure(height + 16);
  const top = w.y;
  const heading = style("bold", 8, muted);
  const left = w.wrap("Data subjects in", heading)[0]!;
  w.canvas.text(left, leftX - left.width, top);
  w.canvas.text(w.wrap("Destinations", heading)[0]!, rightX, top);
  const mid = (leftX + rightX) / 2;
  for (const link of s.layout.links) {
    const y1 = top + link.y1 * scale;
    const y2 = top + link.y2 * scale;
    w.canvas.curve(leftX + 4, y1, mid, y1, mid, y2, rightX - 4, y2, verdictLine(link.verdict));
  }
  for (const node of s.layout.subjects) {
    const y = top + node.y * scale;
    w.canvas.fillCircle(leftX, y, 3.5, navy);
    const label = w.wrap(node.label, labelStyle)[0]!;
    w.canvas.text(label, leftX - 8 - label.width, y - 5.5);
  }
  for (const node of s.layout.destinations) {
    const y = top + node.y * scale;
    w.canvas.fillCircle(rightX, y, 3.5, navy);
    w.canvas.text(w.wrap(node.label, labelStyle)[0]!, rightX + 8, y - 5.5);
  }
  w.y = top + height + 6;
  w.paragraph(s.caption, small);
  w.ensure(s.legend.length * 13);
  for (const item of s.legend) {
    w.canvas.polyline(
      [
        [LEFT, w.y + 5.5],
        [LEFT + 34, w.y + 5.5],
      ],
      verdictLine(item.verdict),
    );
    w.canvas.text(w.wrap(item.label, smallInk)[0]!, LEFT + 42, w.y);
    w.y += 13;
  }
}

/** The web picture's stroke for a verdict, at the PDF's scale: colour, width and dash pattern. */
function verdictLine(verdict: Verdict): StrokeStyle {
  const stroke = verdictStroke[verdict];
  const [dash = 0, space = 0] = (stroke.dash ?? "").split(" ").map(Number);
  return {
    color: stroke.colour,
    width: stroke.width * 0.7,
    ...(stroke.dash ? { dash: [dash * 0.7, space * 0.7] as const } : {}),
    round: verdict === "prohibited",
  };
}

function flows(w: Writer, s: FlowsSection) {
  w.section(s);
  w.paragraph(s.intro);
  w.paragraph(s.counts, bodyBold);
  for (const group of s.groups) {
    w.subheading(group.heading, 60);
    if (group.rows.length === 0) {
      w.paragraph("No flows.", small);
      continue;
    }
    table(w, {
      columns: [
        { header: "Verdict", width: 0.15 },
        { header: "Destination and use", width: 0.17 },
        { header: "Party", width: 0.17 },
        { header: "Legal basis and citations", width: 0.35 },
        { header: "Still to do", width: 0.16 },
      ],
      rows: group.rows.map((row) => [
        { spans: [{ text: row.verdictLabel, style: { ...cellBold, color: verdictColour(row.verdict) } }], bar: verdictColour(row.verdict) },
        { spans: [{ text: `${row.destination}\n`, style: cell }, { text: row.use, style: style("italic", 7.5, muted) }] },
        { spans: [{ text: row.party, style: cell }, ...(row.via ? [{ text: `\n${row.via}`, style: style("italic", 7.5, muted) }] : [])] },
        {
          spans: [
            { text: row.basis, style: cell },
            { text: `\n${row.citations}`, style: style("italic", 7.5, muted) },
            ...row.verify.map((v) => ({ text: `\n${v}`, style: style("regular", 7.5, "#b35900") })),
          ],
        },
        text(row.obligations || "Nothing"),
      ]),
    });
  }
  if (s.notes.length > 0) {
    w.subheading("What the answers could not tell");
    w.bullets(s.notes, small);
  }
  if (s.flags.length > 0) {
    w.subheading("Notes from the residency engine");
    w.bullets(
      s.flags.map((f) => `${f.severity}: ${f.text}${f.citations ? ` (${f.citations})` : ""}`),
      small,
    );
  }
  if (s.policy) {
    w.subheading(s.policy.heading);
    w.paragraph(s.policy.notice, small);
    table(w, {
      columns: [
        { header: "Rule", width: 0.28 },
        { header: "Severity", width: 0.1 },
        { header: "Flow", width: 0.27 },
        { header: "What breaks it", width: 0.35 },
      ],
      rows: s.policy.rows.map((r) => [text(r.rule), text(r.severity), text(r.flow), text(r.text)]),
    });
  }
}

function findings(w: Writer, s: FindingsSection) {
  w.section(s);
  w.paragraph(s.intro);
  for (const group of s.groups) {
    w.subheading(group.heading, 60);
    for (const f of group.items) {
      const title = w.wrap(f.title, bodyBold);
      w.ensure(blockHeight(title) + 24);
      w.lines(title, LEFT, 1);
      w.paragraph(f.source, small, { after: 2 });
      if (f.detail) w.paragraph(f.detail, smallInk, { after: 2 });
      w.paragraph([{ text: "Remediation: ", style: smallBold }, { text: f.remediation, style: smallInk }], smallInk, { after: 2 });
      if (f.references) w.paragraph(`References: ${f.references}`, small, { after: 2 });
      w.y += 5;
    }
  }
}

function obligations(w: Writer, s: ObligationsSection) {
  w.section(s);
  w.paragraph(s.intro);
  for (const group of s.groups) {
    w.subheading(group.heading);
    w.checklist(group.items);
  }
}

function tia(w: Writer, s: TiaSection) {
  w.section(s);
  w.paragraph(s.intro);
  for (const note of s.notes) {
    w.subheading(note.heading, 80);
    w.paragraph(note.status, style("italic", 9, muted));
    for (const step of note.steps) {
      w.minorHeading(step.title, 20);
      if (step.lines.length === 0) w.paragraph("No answer on this in the questionnaire.", small, { x: LEFT + 10 });
      for (const line of step.lines) w.paragraph(line, smallInk, { x: LEFT + 10, after: 2 });
      w.y += 3;
    }
  }
}

function answer(w: Writer, a: DisplayAnswer, x: number) {
  const width = WIDTH - (x - LEFT);
  switch (a.kind) {
    case "unanswered":
      w.paragraph("Not answered", style("italic", 8, muted), { x, width, after: 2 });
      return;
    case "not-applicable":
      w.paragraph([{ text: "Not applicable: ", style: style("bold", 8) }, { text: a.reason, style: style("regular", 8) }], body, { x, width, after: 2 });
      return;
    case "text":
      w.paragraph(a.text, style("regular", 8), { x, width, after: 2 });
      return;
    case "link":
      w.paragraph(a.href, style("regular", 8, navy), { x, width, after: 2 });
      return;
    case "paragraphs":
      for (const p of a.paragraphs) w.paragraph(p, style("regular", 8), { x, width, after: 2 });
      return;
    case "list":
      w.bullets(a.items, style("regular", 8), x);
      return;
    case "table": {
      if (a.rows.length === 0) {
        w.paragraph("No rows", style("italic", 8, muted), { x, width, after: 2 });
      } else if (a.columns.length <= 5) {
        tableAt(w, x, width, a.columns, a.rows);
      } else {
        // Wide tables read better as one block per row than as slivers of columns.
        for (const row of a.rows) {
          const spans = row.flatMap((value, i): Span[] => [
            { text: `${i > 0 ? " · " : ""}${a.columns[i] ?? ""}: `, style: style("bold", 7, muted) },
            { text: value, style: style("regular", 7) },
          ]);
          const lines = w.wrap(spans, style("regular", 7), width - 8);
          w.ensure(lineHeight(lines[0]!));
          const top = w.y;
          w.lines(lines, x + 8, 0);
          if (w.y > top) w.canvas.fillRect(x, top, 1.5, w.y - top, rule);
          w.y += 4;
        }
      }
      return;
    }
  }
}

/** A small table at an indent, for table answers. */
function tableAt(w: Writer, x: number, width: number, columns: readonly string[], rows: readonly string[][]) {
  const colWidth = width / Math.max(1, columns.length);
  const headerLines = columns.map((c) => wrap([{ text: c, style: style("bold", 7) }], colWidth - 2 * PAD));
  const drawRow = (cells: Line[][], fill: boolean) => {
    const height = Math.max(...cells.map(blockHeight)) + 2 * PAD;
    if (w.y + height > BOTTOM) w.newPage();
    if (fill) w.canvas.fillRect(x, w.y, width, height, shade);
    cells.forEach((lines, i) => drawBlock(w, lines, x + i * colWidth + PAD, w.y + PAD));
    w.y += height;
    w.canvas.polyline([[x, w.y], [x + width, w.y]], hairline);
  };
  drawRow(headerLines, true);
  for (const row of rows) drawRow(row.map((c) => wrap([{ text: c, style: style("regular", 7) }], colWidth - 2 * PAD)), false);
  w.y += 4;
}

function answers(w: Writer, s: AnswersSection) {
  w.section(s);
  w.paragraph(s.intro);
  for (const section of s.sections) {
    w.subheading(section.title, 50);
    for (const q of section.questions) {
      const question = w.wrap([{ text: `${q.id}  `, style: style("regular", 7.5, muted) }, { text: q.text, style: style("bold", 8) }], body);
      w.ensure(blockHeight(question) + 12);
      w.lines(question, LEFT, 1);
      answer(w, q.answer, LEFT + 12);
      w.y += 3;
    }
  }
  if (s.evidence.length > 0) {
    w.subheading("Evidence", 40);
    for (const e of s.evidence) {
      w.paragraph(e.question, style("bold", 8), { after: 1 });
      w.bullets(e.items, style("regular", 8), LEFT + 12);
    }
  }
}

function sources(w: Writer, s: SourcesSection) {
  w.section(s);
  w.labelValues(s.facts, 130);
  for (const j of s.jurisdictions) {
    w.subheading(j.heading, 30);
    for (const line of j.lines) {
      const lines = w.wrap(line.text, small);
      w.ensure(blockHeight(lines));
      const top = w.y;
      const page = w.page;
      w.lines(lines, LEFT, 1.5);
      if (w.page === page) w.doc.link(LEFT, top, WIDTH, w.y - top, line.url);
    }
  }
}

function signOff(w: Writer, s: SignOffSection) {
  w.section(s, 120 + s.signatories.length * (34 + s.fields.length * 26));
  w.paragraph(s.statement);
  w.paragraph(s.record, small, { after: 12 });
  const rowHeight = 26;
  for (const who of s.signatories) {
    const height = 22 + s.fields.length * rowHeight + 6;
    w.ensure(height);
    const top = w.y;
    w.canvas.strokeRect(LEFT, top, WIDTH, height, { color: rule, width: 0.8 });
    drawBlock(w, w.wrap(who, style("bold", 10, navy)), LEFT + 10, top + 6);
    let y = top + 26;
    for (const field of s.fields) {
      drawBlock(w, w.wrap(field, style("regular", 8.5, muted)), LEFT + 10, y + 6);
      w.canvas.polyline(
        [
          [LEFT + 90, y + 18],
          [LEFT + WIDTH - 12, y + 18],
        ],
        { color: muted, width: 0.5 },
      );
      y += rowHeight;
    }
    w.y = top + height + 12;
  }
}

function renderSection(w: Writer, s: ReportSection) {
  switch (s.kind) {
    case "summary":
      return summary(w, s);
    case "risk":
      return risk(w, s);
    case "chart":
      return chart(w, s);
    case "picture":
      return picture(w, s);
    case "flows":
      return flows(w, s);
    case "findings":
      return findings(w, s);
    case "obligations":
      return obligations(w, s);
    case "tia":
      return tia(w, s);
    case "answers":
      return answers(w, s);
    case "sources":
      return sources(w, s);
    case "signoff":
      return signOff(w, s);
  }
}

function pageFurniture(w: Writer, model: ReportModel) {
  const { start, count } = w.doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    w.canvas.switchTo(i);
    if (i > start) {
      w.canvas.text(w.wrap(model.documentTitle, small, WIDTH * 0.7)[0]!, LEFT, 30);
      if (model.draft) {
        const draft = w.wrap(model.draft, style("bold", 7.5, danger))[0]!;
        w.canvas.text(draft, LEFT + WIDTH - draft.width, 30);
      }
    }
    w.canvas.polyline([[LEFT, BOTTOM + 14], [LEFT + WIDTH, BOTTOM + 14]], hairline);
    w.canvas.text(w.wrap(model.footer, small, WIDTH * 0.75)[0]!, LEFT, BOTTOM + 20);
    const number = w.wrap(`Page ${i - start + 1} of ${count}`, small)[0]!;
    w.canvas.text(number, LEFT + WIDTH - number.width, BOTTOM + 20);
  }
}

/** The report as PDF bytes. Pure apart from reading the font files once per process. */
export async function renderReportPdf(model: ReportModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const date = reportDate(model, options.sourceDateEpoch);
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: "1.7",
    lang: "en-GB",
    displayTitle: true,
    // A parsed font object: pdfkit would otherwise load Helvetica for every document.
    font: loadFont("regular") as unknown as string,
    info: {
      Title: model.documentTitle,
      Author: "Custodian",
      Subject: model.cover.subtitle,
      Keywords: "due diligence; data residency; cross-border transfers; vendor risk",
      Creator: "Custodian",
      Producer: "Custodian with PDFKit",
      CreationDate: date,
      ModDate: date,
    },
  });
  // pdfkit derives the file ID from the info dictionary alone, which two reports can share.
  const id = model.id ?? `${model.kind}:${model.fileName}:${model.issuedAt}`;
  (doc as unknown as { _id: Uint8Array })._id = createHash("md5").update(`${id}\u0000${date.toISOString()}`).digest();

  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const w = new Writer(doc);
  cover(w, model);
  doc.outline.addItem("Cover");
  const contentsPage = contents(w);
  for (const section of model.sections) renderSection(w, section);
  fillContents(w, contentsPage, w.headings);
  pageFurniture(w, model);
  w.canvas.finish();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
