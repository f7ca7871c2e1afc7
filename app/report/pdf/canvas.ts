import { deflateSync } from "node:zlib";
import { loadFont, type FontName } from "./fonts";
import { ASCENT, type Line, type Run } from "./typeset";

// Every page's content, written by the report itself and handed to pdfkit
// once per page: text as TJ arrays of two-byte glyph codes, and the few vector
// operators the report draws. pdfkit keeps the document: pages, font subsets
// and their embedding, outline, links, cross-references. Writing a page's
// content in one piece, and compressing it at zlib's fastest level, halved the
// time a report takes (docs/decisions/011-report.md).

/** pdfkit's EmbeddedFont, as far as the canvas uses it. */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** pdfkit's content stream of a page (a PDFReference). */
interface ContentStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: Record<string, unknown>;
}

interface DocumentInternals {
  _font: EmbeddedFont;
  font(src: unknown): unknown;
  switchToPage(index: number): unknown;
  page: { fonts: Record<string, unknown>; write(chunk: Uint8Array): void; content: ContentStream };
}

/** One byte of a PDF literal string, escaped where the syntax needs it (a raw carriage return would read as a newline). */
function literal(byte: number): string {
  switch (byte) {
    case 0x28:
      return "\\(";
    case 0x29:
      return "\\)";
    case 0x5c:
      return "\\\\";
    case 0x0d:
      return "\\r";
    default:
      return String.fromCharCode(byte);
  }
}

const num = (n: number) => String(Math.round(n * 100) / 100);

const colours = new Map<string, string>();
/** "#1d3557" as the three PDF components "0.11 0.21 0.34". */
function components(color: string): string {
  let known = colours.get(color);
  if (!known) {
    const value = Number.parseInt(color.slice(1), 16);
    known = `${num(((value >> 16) & 255) / 255)} ${num(((value >> 8) & 255) / 255)} ${num((value & 255) / 255)}`;
    colours.set(color, known);
  }
  return known;
}

export interface StrokeStyle {
  color: string;
  width: number;
  /** Dash and gap lengths; none for a solid line. */
  dash?: readonly [number, number];
  round?: boolean;
}

interface PageContent {
  parts: string[];
  /** Text state outlives BT ... ET, so a font and size set once hold until the next change. */
  font: string;
  size: number;
  fill: string;
  stroke: string;
  width: number;
  dash: string;
  round: boolean;
}

let documents = 0;

export class PageCanvas {
  private readonly doc: DocumentInternals;
  private readonly embedded = new Map<FontName, EmbeddedFont>();
  /** Stamps the runs whose glyph codes this document wrote, so a word is encoded once per document. */
  private readonly serial = documents++;
  private readonly pages: PageContent[] = [];
  private page: PageContent | null = null;

  /** `doc` must have been made with the regular font as its font, which is then its first embedded one. */
  constructor(doc: unknown) {
    this.doc = doc as DocumentInternals;
    this.embedded.set("regular", this.doc._font);
  }

  /** Starts writing on a page pdfkit has just added (the n-th). */
  addedPage(index: number) {
    this.pages[index] = { parts: [], font: "", size: 0, fill: "", stroke: "", width: -1, dash: "", round: false };
    this.page = this.pages[index]!;
  }

  /** Goes back to an earlier page, as pdfkit's switchToPage does. */
  switchTo(index: number) {
    this.doc.switchToPage(index);
    this.page = this.pages[index]!;
  }

  private get current(): PageContent {
    if (!this.page) throw new Error("PageCanvas: no page yet");
    return this.page;
  }

  private font(name: FontName): EmbeddedFont {
    let font = this.embedded.get(name);
    if (!font) {
      this.doc.font(loadFont(name));
      font = this.doc._font;
      this.embedded.set(name, font);
    }
    return font;
  }

  /** The run's glyph codes in this document's subset: two bytes a glyph in a literal string, with kerning. */
  private fragment(run: Run): string {
    if (run.fragmentOf === this.serial) return run.fragment;
    const font = this.font(run.font);
    const { glyphs, widths, advances, codePoints } = run.shaped;
    let out = "(";
    for (let i = 0; i < glyphs.length; i++) {
      const gid = font.subset.includeGlyph(glyphs[i]!);
      if (font.widths[gid] == null) font.widths[gid] = widths[i]!;
      if (font.unicode[gid] == null) font.unicode[gid] = codePoints[i]!;
      out += literal(gid >> 8) + literal(gid & 0xff);
      // Kerning: TJ moves the next glyph left by this many thousandths of an em.
      const kern = widths[i]! - advances[i]!;
      if (Math.abs(kern) >= 0.5 && i < glyphs.length - 1) out += `) ${Math.round(kern)} (`;
    }
    out += ")";
    run.fragment = out;
    run.fragmentOf = this.serial;
    return out;
  }

