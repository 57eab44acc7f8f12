/**
 * Reading a block of cells as text, in chunks sized by what the previous chunk weighed, so a sheet of long
 * summaries and a sheet of short titles both stay under Excel on the web's response limit without a sync per row.
 * The DIP table (readSheet.ts) and any sheet from A1 (readGrid.ts) are read through it.
 */
import { jsonBytes } from './payload.js';
import { AdapterError, isPayloadTooLarge, throwIfCancelled, type AdapterOptions, type ProgressFn } from './runner.js';

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

/** A block of the sheet, 0-based. */
export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The block's cells as text, one array per row, `cols` long. The first chunk is `readChunkRows` rows; each next one
 * is sized from this one's weight, aiming a tenth under `maxRequestBytes` (rows vary), so the sync count follows the
 * payload, not the row count. A response still too large is retried at half the rows; too_large when a single row
 * is. Progress counts the block's rows; with a signal, the read stops between chunks (cancelled).
 */
export async function readBlockAsText(
  context: Excel.RequestContext,
  options: AdapterOptions,
  sheet: Excel.Worksheet,
  block: Block,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<string[][]> {
  const { rows: total, cols } = block;
  const out: string[][] = [];
  onProgress?.(0, total);
  let size = Math.max(1, options.readChunkRows);
  while (out.length < total) {
    const start = out.length;
    throwIfCancelled(signal, start, total);
    const count = Math.min(size, total - start);
    const range = sheet.getRangeByIndexes(block.row + start, block.col, count, cols);
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
      out.push(Array.from({ length: cols }, (_, c) => cellAsText(v[c], t[c])));
    }
    onProgress?.(out.length, total);
    const bytes = jsonBytes(values) + jsonBytes(text);
    size = Math.max(1, Math.min(options.maxReadRows, Math.floor((0.9 * options.maxRequestBytes * count) / Math.max(1, bytes))));
  }
  return out;
}
