import { loadFont, mainFontHas, type FaceName, type FontkitFont, type FontName } from "./fonts";

// Line breaking for the PDF, apart from any document. pdfkit's own text()
// shapes every word again in every document and measures each line several
// times; a report of 30 pages spent most of its time there. Here a word is
// shaped once per process, and a paragraph broken into lines once per process
// for its text, style and width: both depend on nothing else, and reports
// repeat most of their wording (question texts, headings, legal bases).
// Drawing is canvas.ts's (docs/decisions/011-report.md).
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

export interface Shaped {
  glyphs: Uint16Array;
  /** Each glyph's own width, in thousandths of an em as PDF widths are. */
  widths: number[];
  /** How far kerning moves the next glyph left, in thousandths of an em, as TJ takes it; null without kerning. */
  kerns: Int16Array | null;
  codePoints: number[][];
  /** With kerning. */
  width: number;
}

function shape(font: FontkitFont, text: string): Shaped {
  const scale = 1000 / font.unitsPerEm;
  const run = font.layout(text);
  const count = run.glyphs.length;
  const shaped: Shaped = { glyphs: new Uint16Array(count), widths: [], kerns: null, codePoints: [], width: 0 };
  run.glyphs.forEach((glyph, i) => {
    const advance = (run.positions[i]?.xAdvance ?? glyph.advanceWidth) * scale;
    const width = glyph.advanceWidth * scale;
    shaped.glyphs[i] = glyph.id;
    shaped.widths.push(width);
    shaped.codePoints.push(glyph.codePoints);
    shaped.width += advance;
    const kern = Math.round(width - advance);
    if (kern !== 0 && i < count - 1) (shaped.kerns ??= new Int16Array(count))[i] = kern;
  });
  return shaped;
}

/** A run of one word in one font, shaped once per process. */
export interface Run {
  font: FontName;
  shaped: Shaped;
}

/** A word, cut into runs by whether Noto Sans has each character; the CJK font takes the rest. */
export interface Word {
  runs: Run[];
  /** Thousandths of an em. */
  width: number;
}

const words: Record<FaceName, Map<string, Word>> = { regular: new Map(), bold: new Map(), italic: new Map() };
// A long-running server renders many reports; the cache only ever holds words, so a cap is enough.
const WORD_LIMIT = 100_000;

function word(face: FaceName, text: string): Word {
  const cache = words[face];
  const known = cache.get(text);
  if (known) return known;
  if (cache.size >= WORD_LIMIT) cache.clear();
  const runs: Run[] = [];
  let current = "";
  let font: FontName | null = null;
  const close = () => {
    if (font && current) runs.push({ font, shaped: shape(loadFont(font), current) });
  };
  for (const char of text) {
    const next: FontName = mainFontHas(char.codePointAt(0)!) ? face : "cjk";
    if (next !== font) {
      close();
      font = next;
      current = "";
    }
    current += char;
  }
  close();
  const result: Word = { runs, width: runs.reduce((w, r) => w + r.shaped.width, 0) };
  cache.set(text, result);
  return result;
}

/** One word (or the space before it) of a line, in its style. */
export interface Item {
  word: Word;
  style: TextStyle;
}

export interface Line {
  items: Item[];
  /** Points. */
  width: number;
  /** The size of the line's first item: what its height follows. */
  size: number;
}

/** Noto Sans's ascent plus descent, so accents and descenders never touch. */
export const LINE_HEIGHT = 1.362;
export const ASCENT = 1.069;

/** By text, then by style and width: the text is the key's bulk, and a string hashes once. */
const wrapped = new Map<string, Map<string, Line[]>>();
const WRAP_LIMIT = 50_000;

/** Width of one line of text in points. */
export function measure(text: string, style: TextStyle): number {
  return wrap([{ text, style }], Number.POSITIVE_INFINITY)[0]!.width;
}

/**
 * Greedy line breaking at spaces; "\n" breaks a line; a word wider than the
 * line (a URL, a run of CJK) is broken between characters. The lines are
 * shared between callers: never change them.
 */
export function wrap(spans: readonly Span[], maxWidth: number): Line[] {
  let text: string;
  let key = String(maxWidth);
  if (spans.length === 1) {
    const { style } = spans[0]!;
    text = spans[0]!.text;
    key += ` ${style.face} ${style.size} ${style.color}`;
  } else {
    text = "";
    for (const span of spans) {
      text += `${span.text}\u0000`;
      key += ` ${span.style.face} ${span.style.size} ${span.style.color} ${span.text.length}`;
    }
  }
  let byStyle = wrapped.get(text);
  const known = byStyle?.get(key);
  if (known) return known;
  if (wrapped.size >= WRAP_LIMIT) wrapped.clear();
  if (!byStyle) wrapped.set(text, (byStyle = new Map()));
  const lines = breakLines(spans, maxWidth);
  byStyle.set(key, lines);
  return lines;
}

function breakLines(spans: readonly Span[], maxWidth: number): Line[] {
  const lines: Line[] = [];
  let line: Line = { items: [], width: 0, size: spans[0]?.style.size ?? 9 };
  let space: TextStyle | null = null;
  const push = (size: number) => {
    lines.push(line);
    line = { items: [], width: 0, size };
    space = null;
  };
  const add = (w: Word, style: TextStyle) => {
    if (line.items.length === 0) line.size = style.size;
    line.items.push({ word: w, style });
    line.width += (w.width * style.size) / 1000;
  };
  for (const span of spans) {
    const { style } = span;
    const scale = style.size / 1000;
    const parts = span.text.split("\n");
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) push(style.size);
      for (const token of parts[p]!.split(/([ \t]+)/)) {
        if (token === "") continue;
        if (token.charCodeAt(0) === 32 || token.charCodeAt(0) === 9) {
          space = style;
          continue;
        }
        const w = word(style.face, token);
        const width = w.width * scale;
        const before: TextStyle | null = space;
        const spaceWord = before && line.items.length > 0 ? word(before.face, " ") : null;
        const spaceWidth = spaceWord && before ? (spaceWord.width * before.size) / 1000 : 0;
        if (line.items.length > 0 && line.width + spaceWidth + width > maxWidth) push(style.size);
        else if (spaceWord && before) add(spaceWord, before);
        if (width > maxWidth && token.length > 1) {
          line = breakWord(token, style, maxWidth, lines);
        } else {
          add(w, style);
        }
        space = null;
      }
    }
  }
  if (line.items.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** Pushes the full lines of an over-long word and returns the line holding its rest. */
function breakWord(text: string, style: TextStyle, maxWidth: number, lines: Line[]): Line {
  let chunk = "";
  let chunkWidth = 0;
  const scale = style.size / 1000;
  for (const char of text) {
    const width = word(style.face, char).width * scale;
    if (chunk !== "" && chunkWidth + width > maxWidth) {
      lines.push({ items: [{ word: word(style.face, chunk), style }], width: chunkWidth, size: style.size });
      chunk = "";
      chunkWidth = 0;
    }
    chunk += char;
    chunkWidth += width;
  }
  return { items: [{ word: word(style.face, chunk), style }], width: chunkWidth, size: style.size };
}
