/**
 * The selection and the Kategori column: jump to a cell, read which data rows are selected, classify rows in bulk.
 * Columns are reached by their header through the table (withDipColumns: table.columns.getItem, else by what the
 * header means), so each action is one sync on our own table and still right when a person moved the columns or
 * the table is an old DIP's layout (two syncs more there).
 */
import { DIP_COLUMNS, columnIndex } from '../../../shared/columns.js';
import { parseAddress } from './address.js';
import { TABLE_NAME } from './layout.js';
import { chunkBySize, utf8Length } from './payload.js';
import { syncOrMissing, type AdapterOptions } from './runner.js';
import { withDipColumns } from './tableColumns.js';
import { asText } from './writeRows.js';

/** Sorted, distinct, non-negative integer indexes as runs of consecutive rows. */
export function toRuns(rowIndexes: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(rowIndexes.filter((i) => Number.isInteger(i) && i >= 0))].sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else runs.push({ start: i, count: 1 });
  }
  return runs;
}

/**
 * Data-row indexes (0 = first row under the header) covered by a selection address on the table's sheet,
 * clipped to the body. Whole columns select every row.
 */
export function selectedRows(address: string, sheetName: string, bodyRow: number, bodyRows: number): number[] {
  const rows = new Set<number>();
  for (const area of parseAddress(address)) {
    if (area.sheet !== null && area.sheet !== sheetName) continue;
    const first = Math.max(area.row, bodyRow);
    const last = Math.min(area.row + area.rows, bodyRow + bodyRows) - 1;
    for (let r = first; r <= last; r++) rows.add(r - bodyRow);
  }
  return [...rows].sort((a, b) => a - b);
}

/** Shows a cell to the person (e.g. after a click on an issue). The hidden ID column sends them to the title instead. */
export async function selectCell(context: Excel.RequestContext, rowIndex: number, index: number): Promise<void> {
  const visible = DIP_COLUMNS[index] && !DIP_COLUMNS[index]?.hidden ? index : columnIndex('title');
  await withDipColumns(context, [visible], async (column) => {
    context.workbook.tables.getItem(TABLE_NAME).worksheet.activate();
    column(visible).getCell(Math.max(0, rowIndex), 0).select();
    await syncOrMissing(context);
  });
}

/** The data rows the person selected (several areas allowed), in one sync. */
export async function getSelectedRowIndexes(context: Excel.RequestContext): Promise<number[]> {
  const table = context.workbook.tables.getItem(TABLE_NAME);
  const sheet = table.worksheet;
  sheet.load('name');
  const body = table.getDataBodyRange();
  body.load('rowIndex,rowCount');
  // getSelectedRanges (ExcelApi 1.9) rather than getSelectedRange: people Ctrl-click scattered rows to classify.
  const selection = context.workbook.getSelectedRanges();
  selection.load('address');
  await syncOrMissing(context);
  return selectedRows(selection.address, sheet.name, body.rowIndex, body.rowCount);
}

/**
 * Writes one Kategori label into many rows: one range per run of consecutive rows, all in one sync (more only if
 * thousands of scattered rows outgrow the request budget).
 */
export async function setCategoryForRows(
  context: Excel.RequestContext,
  options: AdapterOptions,
  rowIndexes: readonly number[],
  label: string,
): Promise<void> {
  const runs = toRuns(rowIndexes);
  if (runs.length === 0) return;
  const category = columnIndex('category');
  // Per run: two object paths (getCell, getResizedRange) and a values action, then the values themselves.
  const sizeOf = (run: { count: number }) => 400 + run.count * (utf8Length(JSON.stringify(asText(label))) + 3);
  await withDipColumns(context, [category], async (body) => {
    const column = body(category);
    for (const chunk of chunkBySize(runs, sizeOf, options.maxRequestBytes)) {
      for (const run of runs.slice(chunk.start, chunk.end)) {
        const cells = column.getCell(run.start, 0).getResizedRange(run.count - 1, 0);
        cells.values = Array.from({ length: run.count }, () => [asText(label)]);
      }
      await syncOrMissing(context);
    }
  });
}
