import ExcelJS from "exceljs";

// Filling in a questionnaire workbook the way a vendor does in Excel: find the
// row by its reference in column A, type into a cell of it.

export type CellEdits = Record<string, Record<string, string | number | Date | null>>;

/** Writes `edits` ({ "s1.change_notice_days": { C: 60 } }) into the workbook and returns its new bytes. */
export async function fillWorkbook(bytes: ArrayBuffer | Uint8Array, edits: CellEdits): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes instanceof Uint8Array ? (Buffer.from(bytes) as unknown as ArrayBuffer) : bytes);
  const pending = new Map(Object.entries(edits));
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      const ref = String(row.getCell(1).value ?? "");
      const cells = pending.get(ref);
      if (!cells) return;
      for (const [column, value] of Object.entries(cells)) row.getCell(column).value = value;
      pending.delete(ref);
    });
  }
  if (pending.size > 0) throw new Error(`No row for ${[...pending.keys()].join(", ")} in the workbook`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Inserts a row with an answer but no reference above the row of `ref`, as a vendor adding a table row by hand would. */
export async function insertRowAbove(bytes: Uint8Array, ref: string, values: (string | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    let at = 0;
    sheet.eachRow((row, number) => {
      if (String(row.getCell(1).value ?? "") === ref) at = number;
    });
    if (at > 0) {
      sheet.insertRow(at, values);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }
  }
  throw new Error(`No row for ${ref}`);
}

/** The values of one row, found by its reference, as plain strings. */
export async function readRow(bytes: Uint8Array, ref: string): Promise<{ sheet: string; row: number; cells: string[] } | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    let found: { sheet: string; row: number; cells: string[] } | null = null;
    sheet.eachRow((row, number) => {
      if (String(row.getCell(1).value ?? "") !== ref) return;
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 5); c++) {
        const v = row.getCell(c).value;
        cells.push(v === null || v === undefined ? "" : String(v));
      }
      found = { sheet: sheet.name, row: number, cells };
    });
    if (found) return found;
  }
  return null;
}
