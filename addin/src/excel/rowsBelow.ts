/**
 * Room under the DIP table. A write (a pull, an import) replaces the table's body with as many rows as it brings;
 * real DIP workbooks very often keep something under the list — a signature block ("Ditetapkan di …, pada tanggal
 * …, Kepala Dinas …, NIP …"), a total, notes, another table — that must neither be written over nor torn.
 *
 * Growing: when anything lies under the table, in any column, entire sheet rows are inserted right under it first,
 * as a person makes room by hand: everything below moves down intact and keeps its distance to the list, with what
 * stands beside it in its rows. Refusing instead (like columns_blocked) would stop every pull that brings more rows
 * until the person moved the block themselves, and the block belongs under the list anyway. Cells are not shifted
 * down only under the table: a block wider than the table would be torn. Entire rows do tear one thing: a block
 * beside the table that runs on below its last row is split by the new rows — moved, nothing lost.
 *
 * Shrinking: the freed rows are deleted whole (the inverse of the insertion: the block moves back up, its distance
 * kept, so a pull after a shorter one does not leave a gap that grows) unless a value stands beside the table's
 * rows, outside its columns: deleting whole rows would delete it, and deleting only the table's cells would tear a
 * block wider than the table. Then the freed rows are cleared, as before, and the block stays where it is.
 *
 * What is needed to choose is read in the sync that reads the table (the sheet's extent, and the extent of the
 * values in the table's body rows): no sync more.
 */
import type { TableLayout } from './layout.js';
import type { Extent } from './widenRoom.js';

/** What lies around the table's rows. */
export interface Around {
  /** A value under the table's last row, in any column. */
  below: boolean;
  /** A value in the table's body rows outside its columns: those rows cannot be deleted whole. */
  besideBody: boolean;
}

/** Around a table just made over the sheet's values or on an empty sheet: it covers them all. */
export const NOTHING_AROUND: Around = { below: false, besideBody: false };

/** Queues the load of the extent of the values in the table's body rows, whole; call the result after the sync. */
export function queueBodyRows(table: Excel.Table): () => Extent | null {
  const used = table.getDataBodyRange().getEntireRow().getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  return () => (used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
}

/**
 * From what was read with the table (`sheet`: the sheet's values; `body`: the values in the body rows), against the
 * table as repaired: widened, it is still empty right of its old columns in those rows (ensureRoomToWiden).
 */
export function aroundOf(layout: TableLayout, sheet: Extent | null, body: Extent | null): Around {
  const end = layout.headerRow + 1 + layout.bodyRows;
  const right = layout.firstColumn + layout.columnCount;
  return {
    below: sheet !== null && sheet.row + sheet.rows > end,
    besideBody: body !== null && (body.col < layout.firstColumn || body.col + body.cols > right),
  };
}

const entireRows = (layout: TableLayout, first: number, count: number): Excel.Range =>
  layout.sheet.getRangeByIndexes(layout.headerRow + 1 + first, 0, count, 1).getEntireRow();

/**
 * Queues room for `rows` body rows (at least one, as Excel keeps): when the table must grow and something lies
 * under it, that many entire rows more are inserted right under it. Queue it before the rows' values. Returns the
 * body rows the table's place now spans (its rows, and the rows inserted under them).
 */
export function makeRoom(layout: TableLayout, around: Around, rows: number): number {
  const more = rows - layout.bodyRows;
  if (more <= 0 || !around.below) return layout.bodyRows;
  entireRows(layout, layout.bodyRows, more).insert('Down');
  return rows;
}

/**
 * Queues the release of the body rows `kept` to `room` (makeRoom's result) once the table holds `kept` rows: deleted
 * whole when something lies under the table (it moves back up), except the table's own rows when a value stands
 * beside them (cleared, in the table's columns only); cleared when nothing lies under the table (nothing to bring
 * up). Rows makeRoom inserted are blank whole rows and always go.
 */
export function releaseRows(layout: TableLayout, around: Around, kept: number, room: number): void {
  if (room <= kept) return;
  const clear = (from: number, count: number) =>
    layout.sheet.getRangeByIndexes(layout.headerRow + 1 + from, layout.firstColumn, count, layout.columnCount).clear('All');
  if (!around.below) return clear(kept, room - kept);
  if (!around.besideBody) return entireRows(layout, kept, room - kept).delete('Up');
  // The lower part first: deleting it does not move the part cleared above it.
  const inserted = Math.max(kept, layout.bodyRows);
  if (room > inserted) entireRows(layout, inserted, room - inserted).delete('Up');
  if (layout.bodyRows > kept) clear(kept, layout.bodyRows - kept);
}
