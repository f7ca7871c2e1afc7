import { describe, expect, it } from "vitest";
import { checkEvidenceUpload, sniffEvidenceKind } from "~/evidence/sniff.server";
import * as files from "./fixtures";

const MB = 1024 * 1024;

describe("recognising evidence from its bytes", () => {
  it.each([
    ["pdf", files.pdf()],
    ["png", files.png()],
    ["jpeg", files.jpeg()],
    ["gif", files.gif()],
    ["webp", files.webp()],
    ["docx", files.docx()],
    ["xlsx", files.xlsx()],
    ["pptx", files.pptx()],
    ["doc", files.doc()],
    ["xls", files.xls()],
    ["text", Buffer.from("Region,Use\nDE,storage\nFR,backup\n")],
  ])("recognises a %s file", (kind, bytes) => {
    expect(sniffEvidenceKind(bytes)).toBe(kind);
  });

  it.each([
    ["an executable", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])],
    ["a macro-enabled Word document", files.docm()],
    ["a zip that is not an Office document", files.plainZip()],
    ["a Word 97 document with macros", files.compoundFile(["WordDocument", "Macros"])],
    ["an Excel 97 workbook with VBA", files.compoundFile(["Workbook", "_VBA_PROJECT_CUR"])],
    ["a compound file that is neither", files.compoundFile(["Contents"])],
    ["text with NUL bytes", Buffer.from("abc\0def")],
    ["bytes that are not UTF-8", Buffer.from([0x61, 0xff, 0xfe, 0x62])],
    ["a truncated zip", files.docx().subarray(0, 40)],
    ["a truncated compound file", files.doc().subarray(0, 10)],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s", (_what, bytes) => {
    expect(sniffEvidenceKind(bytes)).toBeNull();
  });

  it("never throws on random bytes behind a zip or compound-file signature", () => {
    for (let i = 0; i < 200; i += 1) {
      const noise = Buffer.from(Array.from({ length: 64 + i * 7 }, (_, j) => (j * 131 + i * 17) % 256));
      const zipLike = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise]);
      const oleLike = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise, Buffer.alloc(600)]);
      expect(() => sniffEvidenceKind(zipLike)).not.toThrow();
      expect(() => sniffEvidenceKind(oleLike)).not.toThrow();
    }
  });
});

describe("checking an upload", () => {
  it("accepts a file whose name and declared type agree with its bytes", () => {
    expect(checkEvidenceUpload({ bytes: files.pdf(), fileName: "SOC 2 report.pdf", declaredType: "application/pdf" }, MB)).toEqual({
      ok: true,
      kind: "pdf",
      mediaType: "application/pdf",
      extension: "pdf",
    });
    expect(checkEvidenceUpload({ bytes: files.jpeg(), fileName: "rack.JPG", declaredType: "image/jpeg" }, MB)).toMatchObject({
      ok: true,
      mediaType: "image/jpeg",
    });
  });

  it("takes the text media type from the name: a CSV stays a CSV", () => {
    const bytes = Buffer.from("a,b\n1,2\n");
    expect(checkEvidenceUpload({ bytes, fileName: "sites.csv", declaredType: "text/csv" }, MB)).toMatchObject({ ok: true, mediaType: "text/csv" });
    expect(checkEvidenceUpload({ bytes, fileName: "notes.txt", declaredType: "text/plain" }, MB)).toMatchObject({ ok: true, mediaType: "text/plain" });
  });

  it("accepts the types browsers send when they do not know, and Windows' type for CSV", () => {
    expect(checkEvidenceUpload({ bytes: files.xlsx(), fileName: "subprocessors.xlsx", declaredType: "application/octet-stream" }, MB).ok).toBe(true);
    expect(checkEvidenceUpload({ bytes: files.docx(), fileName: "dpa.docx", declaredType: null }, MB).ok).toBe(true);
    expect(checkEvidenceUpload({ bytes: Buffer.from("a,b\n"), fileName: "x.csv", declaredType: "application/vnd.ms-excel" }, MB).ok).toBe(true);
  });

  it("refuses a file whose name does not match its content", () => {
    expect(checkEvidenceUpload({ bytes: files.png(), fileName: "report.pdf", declaredType: "application/pdf" }, MB)).toEqual({
      ok: false,
      reason: "mismatch",
      message: "The file report.pdf is a PNG image: its name must end in .png",
    });
    expect(checkEvidenceUpload({ bytes: files.pdf(), fileName: "report", declaredType: "application/pdf" }, MB)).toMatchObject({ reason: "mismatch" });
  });

  it("refuses a file whose declared type does not match its content", () => {
    expect(checkEvidenceUpload({ bytes: files.pdf(), fileName: "report.pdf", declaredType: "image/png" }, MB)).toEqual({
      ok: false,
      reason: "mismatch",
      message: "The file report.pdf is a PDF, not image/png as it claims",
    });
  });

  it("refuses HTML and SVG even though they are text", () => {
    const html = Buffer.from("<!doctype html><script>alert(1)</script>");
    expect(checkEvidenceUpload({ bytes: html, fileName: "page.html", declaredType: "text/html" }, MB)).toMatchObject({ ok: false, reason: "mismatch" });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(checkEvidenceUpload({ bytes: svg, fileName: "logo.svg", declaredType: "image/svg+xml" }, MB)).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("refuses anything else, empty files and files over the limit", () => {
    expect(checkEvidenceUpload({ bytes: files.docm(), fileName: "x.docm" }, MB)).toMatchObject({ ok: false, reason: "unsupported" });
    expect(checkEvidenceUpload({ bytes: Buffer.alloc(0), fileName: "empty.pdf" }, MB)).toEqual({
      ok: false,
      reason: "empty",
      message: "The file empty.pdf is empty",
    });
    const big = Buffer.concat([files.pdf(), Buffer.alloc(MB)]);
    expect(checkEvidenceUpload({ bytes: big, fileName: "big.pdf" }, MB)).toEqual({
      ok: false,
      reason: "too-large",
      message: "The file big.pdf must be smaller than 1 MB",
    });
  });
});
