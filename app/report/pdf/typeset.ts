import { loadFont, mainFontHas, type FaceName, type FontkitFont, type FontName } from "./fonts";

// Text for the PDF, set on top of pdfkit. pdfkit's own text() shapes every word
// again in every document and re-measures each line several times; a report
// of 40 pages spent most of its time there. Here a word is shaped once per
// process (cached by font and text), each document turns it into its subset's
// glyph codes once, and a line is written as one TJ array per font run.
// pdfkit still does the rest: pages, subsets, embedding, vector graphics,
// outlines, links, compression (docs/decisions/011-report.md).
//
// pdfkit has no font fallback: a word is split into runs by whether Noto Sans
// has each character, and the runs it lacks (CJK) go to Noto Sans JP.

export interface TextStyle {
  face: FaceName;
  size: number;
  /** "#rrggbb" */
  color: string;
}

export interface Span {
  text: string;
  style: TextStyle;
}

interface Shaped {
  glyphs: number[];
  /** In thousandths of an em, as PDF widths are. */
  advances: number[];
  widths: number[];
  codePoints: number[][];
  width: number;
}

const shapedCache = new Map<FontName, Map<string, Shaped>>();
// A long-running server renders many reports; the cache only ever holds words, so a cap is enough.
const SHAPED_LIMIT = 200_000;
let shapedCount = 0;

function shape(fontName: FontName, text: string): Shaped {
  let cache = shapedCache.get(fontName);
  if (!cache) shapedCache.set(fontName, (cache = new Map()));
  const known = cache.get(text);
  if (known) return known;
  if (shapedCount >= SHAPED_LIMIT) {
    for (const c of shapedCache.values()) c.clear();
    shapedCount = 0;
  }
  const font = loadFont(fontName);
  const scale = 1000 / font.unitsPerEm;
  const run = font.layout(text);
  const shaped: Shaped = { glyphs: [], advances: [], widths: [], codePoints: [], width: 0 };
  run.glyphs.forEach((glyph, i) => {
    const advance = (run.positions[i]?.xAdvance ?? glyph.advanceWidth) * scale;
    shaped.glyphs.push(glyph.id);
    shaped.advances.push(advance);
    shaped.widths.push(glyph.advanceWidth * scale);
    shaped.codePoints.push(glyph.codePoints);
    shaped.width += advance;
  });
  cache.set(text, shaped);
  shapedCount++;
  return shaped;
}

interface Segment {
  font: FontName;
  text: string;
}

const segmentCache = new Map<string, Segment[]>();

/** A word cut into runs of one font each: the face asked for, or the CJK font where Noto Sans has no glyph. */
function segments(face: FaceName, word: string): Segment[] {
  const key = `${face}\u0000${word}`;
  const known = segmentCache.get(key);
  if (known) return known;
  const result: Segment[] = [];
  for (const char of word) {
    const font: FontName = mainFontHas(char.codePointAt(0)!) ? face : "cjk";
    const last = result[result.length - 1];
    if (last && last.font === font) last.text += char;
    else result.push({ font, text: char });
  }
  if (segmentCache.size >= SHAPED_LIMIT) segmentCache.clear();
  segmentCache.set(key, result);
  return result;
}

/** One run of a line: text in one font, size and colour. */
export interface Piece {
  font: FontName;
  size: number;
  color: string;
  text: string;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

/** pdfkit's EmbeddedFont, as far as the typesetter uses it. */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface DocumentInternals {
  _font: EmbeddedFont;
  font(src: unknown): unknown;
  addContent(content: string): unknown;
  page: { fonts: Record<string, unknown> };
}

const hex = (n: number) => (n < 0x10 ? "000" : n < 0x100 ? "00" : n < 0x1000 ? "0" : "") + n.toString(16);
const num = (n: number) => String(Math.round(n * 100) / 100);

function rgb(color: string): string {
  const value = Number.parseInt(color.slice(1), 16);
  return `${num(((value >> 16) & 255) / 255)} ${num(((value >> 8) & 255) / 255)} ${num((value & 255) / 255)} rg`;
}

export const ASCENT = 1.069;
/** Noto Sans's ascent plus descent, so accents and descenders never touch. */
export const LINE_HEIGHT = 1.362;

export class Typesetter {
  private readonly doc: DocumentInternals;
  private readonly embedded = new Map<FontName, EmbeddedFont>();
  /** Per document: each word's glyph codes in this document's subset, as a TJ fragment. */
  private readonly fragments = new Map<FontName, Map<string, string>>();

  constructor(doc: unknown, regular: EmbeddedFont) {
    this.doc = doc as DocumentInternals;
    this.embedded.set("regular", regular);
  }

  static forDocument(doc: unknown): Typesetter {
    return new Typesetter(doc, (doc as DocumentInternals)._font);
  }

  /** Width of text in points, on one line. */
  measure(text: string, style: TextStyle): number {
    let width = 0;
    let first = true;
    for (const word of text.split(" ")) {
      if (!first) width += shape(style.face, " ").width;
      first = false;
      for (const s of segments(style.face, word)) width += shape(s.font, s.text).width;
    }
    return (width * style.size) / 1000;
  }

