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

/** Writes one byte of a literal string at `at`, escaped where the syntax needs it; returns the next position. */
function literalByte(bytes: Buffer, at: number, byte: number): number {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) {
    bytes[at] = 0x5c;
    bytes[at + 1] = byte;
    return at + 2;
  }
  if (byte === 0x0d) {
    bytes[at] = 0x5c;
    bytes[at + 1] = 0x72;
    return at + 2;
  }
  bytes[at] = byte;
  return at + 1;
}

/** A page's content stream as it is written: bytes off the JS heap, so a 30-page report leaves little for the garbage collector. */
class ContentBuffer {
  bytes = Buffer.allocUnsafe(16 * 1024);
  length = 0;

  private room(more: number) {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  ascii(text: string) {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
  }

  /**
   * Two-byte glyph codes inside an open literal string (a raw carriage return
   * would read as a newline, hence the escapes); kerning closes the string,
   * moves, and opens the next.
   */
  codes(codes: Uint16Array, glyphs: Uint16Array, kerns: Int16Array | null) {
    this.room(glyphs.length * 4 + (kerns ? glyphs.length * 10 : 0));
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < glyphs.length; i++) {
      const code = codes[glyphs[i]!]!;
      at = literalByte(bytes, at, code >> 8);
      at = literalByte(bytes, at, code & 0xff);
      const kern = kerns ? kerns[i]! : 0;
      if (kern !== 0) {
        const text = `) ${kern} (`;
        for (let k = 0; k < text.length; k++) bytes[at++] = text.charCodeAt(k);
      }
    }
    this.length = at;
  }

  content(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}

interface PageContent {
  out: ContentBuffer;
  /** Text state outlives BT ... ET, so a font and size set once hold until the next change. */
  font: string;
  size: number;
  fill: string;
  stroke: string;
  width: number;
  dash: string;
  round: boolean;
}

/** A font as one document embeds it: pdfkit's subset, and each glyph's code in it (0: not yet in it). */
interface DocumentFont {
  embedded: EmbeddedFont;
  codes: Uint16Array;
}

export class PageCanvas {
  private readonly doc: DocumentInternals;
  private readonly fonts = new Map<FontName, DocumentFont>();
  private readonly pages: PageContent[] = [];
  private page: PageContent | null = null;

  /** `doc` must have been made with the regular font as its font, which is then its first embedded one. */
  constructor(doc: unknown) {
    this.doc = doc as DocumentInternals;
    this.fonts.set("regular", { embedded: this.doc._font, codes: new Uint16Array(loadFont("regular").numGlyphs) });
  }

  /** Starts writing on a page pdfkit has just added (the n-th). */
  addedPage(index: number) {
    this.pages[index] = { out: new ContentBuffer(), font: "", size: 0, fill: "", stroke: "", width: -1, dash: "", round: false };
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

  private font(name: FontName): DocumentFont {
    let font = this.fonts.get(name);
    if (!font) {
      this.doc.font(loadFont(name));
      font = { embedded: this.doc._font, codes: new Uint16Array(loadFont(name).numGlyphs) };
      this.fonts.set(name, font);
    }
    return font;
  }

  /** Puts the run's glyphs in this document's subset, the first time each is used. */
  private include(font: DocumentFont, run: Run) {
    const { glyphs, widths, codePoints } = run.shaped;
    const { embedded, codes } = font;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      // Code 0 is .notdef, which the subset always holds first: 0 here means "not included yet".
      if (codes[glyph] !== 0 || glyph === 0) continue;
      const code = embedded.subset.includeGlyph(glyph);
      codes[glyph] = code;
      if (embedded.widths[code] == null) embedded.widths[code] = widths[i]!;
      if (embedded.unicode[code] == null) embedded.unicode[code] = codePoints[i]!;
    }
  }

  /** Draws a line of text with its top at y (pdfkit's top-left coordinates). */
  text(line: Line, x: number, y: number) {
    if (line.items.length === 0) return;
    const page = this.current;
    const out = page.out;
    // pdfkit's pages start flipped (y down); the text matrix flips glyphs upright again.
    out.ascii(`BT 1 0 0 -1 ${num(x)} ${num(y + line.size * ASCENT)} Tm`);
    let open = false;
    const resources = this.doc.page.fonts;
    for (const { word, style } of line.items) {
      for (const run of word.runs) {
        const font = this.font(run.font);
        const { id } = font.embedded;
        if (id !== page.font || style.size !== page.size) {
          if (open) out.ascii(")] TJ");
          open = false;
          if (resources[id] == null) resources[id] = font.embedded.ref();
          out.ascii(` /${id} ${num(style.size)} Tf`);
          page.font = id;
          page.size = style.size;
        }
        if (style.color !== page.fill) {
          if (open) out.ascii(")] TJ");
          open = false;
          out.ascii(` ${components(style.color)} rg`);
          page.fill = style.color;
        }
        if (!open) out.ascii(" [(");
        open = true;
        this.include(font, run);
        out.codes(font.codes, run.shaped.glyphs, run.shaped.kerns);
      }
    }
    out.ascii(open ? ")] TJ ET\n" : " ET\n");
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
    this.current.out.ascii(`${this.fillColor(color)}${num(x)} ${num(y)} ${num(width)} ${num(height)} re f\n`);
  }

  strokeRect(x: number, y: number, width: number, height: number, style: StrokeStyle) {
    this.current.out.ascii(`${this.strokeState(style)}${num(x)} ${num(y)} ${num(width)} ${num(height)} re S\n`);
  }

  /** A straight line through the points. */
  polyline(points: readonly (readonly [number, number])[], style: StrokeStyle) {
    const path = points.map(([x, y], i) => `${num(x)} ${num(y)} ${i === 0 ? "m" : "l"}`).join(" ");
    this.current.out.ascii(`${this.strokeState(style)}${path} S\n`);
  }

  /** A cubic Bézier curve from (x0, y0) to (x3, y3). */
  curve(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, style: StrokeStyle) {
    this.current.out.ascii(`${this.strokeState(style)}${num(x0)} ${num(y0)} m ${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x3)} ${num(y3)} c S\n`);
  }

  fillCircle(x: number, y: number, r: number, color: string) {
    // Four Bézier quarters; 0.5523 is the usual control-point distance for a circle.
    const k = r * 0.5523;
    this.current.out.ascii(
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
      content.buffer.push(page.out.content());
      content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: 1 })];
      content.compress = false;
      content.data.Filter = "FlateDecode";
    });
  }
}
