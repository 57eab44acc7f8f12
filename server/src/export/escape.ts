/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"): a text cell that a spreadsheet would read as a
 * formula or a DDE call is prefixed with an apostrophe, which Excel and LibreOffice show as plain text.
 * Every export (CSV and XLSX) writes its text cells through this one function.
 */

/** The leading characters that start a formula in Excel, LibreOffice or Google Sheets (= + - @, tab, CR, LF). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * The cell text, made safe to open in a spreadsheet.
 *
 * @example escapeFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example escapeFormula('Laporan 2024')           // 'Laporan 2024'
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