  /**
   * Greedy line breaking at spaces; "\n" breaks a line; a word wider than the
   * line (a URL, a run of CJK) is broken between characters.
   */
  wrap(spans: readonly Span[], maxWidth: number): Line[] {
    const lines: Line[] = [];
    let line: Line = { pieces: [], width: 0 };
    let space: TextStyle | null = null;
    const push = () => {
      lines.push(line);
      line = { pieces: [], width: 0 };
      space = null;
    };
    const addWord = (word: string, style: TextStyle) => {
      const pieces = this.wordPieces(word, style);
      const width = pieces.reduce((w, p) => w + p.width, 0);
      const spaceWidth = space && line.pieces.length > 0 ? (shape(space.face, " ").width * space.size) / 1000 : 0;
      if (line.pieces.length > 0 && line.width + spaceWidth + width > maxWidth) push();
      if (width > maxWidth && [...word].length > 1) {
        this.breakWord(word, style, maxWidth, lines, (rest) => (line = rest));
        return;
      }
      if (space && line.pieces.length > 0) {
        line.pieces.push({ font: space.face, size: space.size, color: space.color, text: " ", width: spaceWidth });
        line.width += spaceWidth;
      }
      line.pieces.push(...pieces);
      line.width += width;
      space = null;
    };
    for (const span of spans) {
      const paragraphs = span.text.split("\n");
      paragraphs.forEach((paragraph, p) => {
        if (p > 0) push();
        const tokens = paragraph.split(/([ \t]+)/);
        for (const token of tokens) {
          if (token === "") continue;
          if (/^[ \t]+$/.test(token)) space = span.style;
          else addWord(token, span.style);
        }
      });
    }
    if (line.pieces.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }

  private wordPieces(word: string, style: TextStyle): Piece[] {
    return segments(style.face, word).map((s) => ({
      font: s.font,
      size: style.size,
      color: style.color,
      text: s.text,
      width: (shape(s.font, s.text).width * style.size) / 1000,
    }));
  }

  private breakWord(word: string, style: TextStyle, maxWidth: number, lines: Line[], rest: (line: Line) => void) {
    let chunk = "";
    let chunkWidth = 0;
    const chars = [...word];
    for (const char of chars) {
      const width = this.wordPieces(char, style).reduce((w, p) => w + p.width, 0);
      if (chunk !== "" && chunkWidth + width > maxWidth) {
        lines.push({ pieces: this.wordPieces(chunk, style), width: chunkWidth });
        chunk = "";
        chunkWidth = 0;
      }
      chunk += char;
      chunkWidth += width;
    }
    rest({ pieces: this.wordPieces(chunk, style), width: chunkWidth });
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

  private fragment(name: FontName, text: string): string {
    let cache = this.fragments.get(name);
    if (!cache) this.fragments.set(name, (cache = new Map()));
    const known = cache.get(text);
    if (known !== undefined) return known;
    const font = this.font(name);
    const shaped = shape(name, text);
    let out = "<";
    for (let i = 0; i < shaped.glyphs.length; i++) {
      const gid = font.subset.includeGlyph(shaped.glyphs[i]!);
      if (font.widths[gid] == null) font.widths[gid] = shaped.widths[i]!;
      if (font.unicode[gid] == null) font.unicode[gid] = shaped.codePoints[i]!;
      out += hex(gid);
      // Kerning: TJ moves the next glyph left by this many thousandths of an em.
      const kern = shaped.widths[i]! - shaped.advances[i]!;
      if (Math.abs(kern) > 0.01 && i < shaped.glyphs.length - 1) out += `> ${num(kern)} <`;
    }
    out += ">";
    cache.set(text, out);
    return out;
  }

  /** Draws a line with its top at y (pdfkit's top-left coordinates). */
  draw(line: Line, x: number, y: number) {
    if (line.pieces.length === 0) return;
    const first = line.pieces[0]!;
    const baseline = y + first.size * ASCENT;
    let out = `q BT 1 0 0 -1 ${num(x)} ${num(baseline)} Tm`;
    let font: FontName | null = null;
    let size = 0;
    let color = "";
    let open = false;
    const fonts = this.doc.page.fonts;
    for (const piece of line.pieces) {
      if (piece.font !== font || piece.size !== size) {
        if (open) out += "] TJ";
        open = false;
        const embedded = this.font(piece.font);
        if (fonts[embedded.id] == null) fonts[embedded.id] = embedded.ref();
        out += ` /${embedded.id} ${num(piece.size)} Tf`;
        font = piece.font;
        size = piece.size;
      }
      if (piece.color !== color) {
        if (open) out += "] TJ";
        open = false;
        out += ` ${rgb(piece.color)}`;
        color = piece.color;
      }
      out += open ? ` ${this.fragment(piece.font, piece.text)}` : ` [${this.fragment(piece.font, piece.text)}`;
      open = true;
    }
    if (open) out += "] TJ";
    this.doc.addContent(`${out} ET Q`);
  }
}
