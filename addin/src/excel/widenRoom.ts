/**
 * Room to widen the DIP table. The DIP columns a table lacks are added at its right end (repairHeaders,
 * strictHeaders), over the table's header row and body rows in the columns just right of it. A person may keep
 * something there: a note, a side calculation, an old column left outside the table. Widening over it would take it
 * into the table (read as DIP values, a note as an id) and write our header over its top cell. So when any of those
 * cells holds something, the repair changes nothing and says where (columns_blocked).
 *
 * Why not make room by inserting cells (shift right): only the table's rows would move, so a block that reaches
 * above or below the table (a side calculation, a signature block) would be torn out of line with itself; inserting
 * whole sheet columns keeps rows aligned but moves everything else in those columns, out of the person's sight.
 * They choose: move the cells, or insert the columns themselves.
 */
import { a1, columnLetters } from './address.js';
import type { TableLayout } from './layout.js';
import { AdapterError, isPayloadTooLarge } from './runner.js';

/** A block of cells, 0-based sheet positions. */
export interface Extent {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Queues the load of the extent of the sheet's values; call the returned function after the next sync (null: none). */
export function queueExtent(sheet: Excel.Worksheet): () => Extent | null {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  return () => (used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
}

const overlaps = (a: Extent, b: Extent): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/** The smallest block holding every non-empty cell of a grid (0 and FALSE are values), or null when all are empty. */
function filled(values: readonly (readonly unknown[])[]): Extent | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === '' || v === null || v === undefined) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * Throws columns_blocked when a cell the `added` columns would cover holds something; call it before queueing any
 * change, so a refusal leaves the workbook as it was (Excel.run sends nothing queued when its batch throws).
 * `extent` (the sheet's values, read in the sync that read the table) settles the usual case without a sync: the
 * person's values do not reach those cells. Only when they do are the cells' values read, in one sync more.
 */
export async function ensureRoomToWiden(
  context: Excel.RequestContext,
  layout: TableLayout,
  added: readonly string[],
  extent: Extent | null,
): Promise<void> {
  if (added.length === 0) return;
  const area: Extent = { row: layout.headerRow, col: layout.firstColumn + layout.columnCount, rows: layout.bodyRows + 1, cols: added.length };
  if (!extent || !overlaps(area, extent)) return;
  const cells = layout.sheet.getRangeByIndexes(area.row, area.col, area.rows, area.cols);
  cells.load('values');
  let taken: Extent | null;
  try {
    await context.sync();
    taken = filled(cells.values);
  } catch (error) {
    // Too much to send back is a lot of text in those cells: in the way all the same.
    if (!isPayloadTooLarge(error)) throw error;
    taken = { row: 0, col: 0, rows: area.rows, cols: area.cols };
  }
  if (!taken) return;
  const where = a1(area.row + taken.row, area.col + taken.col, taken.rows, taken.cols);
  throw new AdapterError('columns_blocked', `The cells where the DIP table would widen hold values (${layout.sheetName}!${where}).`, undefined, {
    sheet: layout.sheetName,
    columns: [...added],
    first: columnLetters(area.col),
    last: columnLetters(area.col + area.cols - 1),
    cells: where,
  });
}
