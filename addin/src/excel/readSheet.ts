/**
 * Reading the DIP table as text: its header row, then its body in chunks sized by what the previous chunk weighed
 * (readText.ts, shared with reading any sheet from A1).
 */
import { queueLayout } from './layout.js';
import { readBlockAsText } from './readText.js';
import { syncOrMissing, type AdapterOptions, type ProgressFn } from './runner.js';

// Kept here too: callers and tests have always found it next to the DIP table's reader.
export { cellAsText } from './readText.js';

const isBlankRow = (row: readonly string[]): boolean => row.every((v) => v === '');

/**
 * The table as a string grid: the header row, then the data rows. Trailing blank rows are dropped (Excel keeps
 * one empty row in an empty table); blank rows in between are kept so row indexes stay the sheet's.
 */
export async function readDipSheet(
  context: Excel.RequestContext,
  options: AdapterOptions,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<string[][]> {
  const read = queueLayout(context);
  await syncOrMissing(context);
  const { sheet, headerRow, firstColumn, columnCount, bodyRows, headers } = read();
  const body = await readBlockAsText(context, options, sheet, { row: headerRow + 1, col: firstColumn, rows: bodyRows, cols: columnCount }, onProgress, signal);
  const grid: string[][] = [headers, ...body];
  while (grid.length > 1 && isBlankRow(grid[grid.length - 1] ?? [])) grid.pop();
  return grid;
}
