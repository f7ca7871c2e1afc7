import { crc32, deflateRawSync } from "node:zlib";

// Smallest real files of each kind, built in code so the tests show what makes each one what it is.

export const pdf = () => Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\b\x06\0\0\0", "latin1")]);
export const jpeg = () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
export const gif = () => Buffer.from("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00;", "latin1");
export const webp = () => Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00", "latin1");

/** A zip archive of the given files, deflated, as Office writes them. */
export function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, "utf8");
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string, extra = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/>${extra}</Types>`;

export const docx = () =>
  zip({
    "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "word/document.xml": "<w:document/>",
  });
export const xlsx = () =>
  zip({
    "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "xl/workbook.xml": "<workbook/>",
  });
export const pptx = () =>
  zip({
    "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    "ppt/presentation.xml": "<p:presentation/>",
  });
export const docm = () =>
  zip({
    "[Content_Types].xml": contentTypes(
      "application/vnd.ms-word.document.macroEnabled.main+xml",
      `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`,
    ),
  });
export const plainZip = () => zip({ "readme.txt": "just a zip" });

/** A compound file (OLE) whose directory names the given streams, as legacy Office writes them. */
export function compoundFile(streams: string[]): Buffer {
  const file = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 24);
  file.writeUInt16LE(3, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30);
  const entries = [{ name: "Root Entry", type: 5 }, ...streams.map((name) => ({ name, type: 2 }))];
  entries.forEach((entry, i) => {
    const at = 512 + i * 128;
    const name = Buffer.from(`${entry.name}\0`, "utf16le");
    name.copy(file, at);
    file.writeUInt16LE(name.length, at + 64);
    file[at + 66] = entry.type;
  });
  return file;
}
export const doc = () => compoundFile(["WordDocument", "1Table", "\u0005SummaryInformation"]);
export const xls = () => compoundFile(["Workbook", "\u0005SummaryInformation"]);
