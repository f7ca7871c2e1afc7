import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The report's fonts come from npm packages (Noto Sans, and Noto Sans JP for
// CJK), are read and parsed once per process, and are embedded as subsets.
// pdfkit accepts a parsed fontkit font, so each document reuses the parse and
// only builds its own subset (docs/decisions/011-report.md).

/** The part of a fontkit font the report uses. */
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  numGlyphs: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

export type FaceName = "regular" | "bold" | "italic";
export type FontName = FaceName | "cjk";

const require = createRequire(import.meta.url);
// fontkit is pdfkit's own font engine (a dependency of pdfkit); using the same copy keeps one parser.
const fontkit = require(require.resolve("fontkit", { paths: [require.resolve("pdfkit")] })) as {
  create(buffer: Uint8Array): FontkitFont;
};

const files: Readonly<Record<FontName, string>> = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  italic: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  // 5.4 MB: parsed only when a report first needs a character Noto Sans lacks.
  cjk: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
};

const parsed = new Map<FontName, FontkitFont>();

export function loadFont(name: FontName): FontkitFont {
  let font = parsed.get(name);
  if (!font) {
    font = fontkit.create(readFileSync(require.resolve(files[name])));
    parsed.set(name, font);
  }
  return font;
}

const covered = new Map<number, boolean>();

/** Whether Noto Sans (all three faces share its character set) draws this character. */
export function mainFontHas(codePoint: number): boolean {
  let has = covered.get(codePoint);
  if (has === undefined) {
    has = loadFont("regular").hasGlyphForCodePoint(codePoint);
    covered.set(codePoint, has);
  }
  return has;
}
