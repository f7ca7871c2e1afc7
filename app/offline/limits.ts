/** The largest workbook an import accepts. */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
