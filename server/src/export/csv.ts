/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel reads Indonesian text as ANSI), CRLF line
 * ends and RFC 4180 quoting; every cell goes through `escapeCsvField` first (formula triggers guarded at the start of
 * the field and after every ',' ';' tab or line break inside it, so the file is safe whichever separator it is split
 * on — see escape.ts).
 *
 * Two separators. The comma is RFC 4180's and what scripts read. The semicolon is for Excel set to Indonesian
 * (id-ID) regional settings, whose list separator is ';' (',' is its decimal mark): opened there by a double click,
 * a comma file puts every field of a record in column A. Excel's per-file hint, a first line `sep=;`, is not used:
 * every other reader takes it for a record, and it is widely reported to stop Excel honouring the BOM. So the
 * separator is chosen per file instead.
 */
import { escapeCsvField } from './escape.js';
import type { ExportTable } from './table.js';

export type CsvSeparator = ',' | ';';

const UTF8_BOM = '\uFEFF';
const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/ };

/**
 * One CSV field: formula-escaped (the same text for either separator), then quoted when it holds the separator, a
 * quote or a line break.
 */
export function csvField(text: string, separator: CsvSeparator = ','): string {
  const safe = escapeCsvField(text);
  return NEEDS_QUOTES[separator].test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV bytes (BOM + header row + rows), fields separated by `separator`. */
export function toCsv(table: ExportTable, separator: CsvSeparator = ','): Buffer {
  const lines = [table.headers, ...table.rows].map((cells) => cells.map((cell) => csvField(cell, separator)).join(separator));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
