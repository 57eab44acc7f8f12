/**
 * A1 addresses, as Excel reports them for a selection ("DIP!A2:P4, DIP!A7:P7", "'Lembar 1'!3:5", "DIP!B:B").
 * Pure: the adapter uses it to turn the selection into data-row indexes, the mock workbook to name ranges.
 */

/** A rectangle of cells, 0-based; `rows`/`cols` are Infinity for whole columns / whole rows. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ParsedArea extends Area {
  /** The sheet named in the address, unquoted; null when the address has no sheet part. */
  sheet: string | null;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "AA" → 26. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (1, 0, 3, 2) → "A2:B4"; a single cell → "A2". */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnLetters(col)}${row + 1}`;
  if (rows === 1 && cols === 1) return start;
  return `${start}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** Splits on commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function splitSheet(part: string): { sheet: string | null; ref: string } {
  const bang = part.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: part };
  let sheet = part.slice(0, bang);
  // Quoted names double their apostrophes: 'It''s' → It's.
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: part.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseCorner(text: string): { col: number | null; row: number | null } | null {
  const m = CELL.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return { col: m[1] === undefined ? null : columnNumber(m[1]), row: m[2] === undefined ? null : Number(m[2]) - 1 };
}

/** One area ("A2:C4", "B7", "3:5", "B:D"), or null when the text is not an A1 reference. */
export function parseArea(part: string): ParsedArea | null {
  const { sheet, ref } = splitSheet(part.trim());
  const [startText = '', endText = startText] = ref.split(':');
  const start = parseCorner(startText);
  const end = parseCorner(endText);
  if (!start || !end) return null;
  const wholeRows = start.col === null && end.col === null;
  const wholeCols = start.row === null && end.row === null;
  if ((start.col === null) !== (end.col === null) || (start.row === null) !== (end.row === null)) return null;
  const r0 = wholeCols ? 0 : Math.min(start.row ?? 0, end.row ?? 0);
  const r1 = wholeCols ? Infinity : Math.max(start.row ?? 0, end.row ?? 0);
  const c0 = wholeRows ? 0 : Math.min(start.col ?? 0, end.col ?? 0);
  const c1 = wholeRows ? Infinity : Math.max(start.col ?? 0, end.col ?? 0);
  return { sheet, row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** Every area of a (possibly multi-area) address; unreadable parts are skipped. */
export function parseAddress(address: string): ParsedArea[] {
  return splitAreas(address)
    .map(parseArea)
    .filter((a): a is ParsedArea => a !== null);
}
