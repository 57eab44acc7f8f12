/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel reads Indonesian text as ANSI), CRLF line
 * ends and RFC 4180 quoting; every cell goes through `escapeFormula` first.
 */
import { escapeFormula } from './escape.js';
import type { ExportTable } from './table.js';

const UTF8_BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: formula-escaped, then quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  const safe = escapeFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV bytes (BOM + header row + rows). */
export function toCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((cells) => cells.map(csvField).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
