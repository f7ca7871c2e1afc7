import { inflateRawSync } from "node:zlib";

// What an uploaded file really is, from its bytes. The name and the type the
// browser declares are only claims: they must agree with the content, and
// only the kinds below are accepted at all.

export type EvidenceKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "pptx" | "doc" | "xls" | "text";

interface KindInfo {
  label: string;
  /** Extension (lower case, no dot) to media type. The first is the canonical one. */
  extensions: Record<string, string>;
  /** Types browsers declare for this kind, besides the media types above. */
  declaredAliases?: string[];
}

const ZIP_ALIASES = ["application/zip", "application/x-zip-compressed"];

export const evidenceKinds: Record<EvidenceKind, KindInfo> = {
  pdf: { label: "PDF", extensions: { pdf: "application/pdf" }, declaredAliases: ["application/x-pdf"] },
  png: { label: "PNG image", extensions: { png: "image/png" } },
  jpeg: { label: "JPEG image", extensions: { jpg: "image/jpeg", jpeg: "image/jpeg" }, declaredAliases: ["image/pjpeg"] },
  gif: { label: "GIF image", extensions: { gif: "image/gif" } },
  webp: { label: "WebP image", extensions: { webp: "image/webp" } },
  docx: {
    label: "Word document",
    extensions: { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    declaredAliases: ZIP_ALIASES,
  },
  xlsx: {
    label: "Excel workbook",
    extensions: { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    declaredAliases: ZIP_ALIASES,
  },
  pptx: {
    label: "PowerPoint presentation",
    extensions: { pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    declaredAliases: ZIP_ALIASES,
  },
  doc: { label: "Word 97-2003 document", extensions: { doc: "application/msword" } },
  xls: { label: "Excel 97-2003 workbook", extensions: { xls: "application/vnd.ms-excel" } },
  text: {
    label: "Text or CSV file",
    extensions: { txt: "text/plain", csv: "text/csv" },
    // Windows browsers declare CSV files as Excel workbooks.
    declaredAliases: ["application/csv", "text/x-csv", "application/vnd.ms-excel"],
  },
};

/** Types a browser sends when it does not know: they claim nothing. */
const UNKNOWN_DECLARED = new Set(["", "application/octet-stream", "binary/octet-stream"]);

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

/** The [Content_Types].xml of a zip file, or null when it is not a plain, readable zip holding one. */
function zipContentTypes(bytes: Uint8Array): string | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const searchFrom = Math.max(0, view.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = view.length - 22; i >= searchFrom; i -= 1) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return null;
    const flags = view.readUInt16LE(at + 8);
    const method = view.readUInt16LE(at + 10);
    const compressedSize = view.readUInt32LE(at + 20);
    const size = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const name = view.toString("latin1", at + 46, at + 46 + nameLength);
    if (name === "[Content_Types].xml") {
      // Encrypted entries and oversized (or zip64) ones are not what Office writes here.
      if (flags & 1 || size > MAX_CONTENT_TYPES_BYTES || compressedSize > MAX_CONTENT_TYPES_BYTES) return null;
      const local = view.readUInt32LE(at + 42);
      if (local + 30 > view.length || view.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      const data = view.subarray(start, start + compressedSize);
      if (data.length !== compressedSize) return null;
      try {
        if (method === 0) return data.toString("utf8");
        if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES }).toString("utf8");
      } catch {
        return null;
      }
      return null;
    }
    at = next;
  }
  return null;
}

const OOXML_MAIN: [EvidenceKind, string][] = [
  ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"],
  ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
  ["pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"],
];

function officeOpenXmlKind(bytes: Uint8Array): EvidenceKind | null {
  const contentTypes = zipContentTypes(bytes);
  if (!contentTypes) return null;
  // Macro-enabled documents (docm, xlsm, pptm) and embedded VBA are refused.
  if (/macroEnabled|vbaProject/i.test(contentTypes)) return null;
  const found = OOXML_MAIN.filter(([, type]) => contentTypes.includes(`"${type}"`));
  return found.length === 1 ? found[0]![0] : null;
}

/**
 * A legacy Office file (OLE compound file): the names of its streams, found in
 * its directory entries (128-byte records: UTF-16 name, name length at 64,
 * entry type at 66, 2 = stream, 1 = storage).
 */
function compoundFileEntries(bytes: Uint8Array): Set<string> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  if (view.length < 512) return names;
  const sectorShift = view.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return names;
  for (let at = 1 << sectorShift; at + 128 <= view.length; at += 128) {
    const nameBytes = view.readUInt16LE(at + 64);
    const type = view[at + 66];
    if ((type !== 1 && type !== 2) || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    if (view.readUInt16LE(at + nameBytes - 2) !== 0) continue;
    names.add(view.toString("utf16le", at, at + nameBytes - 2));
  }
  return names;
}

function legacyOfficeKind(bytes: Uint8Array): EvidenceKind | null {
  const names = compoundFileEntries(bytes);
  if (names.has("Macros") || names.has("_VBA_PROJECT_CUR") || names.has("VBA")) return null;
  const doc = names.has("WordDocument");
  const xls = names.has("Workbook") || names.has("Book");
  if (doc === xls) return null;
  return doc ? "doc" : "xls";
}

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Tabs, line ends and form feeds only: any other control character means binary.
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The kind of file the bytes are, or null for anything not accepted as evidence. */
export function sniffEvidenceKind(bytes: Uint8Array): EvidenceKind | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXmlKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return legacyOfficeKind(bytes);
  return isPlainText(bytes) ? "text" : null;
}

export interface UploadClaim {
  bytes: Uint8Array;
  fileName: string;
  /** The Content-Type the browser sent for the file part. */
  declaredType?: string | null;
}

export type UploadCheck =
  | { ok: true; kind: EvidenceKind; mediaType: string; extension: string }
  | { ok: false; reason: "empty" | "too-large" | "unsupported" | "mismatch"; message: string };

const acceptedList = "PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, text or CSV";

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Accepts a file only when it is an allowed kind, within the size limit, and its name and declared type agree with its bytes. */
export function checkEvidenceUpload(upload: UploadClaim, maxBytes: number): UploadCheck {
  const { bytes, fileName } = upload;
  if (bytes.length === 0) return { ok: false, reason: "empty", message: `The file ${fileName} is empty` };
  if (bytes.length > maxBytes) {
    return { ok: false, reason: "too-large", message: `The file ${fileName} must be smaller than ${formatBytes(maxBytes)}` };
  }
  const kind = sniffEvidenceKind(bytes);
  if (!kind) {
    return { ok: false, reason: "unsupported", message: `The file ${fileName} must be a ${acceptedList} file (macros are not accepted)` };
  }
  const info = evidenceKinds[kind];
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const mediaType = info.extensions[extension];
  if (!mediaType) {
    const expected = Object.keys(info.extensions).map((e) => `.${e}`).join(" or ");
    return { ok: false, reason: "mismatch", message: `The file ${fileName} is a ${info.label}: its name must end in ${expected}` };
  }
  const declared = (upload.declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  const accepted = new Set([...Object.values(info.extensions), ...(info.declaredAliases ?? [])]);
  if (!UNKNOWN_DECLARED.has(declared) && !accepted.has(declared)) {
    return { ok: false, reason: "mismatch", message: `The file ${fileName} is a ${info.label}, not ${declared} as it claims` };
  }
  return { ok: true, kind, mediaType, extension };
}
