/** A cell (or the whole file) an import could not accept, or did not use. */
export interface CellProblem {
  /** The sheet's name, or null for the file as a whole. */
  sheet: string | null;
  /** "C14", "C12:C18", or null. */
  cell: string | null;
  questionId: string | null;
  message: string;
}

/** "Sheet "2 Where our data is stored", cell C14 (s1.change_notice_days)". */
export function describeLocation(p: CellProblem): string {
  const parts: string[] = [];
  if (p.sheet) parts.push(`Sheet "${p.sheet}"`);
  if (p.cell) parts.push(`cell ${p.cell}`);
  const where = parts.join(", ");
  return p.questionId && !where.includes(p.questionId) ? `${where}${where ? " " : ""}(${p.questionId})` : where || "The file";
}
