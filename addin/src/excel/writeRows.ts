/**
 * Replacing the DIP table's body with a grid, in batches cut by payload size.
 *
 * Every non-empty value is written with a leading apostrophe, Excel's "store the rest as text" prefix (the
 * apostrophe is not part of the value: reading `values` gives the text without it — the reason for office-js#6687
 * on the formulas side). Without it Excel would parse what it is given as if typed: "0123" → 123, "2023-01-02" → a
 * date, "=…" → a formula, "- tidak ada" → a formula error. A Text ("@") number format would do the same, but Excel
 * then shows "####" for a cell over 255 characters, and DIP summaries are often longer.
 */
import { DIP_HEADERS } from '../../../shared/columns.js';
import { applyFormats, ensureTable, type TableLayout } from './layout.js';
import { chunkBySize, rowWriteBytes } from './payload.js';
import type { Area } from './address.js';
import { replacedParts, type WrittenPlace } from './clearAround.js';
import { makeRoom, releaseRows, type Around } from './rowsBelow.js';
import { AdapterError, type AdapterOptions, type ProgressFn } from './runner.js';
import { sameRow } from './headerRow.js';

// Room left in each batch for the small commands that ride along (header repair, resize, clears, formats).
const BATCH_OVERHEAD = 32 * 1024;

function checkGrid(grid: readonly (readonly string[])[]): void {
  const header = grid[0];
  if (!header || !sameRow(header, DIP_HEADERS)) {
    throw new AdapterError('grid_mismatch', 'The grid to write must start with the DIP header row.');
  }
  const wide = grid.findIndex((row) => row.length > DIP_HEADERS.length);
  if (wide > 0) throw new AdapterError('grid_mismatch', `Row ${wide} has more cells than there are DIP columns.`);
}

/** The rows padded to the table's width: a person's extra columns are part of the body too, and are blanked. */
const bodyOf = (grid: readonly (readonly string[])[], width: number): string[][] =>
  grid.slice(1).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));

/** A value as it must be written to stay exactly this text. */
export const asText = (value: string): string => (value === '' ? '' : `'${value}`);

/** Where the write stands: the table as found, what lies around it, and the body rows its place spans (makeRoom). */
interface Place {
  layout: TableLayout;
  around: Around;
  room: number;
}

/**
 * Fits the table to `rows` data rows (at least one: Excel keeps an empty row in an empty table), gives back the
 * rows of its place it no longer needs (releaseRows: cleared, or deleted whole so what lies under the table moves
 * back up), and lays out the formats for the new size — values first, formats after.
 */
function finish({ layout, around, room }: Place, rows: number, options: AdapterOptions): void {
  const { sheet, table, headerRow, firstColumn, columnCount } = layout;
  const kept = Math.max(rows, 1);
  table.resize(sheet.getRangeByIndexes(headerRow, firstColumn, kept + 1, columnCount));
  if (rows === 0) sheet.getRangeByIndexes(headerRow + 1, firstColumn, 1, columnCount).clear('Contents');
  releaseRows(layout, around, kept, room);
  applyFormats(layout, rows, options, around.below);
}

/**
 * Writes `grid` (DIP_HEADERS first, then rows in DIP column order) as the table's whole body. The sheet is created
 * or repaired first. Syncs: up to four to find or repair the table, then one per batch of at most
 * `options.maxRequestBytes`. Nothing under the table is written over: when it must grow and something lies under
 * it, entire rows are inserted first, and rows it no longer needs are deleted whole when that is safe (rowsBelow.ts).
 * With a signal, the write can stop between batches: the table then holds exactly the rows written so far (never a
 * mix of new rows and old ones), what lies under it right under them, and `cancelled` is thrown with the count.
 */
export async function writeDipRows(
  context: Excel.RequestContext,
  options: AdapterOptions,
  grid: readonly (readonly string[])[],
  onProgress?: ProgressFn,
  signal?: AbortSignal,
  replacing?: Area,
): Promise<void> {
  checkGrid(grid); // before touching the workbook
  const { layout, around } = await ensureTable(context, 'strict', replacing);
  const body = bodyOf(grid, layout.columnCount);
  const total = body.length;
  const { sheet, headerRow, firstColumn, columnCount } = layout;
  const chunks = chunkBySize(body, rowWriteBytes, options.maxRequestBytes - BATCH_OVERHEAD);
  onProgress?.(0, total);
  // Before any value: the rows are written from the top of the body down, past its old end when it grows.
  const place: Place = { layout, around, room: makeRoom(layout, around, Math.max(total, 1)) };
  // What of the replaced old DIP lies outside the table once it is written, where the insertion moved it; cleared
  // with the last batch (a cancelled write leaves the old DIP's rest where it is), before spare rows are released.
  const written: WrittenPlace = {
    place: { row: headerRow, col: firstColumn, rows: Math.max(place.room, total, 1) + 1, cols: columnCount },
    under: headerRow + 1 + layout.bodyRows,
    inserted: place.room - layout.bodyRows,
  };
  const clearReplaced = () => {
    for (const p of replacing ? replacedParts(replacing, written) : []) sheet.getRangeByIndexes(p.row, p.col, p.rows, p.cols).clear('All');
  };

  if (chunks.length === 0) {
    clearReplaced();
    finish(place, 0, options);
    await context.sync();
    onProgress?.(0, 0);
    return;
  }
  for (const [i, chunk] of chunks.entries()) {
    if (signal?.aborted) {
      finish(place, chunk.start, options);
      await context.sync();
      throw new AdapterError('cancelled', 'Cancelled.', { done: chunk.start, total });
    }
    const count = chunk.end - chunk.start;
    const range = sheet.getRangeByIndexes(headerRow + 1 + chunk.start, firstColumn, count, columnCount);
    range.values = body.slice(chunk.start, chunk.end).map((row) => row.map(asText));
    if (i === chunks.length - 1) {
      clearReplaced();
      finish(place, total, options);
    }
    await context.sync();
    onProgress?.(chunk.end, total);
  }
}
