/**
 * Reading the DIP table as text, in chunks sized by what the previous chunk weighed, so a sheet of long summaries
 * and a sheet of short titles both stay under Excel on the web's response limit without a sync per row.
 */
import { queueLayout } from './layout.js';
import { jsonBytes } from './payload.js';
import { AdapterError, isPayloadTooLarge, syncOrMissing, throwIfCancelled, type AdapterOptions, type ProgressFn } from './runner.js';

/**
 * A cell as text. Strings come back as they are. A number, date or boolean comes back as Excel displays it
 * (`text`: "12/01/2023" rather than the serial 44927), unless the column is too narrow and Excel shows "####".
 */
export function cellAsText(value: unknown, text: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  const shown = typeof text === 'string' ? text : '';
  return shown !== '' && !/^#+$/.test(shown) ? shown : String(value);
}

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
  const { sheet, headerRow, firstColumn, columnCount, bodyRows: total, headers } = read();
  const grid: string[][] = [headers];
  onProgress?.(0, total);

  let start = 0;
  let size = Math.max(1, options.readChunkRows);
  while (start < total) {
    throwIfCancelled(signal, start, total);
    const count = Math.min(size, total - start);
    const range = sheet.getRangeByIndexes(headerRow + 1 + start, firstColumn, count, columnCount);
    range.load('values,text');
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      if (count === 1) throw new AdapterError('too_large', 'A single row is larger than Excel allows in one response.');
      size = Math.ceil(count / 2);
      continue;
    }
    const values = range.values;
    const text = range.text;
    for (let r = 0; r < count; r++) {
      const v = values[r] ?? [];
      const t = text[r] ?? [];
      grid.push(Array.from({ length: columnCount }, (_, c) => cellAsText(v[c], t[c])));
    }
    start += count;
    onProgress?.(start, total);
    // Size the next chunk from this one's weight (aiming a tenth under the budget, as rows vary): the sync count
    // follows the payload, not the row count.
    const bytes = jsonBytes(values) + jsonBytes(text);
    const target = 0.9 * options.maxRequestBytes;
    size = Math.max(1, Math.min(options.maxReadRows, Math.floor((target * count) / Math.max(1, bytes))));
  }
  while (grid.length > 1 && isBlankRow(grid[grid.length - 1] ?? [])) grid.pop();
  return grid;
}