  /** Draws a line of text with its top at y (pdfkit's top-left coordinates). */
  text(line: Line, x: number, y: number) {
    if (line.items.length === 0) return;
    const page = this.current;
    // pdfkit's pages start flipped (y down); the text matrix flips glyphs upright again.
    let out = `BT 1 0 0 -1 ${num(x)} ${num(y + line.size * ASCENT)} Tm`;
    let open = false;
    const fonts = this.doc.page.fonts;
    for (const { word, style } of line.items) {
      for (const run of word.runs) {
        const embedded = this.font(run.font);
        if (embedded.id !== page.font || style.size !== page.size) {
          if (open) out += "] TJ";
          open = false;
          if (fonts[embedded.id] == null) fonts[embedded.id] = embedded.ref();
          out += ` /${embedded.id} ${num(style.size)} Tf`;
          page.font = embedded.id;
          page.size = style.size;
        }
        if (style.color !== page.fill) {
          if (open) out += "] TJ";
          open = false;
          out += ` ${components(style.color)} rg`;
          page.fill = style.color;
        }
        out += open ? this.fragment(run) : ` [${this.fragment(run)}`;
        open = true;
      }
    }
    if (open) out += "] TJ";
    page.parts.push(`${out} ET\n`);
  }

  private fillColor(color: string): string {
    const page = this.current;
    if (page.fill === color) return "";
    page.fill = color;
    return `${components(color)} rg `;
  }

  private strokeState(style: StrokeStyle): string {
    const page = this.current;
    let out = "";
    if (page.stroke !== style.color) out += `${components(style.color)} RG `;
    if (page.width !== style.width) out += `${num(style.width)} w `;
    const dash = style.dash ? `[${num(style.dash[0])} ${num(style.dash[1])}] 0 d ` : "[] 0 d ";
    if (page.dash !== dash) out += dash;
    const round = style.round ?? false;
    if (page.round !== round) out += round ? "1 J " : "0 J ";
    page.stroke = style.color;
    page.width = style.width;
    page.dash = dash;
    page.round = round;
    return out;
  }

  fillRect(x: number, y: number, width: number, height: number, color: string) {
    this.current.parts.push(`${this.fillColor(color)}${num(x)} ${num(y)} ${num(width)} ${num(height)} re f\n`);
  }

  strokeRect(x: number, y: number, width: number, height: number, style: StrokeStyle) {
    this.current.parts.push(`${this.strokeState(style)}${num(x)} ${num(y)} ${num(width)} ${num(height)} re S\n`);
  }

  /** A straight line through the points. */
  polyline(points: readonly (readonly [number, number])[], style: StrokeStyle) {
    const path = points.map(([x, y], i) => `${num(x)} ${num(y)} ${i === 0 ? "m" : "l"}`).join(" ");
    this.current.parts.push(`${this.strokeState(style)}${path} S\n`);
  }

  /** A cubic Bézier curve from (x0, y0) to (x3, y3). */
  curve(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, style: StrokeStyle) {
    this.current.parts.push(`${this.strokeState(style)}${num(x0)} ${num(y0)} m ${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x3)} ${num(y3)} c S\n`);
  }

  fillCircle(x: number, y: number, r: number, color: string) {
    // Four Bézier quarters; 0.5523 is the usual control-point distance for a circle.
    const k = r * 0.5523;
    this.current.parts.push(
      `${this.fillColor(color)}${num(x + r)} ${num(y)} m ${num(x + r)} ${num(y + k)} ${num(x + k)} ${num(y + r)} ${num(x)} ${num(y + r)} c ` +
        `${num(x - k)} ${num(y + r)} ${num(x - r)} ${num(y + k)} ${num(x - r)} ${num(y)} c ` +
        `${num(x - r)} ${num(y - k)} ${num(x - k)} ${num(y - r)} ${num(x)} ${num(y - r)} c ` +
        `${num(x + k)} ${num(y - r)} ${num(x + r)} ${num(y - k)} ${num(x + r)} ${num(y)} c f\n`,
    );
  }

  /**
   * Hands every page's content to pdfkit, compressed here at zlib's fastest
   * level (pdfkit would use the default, several times slower for a few per
   * cent smaller files). Call once, after the last drawing, before doc.end().
   */
  finish() {
    this.pages.forEach((page, index) => {
      this.doc.switchToPage(index);
      const content = this.doc.page.content;
      content.buffer.push(Buffer.from(page.parts.join(""), "latin1"));
      content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: 1 })];
      content.compress = false;
      content.data.Filter = "FlateDecode";
    });
  }
}
