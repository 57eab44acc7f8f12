/**
 * Reaching DIP columns of the table for a write or a selection. Our own table is reached by our header text
 * (`table.columns.getItem`), queued with the action's own work: one sync. A table in another layout names a column
 * its own way ("Jenis Informasi" for Kategori; ensureDipSheet keeps such headers): there that lookup fails with
 * ItemNotFound, and the action runs again with each column found by what its header means, as parseDipGrid reads
 * it, after one more sync for the header row: two syncs more than on our own table. The actions write the same
 * values either way, so running one again over cells the first attempt may have reached is harmless.
 */
import { DIP_COLUMNS, DIP_HEADERS } from '../../../shared/columns.js';
import { columnPositions } from './headerRow.js';
import { TABLE_NAME, queueLayout } from './layout.js';
import { AdapterError, syncOrMissing } from './runner.js';

/** The data body of DIP column `index` (DIP_COLUMNS order), as a one-column range. */
export type ColumnBody = (index: number) => Excel.Range;

const missing = (index: number) =>
  new AdapterError('dip_sheet_missing', `The DIP table has no column for ${DIP_COLUMNS[index]?.key ?? index}.`);

/**
 * Runs `act` with the table's columns found by header, then by meaning if one of ours is not there by its name.
 * `needed` are the DIP columns `act` will ask for: when one is missing in both ways, dip_sheet_missing is thrown
 * before anything is queued. With `ownColumn`, a DIP column must have a column of its own (a write of the time of
 * creation must not land in a combined "Waktu dan Tempat Pembuatan" column and replace its place).
 */
export async function withDipColumns<T>(
  context: Excel.RequestContext,
  needed: readonly number[],
  act: (column: ColumnBody) => Promise<T>,
  options: { ownColumn?: boolean } = {},
): Promise<T> {
  try {
    return await act((index) => context.workbook.tables.getItem(TABLE_NAME).columns.getItem(DIP_HEADERS[index] ?? '').getDataBodyRange());
  } catch (error) {
    if (!(error instanceof AdapterError) || error.code !== 'dip_sheet_missing') throw error;
  }
  const read = queueLayout(context);
  await syncOrMissing(context);
  const layout = read();
  const positions = columnPositions(layout.headers);
  const combined = positions.filter((p, i) => p >= 0 && positions.indexOf(p) !== i);
  const at = (index: number) => {
    const p = positions[index] ?? -1;
    return options.ownColumn && combined.includes(p) ? -1 : p;
  };
  const gone = needed.find((index) => at(index) < 0);
  if (gone !== undefined) throw missing(gone);
  return act((index) => {
    const p = at(index);
    if (p < 0) throw missing(index);
    return layout.sheet.getRangeByIndexes(layout.headerRow + 1, layout.firstColumn + p, Math.max(1, layout.bodyRows), 1);
  });
}
