/**
 * Entire rows inserted or deleted, as Excel moves what they carry: the workbook model (workbookModel.ts) applies
 * these to its cells, formats, notes, validations and tables.
 */
import type { Rect } from './workbookModel.js';

const key = (r: number, c: number) => `${r}:${c}`;

/** Excel's last column (XFD): a range this wide from column A is a run of entire rows ("5:14"). */
export const SHEET_COLUMNS = 16_384;
export const isEntireRows = (rect: Rect): boolean => rect.col === 0 && rect.cols === SHEET_COLUMNS;

/**
 * Where a row goes when `count` entire rows are inserted at `at` (count > 0) or deleted from `at` (count < 0);
 * null when it is one of the deleted rows.
 */
function movedRow(r: number, at: number, count: number): number | null {
  if (r < at) return r;
  if (count < 0 && r < at - count) return null;
  return r + count;
}

/**
 * A block of cells after entire rows are inserted or deleted, as Excel moves formats, validations and table
 * ranges: below the change it moves; an insertion inside it (under its first row) makes it taller; a deletion
 * takes its deleted rows out of it. null when all its rows are deleted.
 */
export function movedRect<T extends Rect>(rect: T, at: number, count: number): T | null {
  const end = rect.row + rect.rows; // one past the last row
  if (count > 0) {
    if (rect.row >= at) return { ...rect, row: rect.row + count };
    return at < end ? { ...rect, rows: rect.rows + count } : rect;
  }
  const gone = Math.max(0, Math.min(end, at - count) - Math.max(rect.row, at));
  if (gone === rect.rows) return null;
  const row = rect.row < at ? rect.row : Math.max(at, rect.row + count);
  return { ...rect, row, rows: rect.rows - gone };
}

export function moveKeys<V>(map: Map<string, V>, at: number, count: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    const row = movedRow(r, at, count);
    if (row !== null) map.set(key(row, c), v);
  }
}
