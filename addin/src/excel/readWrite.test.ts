/**
 * Reading and writing the DIP table against office-addin-mock: content, chunking by payload, progress,
 * cancellation, and the number of context.sync() calls (it follows the payload, never the row count).
 */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS } from '../../../shared/columns.js';
import { AdapterError, createExcelAdapter } from './adapter.js';
import { cellAsText } from './readSheet.js';
import { sampleGrid, sampleRow } from './testing/sampleRows.js';
import { createMockExcel, type MockOptions } from './testing/mockExcel.js';
import type { AdapterOptions } from './runner.js';

const W = DIP_HEADERS.length;
const MB = 1024 * 1024;

function setup(options: Partial<AdapterOptions> = {}, mock: MockOptions = {}) {
  const excel = createMockExcel(mock);
  return { excel, model: excel.model, adapter: createExcelAdapter(excel.runner, options) };
}

const totalRequest = (excel: ReturnType<typeof setup>['excel']) => excel.batches.reduce((s, b) => s + b.request, 0);
const totalResponse = (excel: ReturnType<typeof setup>['excel']) => excel.batches.reduce((s, b) => s + b.response, 0);

describe('writeDipRows', () => {
  it('creates the sheet if needed and writes every row', async () => {
    const { adapter, model } = setup();
    const grid = sampleGrid(25);
    await adapter.writeDipRows(grid);
    expect(model.tableGrid('TabelDIP')).toEqual(grid);
    const sheet = model.sheet('DIP');
    expect(sheet?.validations).toHaveLength(2);
    expect(sheet?.frozenRows).toBe(1);
  });

  it('keeps text that Excel would otherwise parse exactly as it is', async () => {
    const { adapter, model } = setup();
    const tricky = ['0123', '2023', '=HYPERLINK("http://x")', '- tidak ada', '+62 22 123', 'TRUE', "'kutip", '2024-01-02', 'x'.repeat(400)];
    const grid = [[...DIP_HEADERS], ...tricky.map((v) => DIP_HEADERS.map(() => v))];
    await adapter.writeDipRows(grid);
    expect(model.tableGrid('TabelDIP')).toEqual(grid);
    expect(await adapter.readDipSheet()).toEqual(grid);
  });

  it('replaces a longer body: the table shrinks and the old rows below are cleared', async () => {
    const { adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(100));
    const shorter = [[...DIP_HEADERS], sampleRow(500), sampleRow(501)];
    await adapter.writeDipRows(shorter);
    expect(model.tableGrid('TabelDIP')).toEqual(shorter);
    expect(model.table('TabelDIP')?.rows).toBe(3);
    expect(model.sheet('DIP')?.usedRange()).toEqual({ row: 0, col: 0, rows: 3, cols: W });
  });

  it('writes an empty list as a table with one blank row, which reads back as no rows', async () => {
    const { adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(10));
    await adapter.writeDipRows([[...DIP_HEADERS]]);
    expect(model.table('TabelDIP')?.rows).toBe(2);
    expect(await adapter.readDipSheet()).toEqual([DIP_HEADERS]);
  });

  it('blanks a person\'s extra column and restores DIP headers, since rows come in DIP order', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    const moved = [...DIP_HEADERS, 'Kolom Saya'];
    [moved[2], moved[3]] = [DIP_HEADERS[3] ?? '', DIP_HEADERS[2] ?? ''];
    sheet.put(0, 0, [moved, Array<string>(W + 1).fill('lama')]);
    model.addTable(sheet, { row: 0, col: 0, rows: 2, cols: W + 1 }).name = 'TabelDIP';
    await adapter.writeDipRows(sampleGrid(1));
    expect(model.tableGrid('TabelDIP')).toEqual([[...DIP_HEADERS, 'Kolom Saya'], [...sampleRow(0), '']]);
  });

  it('refuses a grid without the DIP header row before touching the workbook', async () => {
    const { excel, adapter } = setup();
    const error = await adapter.writeDipRows([['Judul'], ['x']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('grid_mismatch');
    const wide = await adapter.writeDipRows([[...DIP_HEADERS], [...sampleRow(0), 'extra']]).catch((e: unknown) => e);
    expect((wide as AdapterError).code).toBe('grid_mismatch');
    expect(excel.syncCount()).toBe(0);
  });

  it('reports progress up to the total', async () => {
    const { adapter } = setup({ maxRequestBytes: 100_000 });
    const seen: [number, number][] = [];
    await adapter.writeDipRows(sampleGrid(2000), (done, total) => seen.push([done, total]));
    expect(seen[0]).toEqual([0, 2000]);
    expect(seen.at(-1)).toEqual([2000, 2000]);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(([d], i) => i === 0 || d > (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('stops between chunks when cancelled, leaving exactly the rows written so far', async () => {
    const { adapter, model } = setup({ maxRequestBytes: 100_000 });
    await adapter.writeDipRows(sampleGrid(3000));
    const abort = new AbortController();
    const fresh = [[...DIP_HEADERS], ...Array.from({ length: 2000 }, (_, i) => sampleRow(10_000 + i))];
    const error = await adapter
      .writeDipRows(fresh, (done) => done > 0 && abort.abort(), abort.signal)
      .catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('cancelled');
    const done = (error as AdapterError).progress?.done ?? 0;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(2000);
    expect(model.tableGrid('TabelDIP')).toEqual(fresh.slice(0, done + 1));
    expect(model.sheet('DIP')?.usedRange()?.rows).toBe(done + 1);
  });

  it('keeps every request under the budget while writing 50,000 rows', async () => {
    const { excel, adapter, model } = setup({ maxRequestBytes: 1_000_000 });
    await adapter.writeDipRows(sampleGrid(50_000));
    expect(excel.maxRequest()).toBeLessThanOrEqual(1_000_000);
    expect(model.table('TabelDIP')?.rows).toBe(50_001);
    expect(model.tableGrid('TabelDIP')[50_000]).toEqual(sampleRow(49_999));
  }, 60_000);

  it('needs no more syncs than the payload takes (10 rows, 10,000 rows, 50,000 rows)', async () => {
    const syncs = async (rows: number, maxRequestBytes: number) => {
      const { excel, adapter } = setup({ maxRequestBytes });
      await adapter.writeDipRows(sampleGrid(5)); // the sheet exists: count the steady state
      excel.resetStats();
      await adapter.writeDipRows(sampleGrid(rows));
      return { count: excel.syncCount(), payload: totalRequest(excel), max: excel.maxRequest() };
    };
    // One chunk holds 10,000 sample rows at 4 MB: 10 rows and 10,000 rows take the same few syncs.
    const small = await syncs(10, 4 * MB);
    const large = await syncs(10_000, 4 * MB);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(3);
    // 50,000 rows at 1 MB: one sync per megabyte of payload, plus the fixed ones.
    const huge = await syncs(50_000, 1_000_000);
    expect(huge.max).toBeLessThanOrEqual(1_000_000);
    expect(huge.count).toBeLessThanOrEqual(Math.ceil(huge.payload / (0.9 * 1_000_000)) + 3);
    expect(huge.count).toBeGreaterThan(small.count);
  }, 60_000);
});

describe('readDipSheet', () => {
  it('reads the header and rows back as written', async () => {
    const { adapter } = setup();
    const grid = sampleGrid(40);
    await adapter.writeDipRows(grid);
    expect(await adapter.readDipSheet()).toEqual(grid);
  });

  it('turns numbers, dates and booleans into the text Excel shows', async () => {
    const { adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(3));
    const sheet = model.sheet('DIP');
    sheet?.put(1, 6, [[2023]]);
    sheet?.put(2, 6, [[44927]]);
    sheet?.displayText.set('2:6', '01/01/2023');
    sheet?.put(3, 6, [[44928]]);
    sheet?.displayText.set('3:6', '#####');
    sheet?.put(3, 15, [[true]]);
    const grid = await adapter.readDipSheet();
    expect(grid.map((r) => r[6])).toEqual([DIP_HEADERS[6], '2023', '01/01/2023', '44928']);
    expect(grid[3]?.[15]).toBe('true');
    expect(cellAsText(null, '')).toBe('');
  });

  it('keeps blank rows in the middle (row indexes stay the sheet\'s) and drops trailing ones', async () => {
    const { adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(4));
    model.sheet('DIP')?.put(2, 0, [Array<string>(W).fill('')]);
    model.sheet('DIP')?.put(4, 0, [Array<string>(W).fill('')]);
    const grid = await adapter.readDipSheet();
    expect(grid).toHaveLength(4);
    expect(grid[2]).toEqual(Array<string>(W).fill(''));
  });

  it('says the sheet is missing instead of failing obscurely', async () => {
    const { adapter } = setup();
    const error = await adapter.readDipSheet().catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
  });

  it('halves a chunk that Excel refuses as too large and still reads everything', async () => {
    const { excel, adapter } = setup({ readChunkRows: 5000, maxRequestBytes: 4 * MB }, { limitBytes: 400_000 });
    const grid = sampleGrid(2000);
    await createExcelAdapter(excel.runner, { maxRequestBytes: 300_000 }).writeDipRows(grid);
    excel.resetStats();
    expect(await adapter.readDipSheet()).toEqual(grid);
    expect(excel.maxResponse()).toBeGreaterThan(400_000); // the refused one
  });

  it('reports progress and can be cancelled between chunks', async () => {
    const { adapter } = setup({ readChunkRows: 100, maxRequestBytes: 50_000 });
    await adapter.writeDipRows(sampleGrid(1000));
    const abort = new AbortController();
    const seen: number[] = [];
    const error = await adapter
      .readDipSheet((done) => {
        seen.push(done);
        if (done >= 300) abort.abort();
      }, abort.signal)
      .catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('cancelled');
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(300);
  });

  it('needs no more syncs than the payload takes (10 rows, 10,000 rows, 50,000 rows)', async () => {
    const syncs = async (rows: number, options: Partial<AdapterOptions>, mock: MockOptions = {}) => {
      const { excel, adapter } = setup(options, mock);
      await adapter.writeDipRows(sampleGrid(rows));
      excel.resetStats();
      const grid = await adapter.readDipSheet();
      expect(grid).toHaveLength(rows + 1);
      return { count: excel.syncCount(), payload: totalResponse(excel), max: excel.maxResponse() };
    };
    // A chunk big enough for 10,000 sample rows (values and display text: ~7 MB, so past Excel on the web's 5 MB
    // limit — desktop Excel has none): then 10 rows and 10,000 rows take the same two syncs.
    const equal = { readChunkRows: 10_000, maxRequestBytes: 8 * MB };
    const small = await syncs(10, equal, { limitBytes: 16 * MB });
    const large = await syncs(10_000, equal, { limitBytes: 16 * MB });
    expect(large.count).toBe(small.count);
    expect(small.count).toBe(2);
    const huge = await syncs(50_000, { maxRequestBytes: 1_000_000 });
    // Read chunks aim at 90% of the budget; the first one (readChunkRows) is a guess.
    expect(huge.max).toBeLessThanOrEqual(1_000_000);
    expect(huge.count).toBeLessThanOrEqual(Math.ceil(huge.payload / (0.9 * 1_000_000)) + 3);
  }, 60_000);
});
