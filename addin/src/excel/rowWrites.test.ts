/**
 * Writing into existing rows against office-addin-mock: one row's cells (writeDipRow) and the hidden ID column
 * (writeIdColumn) — the right cells by header, nothing else touched, and the sync counts.
 */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS, columnIndex } from '../../../shared/columns.js';
import { parseDipGrid } from '../../../shared/grid.js';
import { readSheet, writeRow } from '../ui/logic/sheet.js';
import { createExcelAdapter, type AdapterError } from './adapter.js';
import { planIdWrites } from './rowWrites.js';
import type { AdapterOptions } from './runner.js';
import { createMockExcel } from './testing/mockExcel.js';
import { sampleGrid, sampleRow } from './testing/sampleRows.js';

const ID = columnIndex('id');
const W = DIP_HEADERS.length;
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

async function setup(rows: number, options: Partial<AdapterOptions> = {}) {
  const excel = createMockExcel();
  const adapter = createExcelAdapter(excel.runner, options);
  await adapter.writeDipRows(sampleGrid(rows));
  excel.resetStats();
  const grid = () => excel.model.tableGrid('TabelDIP');
  return { excel, adapter, model: excel.model, grid };
}

/** Swaps two columns (header and data), as a person dragging a column would. */
function swapColumns(model: ReturnType<typeof createMockExcel>['model'], a: number, b: number): void {
  const sheet = model.sheet('DIP');
  for (const line of sheet?.values ?? []) [line[a], line[b]] = [line[b] ?? '', line[a] ?? ''];
}

describe('writeDipRow', () => {
  it('writes one row in one sync and leaves every other row alone', async () => {
    const { excel, adapter, grid } = await setup(20);
    const before = grid();
    const cells = [...sampleRow(900)];
    cells[columnIndex('createdWhen')] = '2023-01-02'; // text that Excel would turn into a date without the prefix
    cells[columnIndex('notes')] = '=bukan rumus';
    await adapter.writeDipRow(7, cells);
    expect(excel.syncCount()).toBe(1);
    expect(grid()).toEqual(before.map((row, r) => (r === 8 ? cells : row)));
  });

  it('puts each value under its header when a person moved columns', async () => {
    const { adapter, model, grid } = await setup(5);
    swapColumns(model, columnIndex('title'), columnIndex('notes'));
    const cells = sampleRow(77);
    await adapter.writeDipRow(2, cells);
    const parsed = parseDipGrid(grid());
    expect(parsed.rows[2]).toEqual(parseDipGrid([[...DIP_HEADERS], cells]).rows[0]);
    expect(grid()[3]?.[columnIndex('notes')]).toBe(cells[columnIndex('title')]);
  });

  it('refuses a row of the wrong width or a negative index before touching the workbook', async () => {
    const { excel, adapter } = await setup(3);
    for (const attempt of [adapter.writeDipRow(0, ['x']), adapter.writeDipRow(-1, sampleRow(0)), adapter.writeDipRow(0.5, sampleRow(0))]) {
      expect(((await attempt.catch((e: unknown) => e)) as AdapterError).code).toBe('grid_mismatch');
    }
    expect(excel.syncCount()).toBe(0);
  });

  it('says the sheet is missing when a DIP column is gone', async () => {
    const { adapter, model } = await setup(3);
    model.sheet('DIP')?.put(0, columnIndex('summary'), [['Kolom lain']]);
    const error = await adapter.writeDipRow(0, sampleRow(5)).catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
  });

  it('is what the task pane uses to save one row (the uji konsekuensi form): one sync, not a rewrite', async () => {
    const { excel, adapter, grid } = await setup(200);
    const snapshot = await readSheet(adapter);
    excel.resetStats();
    const row = { ...snapshot.rows[3]!, notes: 'Diperiksa ulang' };
    await writeRow(adapter, snapshot, 3, row);
    expect(excel.syncCount()).toBe(1);
    expect(grid()[4]?.[columnIndex('notes')]).toBe('Diperiksa ulang');
    expect(grid()[5]).toEqual(sampleRow(4));
  });
});

describe('planIdWrites', () => {
  it('groups consecutive rows into runs and skips nulls', () => {
    expect(planIdWrites(['a', 'b', null, 'c'], 10_000)).toEqual([[{ start: 0, values: ['a', 'b'] }, { start: 3, values: ['c'] }]]);
    expect(planIdWrites([null, null], 10_000)).toEqual([]);
  });

  it('splits a long run across batches that each fit the budget', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuid(i));
    const batches = planIdWrites(ids, 10_000);
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.flat().flatMap((r) => r.values)).toEqual(ids);
    expect(batches.flat().every((r, i, all) => i === 0 || r.start === (all[i - 1]?.start ?? 0) + (all[i - 1]?.values.length ?? 0))).toBe(true);
  });
});

