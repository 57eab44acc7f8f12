/** A table as the export writers take it: plain text cells, one header row. Writers escape; callers do not. */
export interface ExportTable {
  /** Sheet name in a workbook (≤ 31 characters, no []:*?/\). */
  name: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Column widths in Excel character units (optional, XLSX only). */
  widths?: readonly number[];
}
