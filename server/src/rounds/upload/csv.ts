/**
 * CSV as exported by Excel and spreadsheets in Indonesia: comma, semicolon (the default where the decimal mark is
 * a comma) or tab, RFC 4180 quoting, UTF-8 with or without BOM, or Windows-1252 from older Excel.
 */
import { UploadRefused } from './refusal.js';

const DELIMITERS = [',', ';', '\t'] as const;

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what "CSV (Comma delimited)" in older Excel writes). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter that splits the first line into the most fields (quotes respected). */
function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  let best: string = ',';
  let bestCount = -1;
  for (const d of DELIMITERS) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/**
 * Parses CSV text into rows of strings. Throws UploadRefused (422) past `maxRows` rows or `maxColumns` columns,
 * so a hostile file costs no more than the caps.
 *
 * @example parseCsv('Judul;Kategori\n"Renstra; 2024";Berkala') // [['Judul', 'Kategori'], ['Renstra; 2024', 'Berkala']]
 */
export function parseCsv(text: string, maxRows: number, maxColumns: number): string[][] {
  const d = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    if (row.length >= maxColumns) {
      throw new UploadRefused(422, 'csv_too_wide', `CSV memiliki lebih dari ${maxColumns} kolom.`, `The CSV has more than ${maxColumns} columns.`);
    }
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    // Blank rows stay, so a row's index is its record number in the file; parseDipGrid skips them.
    rows.push(row);
    if (rows.length > maxRows) throw new UploadRefused(422, 'workbook_too_large', `CSV memiliki lebih dari ${maxRows} baris.`, `The CSV has more than ${maxRows} rows.`);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (text[i + 1] !== '\n') endRow();
    } else field += ch;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
