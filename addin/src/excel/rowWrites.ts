/**
 * Writes into rows that already exist, without touching the rest of the table: one row's cells (the uji konsekuensi
 * form) and the hidden ID column (the ids a push gave). Both find their columns by header (withDipColumns: by our
 * header, else by what the header means), so a sheet whose columns a person moved, or an old DIP's layout, still
 * gets each value in the right cell, and neither rewrites what the person typed elsewhere.
 */
import { DIP_HEADERS, columnIndex } from '../../../shared/columns.js';
import { rowWriteBytes } from './payload.js';
import { AdapterError, syncOrMissing, type AdapterOptions, type ProgressFn } from './runner.js';
import { withDipColumns } from './tableColumns.js';
import { asText } from './writeRows.js';

// What each run of ID cells costs besides its values: two object paths (getCell, getResizedRange) and an action.
const RUN_OVERHEAD = 400;
const ID = columnIndex('id');
const ALL_COLUMNS = DIP_HEADERS.map((_, i) => i);

/**
 * Writes `cells` (DIP column order, as toDipGrid lays a row out) into data row `rowIndex` (0 = first under the
 * header), each value into the column with its header: one sync, no read. The row must be one of the table's (the
 * caller got it from a read); a missing DIP column fails the whole action with dip_sheet_missing, and so does a
 * combined "Waktu dan Tempat Pembuatan" column (two values cannot go into its one cell without rewriting it).
 */
export async function writeDipRow(context: Excel.RequestContext, rowIndex: number, cells: readonly string[]): Promise<void> {
  if (!Number.isInteger(rowIndex) || rowIndex < 0) throw new AdapterError('grid_mismatch', `Row ${rowIndex} is not a data row.`);
  if (cells.length !== DIP_HEADERS.length) throw new AdapterError('grid_mismatch', 'A row to write must have one cell per DIP column.');
  await withDipColumns(
    context,
    ALL_COLUMNS,
    async (column) => {
      ALL_COLUMNS.forEach((i) => {
        column(i).getCell(rowIndex, 0).values = [[asText(cells[i] ?? '')]];
      });
      await syncOrMissing(context);
    },
    { ownColumn: true },
  );
}

/** A block of consecutive ID cells to write: data rows `start` … `start + values.length - 1`. */
export interface IdRun {
  start: number;
  values: string[];
}

/**
 * The non-null entries of `ids` as runs of consecutive rows, cut into batches whose estimated request size stays
 * within `budget` (a long run is split across batches).
 *
 * @example planIdWrites(['a', 'b', null, 'c'], 10_000) // → [[{ start: 0, values: ['a', 'b'] }, { start: 3, values: ['c'] }]]
 */
export function planIdWrites(ids: readonly (string | null)[], budget: number): IdRun[][] {
  const batches: IdRun[][] = [];
  let batch: IdRun[] = [];
  let bytes = 0;
  let run: IdRun | null = null;
  for (const [i, id] of ids.entries()) {
    if (id === null) {
      run = null;
      continue;
    }
    const cell = rowWriteBytes([asText(id)]);
    if (batch.length > 0 && bytes + cell + (run ? 0 : RUN_OVERHEAD) > budget) {
      batches.push(batch);
      batch = [];
      bytes = 0;
      run = null;
    }
    if (!run) {
      run = { start: i, values: [] };
      batch.push(run);
      bytes += RUN_OVERHEAD;
    }
    run.values.push(id);
    bytes += cell;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Writes `ids[i]` into the hidden ID cell of data row i, leaving the rows whose entry is null (blank rows, rows that
 * are not DIP rows) and every other column as they are. Syncs: none when every entry is null; else one to check the
 * ID column is there and holds that many rows (nothing is written otherwise), then one per batch of at most
 * `options.maxRequestBytes`, whatever the number of rows.
 */
export async function writeIdColumn(
  context: Excel.RequestContext,
  options: AdapterOptions,
  ids: readonly (string | null)[],
  onProgress?: ProgressFn,
): Promise<void> {
  const total = ids.filter((id) => id !== null).length;
  if (total === 0) return;
  const column = await withDipColumns(context, [ID], async (body) => {
    const found = body(ID);
    found.load('rowCount');
    await syncOrMissing(context);
    return found;
  });
  if (ids.length > column.rowCount) {
    throw new AdapterError('grid_mismatch', `${ids.length} ids for a table of ${column.rowCount} rows.`);
  }
  let done = 0;
  onProgress?.(0, total);
  for (const batch of planIdWrites(ids, options.maxRequestBytes)) {
    for (const run of batch) {
      column.getCell(run.start, 0).getResizedRange(run.values.length - 1, 0).values = run.values.map((id) => [asText(id)]);
      done += run.values.length;
    }
    await context.sync();
    onProgress?.(done, total);
  }
}