describe('writeIdColumn', () => {
  it('writes only the ID cells given, leaving null rows and every other column as they are', async () => {
    const { excel, adapter, model, grid } = await setup(6);
    model.sheet('DIP')?.put(4, 0, [Array<string>(W).fill('')]); // data row 3: a blank row a person left
    model.sheet('DIP')?.put(2, columnIndex('createdWhen'), [[2023]]); // a number a person typed stays a number
    const before = grid();
    const ids = [uuid(1), uuid(2), uuid(3), null, uuid(5), null];
    await adapter.writeIdColumn(ids);
    expect(excel.syncCount()).toBe(2);
    expect(grid()).toEqual(before.map((row, r) => (r === 0 || ids[r - 1] === null ? row : row.map((v, c) => (c === ID ? ids[r - 1] : v)))));
    expect(grid()[2]?.[columnIndex('createdWhen')]).toBe(2023);
  });

  it('finds the ID column by its header wherever it stands', async () => {
    const { adapter, model, grid } = await setup(3);
    swapColumns(model, ID, columnIndex('notes'));
    await adapter.writeIdColumn([uuid(1), uuid(2), uuid(3)]);
    expect(grid().slice(1).map((r) => r[columnIndex('notes')])).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(grid().slice(1).map((r) => r[ID])).toEqual(['', '', '']); // the notes, blank in the sample rows
  });

  it('keeps an id that looks like a number or a formula as text', async () => {
    const { adapter, grid } = await setup(2);
    await adapter.writeIdColumn(['0123', '=A1']);
    expect(grid().slice(1).map((r) => r[ID])).toEqual(['0123', '=A1']);
  });

  it('refuses more ids than the table has rows, writing nothing', async () => {
    const { excel, adapter, grid } = await setup(3);
    const before = grid();
    const error = await adapter.writeIdColumn([uuid(1), uuid(2), uuid(3), uuid(4)]).catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('grid_mismatch');
    expect(grid()).toEqual(before);
    expect(excel.syncCount()).toBe(1);
  });

  it('does not sync at all when there is nothing to write', async () => {
    const { excel, adapter } = await setup(3);
    await adapter.writeIdColumn([null, null]);
    await adapter.writeIdColumn([]);
    expect(excel.syncCount()).toBe(0);
  });

  it('says the sheet is missing when the ID column is gone', async () => {
    const { adapter, model } = await setup(3);
    model.sheet('DIP')?.put(0, ID, [['Kode']]);
    const error = await adapter.writeIdColumn([uuid(1)]).catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
  });

  it('reports progress in rows written', async () => {
    const { adapter } = await setup(2000, { maxRequestBytes: 20_000 });
    const seen: [number, number][] = [];
    await adapter.writeIdColumn(Array.from({ length: 2000 }, (_, i) => (i % 10 === 9 ? null : uuid(i))), (d, t) => seen.push([d, t]));
    expect(seen[0]).toEqual([0, 1800]);
    expect(seen.at(-1)).toEqual([1800, 1800]);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('needs no more syncs than the payload takes (10 rows, 10,000 rows, 50,000 rows, scattered rows)', async () => {
    const run = async (rows: number, ids: (i: number) => string | null, maxRequestBytes: number) => {
      const { excel, adapter, grid } = await setup(rows, { maxRequestBytes });
      const list = Array.from({ length: rows }, (_, i) => ids(i));
      await adapter.writeIdColumn(list);
      expect(grid().slice(1).map((r, i) => (list[i] === null ? null : r[ID]))).toEqual(list);
      const payload = excel.batches.reduce((s, b) => s + b.request, 0);
      return { count: excel.syncCount(), max: excel.maxRequest(), payload };
    };
    // 10,000 ids are ~450 kB: under the default 1 MB budget, so 10 and 10,000 rows take the same two syncs.
    const small = await run(10, uuid, 1_000_000);
    const large = await run(10_000, uuid, 1_000_000);
    expect(small.count).toBe(2);
    expect(large.count).toBe(small.count);
    // 50,000 ids at 500 kB per request: one sync per budget's worth of payload, plus the check.
    const huge = await run(50_000, uuid, 500_000);
    expect(huge.max).toBeLessThanOrEqual(500_000);
    expect(huge.count).toBeLessThanOrEqual(Math.ceil(huge.payload / (0.9 * 500_000)) + 1);
    // Every other row: 5,000 runs of one cell each still follow the payload, not the row count (the adapter counts
    // 400 bytes of overhead per run, more than the mock charges, so its batches come out about 60% full).
    const scattered = await run(10_000, (i) => (i % 2 === 0 ? uuid(i) : null), 1_000_000);
    expect(scattered.max).toBeLessThanOrEqual(1_000_000);
    expect(scattered.count).toBeLessThanOrEqual(Math.ceil(scattered.payload / (0.6 * 1_000_000)) + 1);
    expect(scattered.count).toBeLessThan(10);
  }, 60_000);
});
