/**
 * What lies under the DIP table when a write (a pull, an import) changes its number of rows. Real DIP workbooks
 * very often keep a signature block under the list ("Ditetapkan di …, pada tanggal …, Kepala Dinas …, NIP …"), a
 * total or notes. Against the mock Excel: a write longer than the table used to lay its extra rows over them.
 */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS } from '../../../shared/columns.js';
import { createExcelAdapter } from './adapter.js';
import type { AdapterError } from './runner.js';
import { createMockExcel } from './testing/mockExcel.js';
import { sampleGrid, sampleRow } from './testing/sampleRows.js';
import { inside, type Cell, type Rect, type SheetModel, type WorkbookModel } from './testing/workbookModel.js';

const W = DIP_HEADERS.length;
const HEADER_ROW = 3; // under two title lines and a blank one
const WIDE = 22; // columns looked at: the table's and a few right of it

/** A total right under the table, a blank line, then the signature block, with a mark right of the table. */
const BELOW: Cell[][] = [
  ['', 'Jumlah informasi', 3],
  [],
  [...Array<Cell>(11).fill(''), 'Ditetapkan di Bandung'],
  [...Array<Cell>(11).fill(''), 'pada tanggal 2 Januari 2024'],
  [...Array<Cell>(11).fill(''), 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', '', '', '', '', '', '', 'paraf'],
  [],
  [...Array<Cell>(11).fill(''), 'Dr. H. Ahmad Sutisna, M.Si.'],
  [...Array<Cell>(11).fill(''), 'NIP 19700101 199503 1 001'],
];

/** A DIP sheet with title lines, the table holding `rows` sample rows, and BELOW under it. */
function setup(rows: number) {
  const excel = createMockExcel();
  const sheet = excel.model.addSheet('DIP');
  sheet.put(0, 0, [['DAFTAR INFORMASI PUBLIK'], ['DINAS KOMUNIKASI DAN INFORMATIKA KOTA BANDUNG']]);
  sheet.put(0, 18, [['Revisi 2']]);
  const grid = sampleGrid(rows);
  sheet.put(HEADER_ROW, 0, grid);
  excel.model.addTable(sheet, { row: HEADER_ROW, col: 0, rows: rows + 1, cols: W }).name = 'TabelDIP';
  const bottom = HEADER_ROW + 1 + rows; // first row under the table
  sheet.put(bottom, 0, BELOW);
  sheet.notes.set(`${bottom + 4}:11`, 'tanda tangan basah');
  return { excel, sheet, model: excel.model, adapter: createExcelAdapter(excel.runner), bottom };
}

const area = (sheet: SheetModel, row: number, rows: number) => sheet.grid({ row, col: 0, rows, cols: WIDE });
const titles = (sheet: SheetModel) => area(sheet, 0, HEADER_ROW);
/** Every value on the sheet outside the DIP table, in reading order. */
const outsideTable = (model: WorkbookModel, sheet: SheetModel): Cell[] => {
  const t = model.table('TabelDIP');
  return sheet.values.flatMap((line, r) => line.filter((v, c) => v !== '' && v !== undefined && !(t && inside(t, r, c))));
};
/** What a write must keep: the title lines, the block under the table, every value outside the table. */
const keep = (model: WorkbookModel, sheet: SheetModel, bottom: number) => ({
  titles: titles(sheet),
  below: area(sheet, bottom, BELOW.length),
  outside: outsideTable(model, sheet),
});

/**
 * All of it as it was, the block now right under the table's `rows` rows: same cells, same gap to the table, the
 * mark right of the table moved with its row, the note with its cell, nothing further down.
 */
function expectKept(model: WorkbookModel, sheet: SheetModel, before: ReturnType<typeof keep>, rows: number): void {
  expect(model.table('TabelDIP')).toMatchObject({ row: HEADER_ROW, col: 0, rows: rows + 1, cols: W });
  const under = HEADER_ROW + 1 + rows;
  expect(area(sheet, under, BELOW.length)).toEqual(before.below);
  expect(sheet.notes.get(`${under + 4}:11`)).toBe('tanda tangan basah');
  expect(sheet.usedRange()).toEqual({ row: 0, col: 0, rows: under + BELOW.length, cols: 19 });
  expect(titles(sheet)).toEqual(before.titles);
  expect(outsideTable(model, sheet)).toEqual(before.outside);
}

const reaches = (rects: readonly Rect[], row: number) => rects.some((r) => r.row + r.rows > row);

describe('a write longer than the DIP table, over a signature block', () => {
  it('moves the block down intact, whole rows at a time, and keeps it right under the table', async () => {
    const { adapter, model, sheet, bottom } = setup(3);
    const before = keep(model, sheet, bottom);

    const grid = sampleGrid(30);
    await adapter.writeDipRows(grid);

    expect(model.tableGrid('TabelDIP')).toEqual(grid);
    expectKept(model, sheet, before, 30);
  });

  it('moves another table under the DIP table down with its values', async () => {
    const { adapter, model, sheet, bottom } = setup(2);
    const rekap = [['Unit', 'Jumlah'], ['Sekretariat', 4], ['Bidang Aset', 2]];
    sheet.put(bottom + 10, 0, rekap);
    model.addTable(sheet, { row: bottom + 10, col: 0, rows: 3, cols: 2 }).name = 'Rekap';

    await adapter.writeDipRows(sampleGrid(20));

    expect(model.table('Rekap')).toMatchObject({ row: bottom + 10 + 18, col: 0, rows: 3, cols: 2 });
    expect(model.tableGrid('Rekap')).toEqual(rekap);
  });

  it('lays no list, wrap or alignment over the block (they stop at the table when something lies under it)', async () => {
    const { adapter, sheet } = setup(3);
    await adapter.writeDipRows(sampleGrid(30));
    const under = HEADER_ROW + 31;
    expect(sheet.validations).toHaveLength(2); // Kategori and Bentuk, over the table's rows
    expect(reaches(sheet.validations, under)).toBe(false);
    expect(reaches(sheet.wrapped, under)).toBe(false);
    expect(reaches(sheet.aligned, under)).toBe(false);

    const repair = setup(3);
    await repair.adapter.ensureDipSheet();
    expect(repair.sheet.validations).toHaveLength(2);
    expect(reaches(repair.sheet.validations, repair.bottom)).toBe(false);
  });

  it('costs no sync more than the same write with nothing under the table', async () => {
    const count = async (withBlock: boolean) => {
      const { adapter, excel, sheet, bottom } = setup(3);
      if (!withBlock) sheet.clear({ row: bottom, col: 0, rows: BELOW.length, cols: WIDE }, 'All');
      excel.resetStats();
      await adapter.writeDipRows(sampleGrid(30));
      return excel.syncCount();
    };
    expect(await count(true)).toBe(await count(false));
  });

  it('when cancelled, leaves the table with the rows written so far and the block right under them', async () => {
    const excel = createMockExcel();
    const sheet = excel.model.addSheet('DIP');
    sheet.put(0, 0, sampleGrid(2));
    excel.model.addTable(sheet, { row: 0, col: 0, rows: 3, cols: W }).name = 'TabelDIP';
    sheet.put(3, 0, BELOW);
    const adapter = createExcelAdapter(excel.runner, { maxRequestBytes: 100_000 });
    const abort = new AbortController();
    const fresh = sampleGrid(2000);

    const error = await adapter.writeDipRows(fresh, (done) => done > 0 && abort.abort(), abort.signal).catch((e: unknown) => e);

    expect((error as AdapterError).code).toBe('cancelled');
    const done = (error as AdapterError).progress?.done ?? 0;
    expect(done).toBeGreaterThan(2);
    expect(excel.model.tableGrid('TabelDIP')).toEqual(fresh.slice(0, done + 1));
    expect(sheet.grid({ row: done + 1, col: 0, rows: BELOW.length, cols: WIDE })).toEqual(
      BELOW.map((line) => Array.from({ length: WIDE }, (_, c) => line[c] ?? '')),
    );
    expect(sheet.usedRange()?.rows).toBe(done + 1 + BELOW.length);
  }, 30_000);
});

describe('a write shorter than the DIP table, over a signature block', () => {
  it('takes the freed rows out whole, so the block moves up intact and stays right under the table', async () => {
    const { adapter, model, sheet, bottom } = setup(30);
    const before = keep(model, sheet, bottom);

    const grid = [[...DIP_HEADERS], sampleRow(100), sampleRow(101), sampleRow(102)];
    await adapter.writeDipRows(grid);

    expect(model.tableGrid('TabelDIP')).toEqual(grid);
    expectKept(model, sheet, before, 3);
  });

  it('clears the freed rows instead when a person keeps something beside them: nothing moves, nothing is lost', async () => {
    const { adapter, model, sheet, bottom } = setup(30);
    sheet.put(HEADER_ROW + 20, 18, [['cek ulang baris ini']]); // S24, beside a row the write frees
    const below = area(sheet, bottom, BELOW.length);

    await adapter.writeDipRows(sampleGrid(3));

    expect(model.table('TabelDIP')).toMatchObject({ row: HEADER_ROW, rows: 4 });
    expect(sheet.get(HEADER_ROW + 20, 18)).toBe('cek ulang baris ini');
    expect(area(sheet, bottom, BELOW.length)).toEqual(below);
    // The rows between the table and the block are empty in the table's columns.
    expect(sheet.grid({ row: HEADER_ROW + 4, col: 0, rows: 27, cols: W }).flat().every((v) => v === '')).toBe(true);
  });

  it('grows again over the same block without losing it (a pull after a shorter one)', async () => {
    const { adapter, sheet, bottom } = setup(10);
    const below = area(sheet, bottom, BELOW.length);
    await adapter.writeDipRows(sampleGrid(2));
    await adapter.writeDipRows(sampleGrid(25));
    await adapter.writeDipRows(sampleGrid(1));
    expect(area(sheet, HEADER_ROW + 2, BELOW.length)).toEqual(below);
  });

  it('writes an empty list as one blank row with the block right under it', async () => {
    const { adapter, model, sheet, bottom } = setup(12);
    const below = area(sheet, bottom, BELOW.length);
    await adapter.writeDipRows([[...DIP_HEADERS]]);
    expect(model.table('TabelDIP')).toMatchObject({ row: HEADER_ROW, rows: 2 });
    expect(area(sheet, HEADER_ROW + 2, BELOW.length)).toEqual(below);
  });
});

describe('what entire rows cannot keep in line', () => {
  it('splits a block beside the table that runs on under it, moving its lower part down: every value kept', async () => {
    const { adapter, model, sheet, bottom } = setup(3);
    const side = Array.from({ length: 6 }, (_, i) => [`hitungan ${i + 1}`]);
    sheet.put(HEADER_ROW + 1, 20, side); // U5:U10, beside the body and on under it
    const before = outsideTable(model, sheet);

    await adapter.writeDipRows(sampleGrid(30));

    expect(outsideTable(model, sheet)).toEqual(before);
    expect(sheet.grid({ row: HEADER_ROW + 1, col: 20, rows: 3, cols: 1 })).toEqual(side.slice(0, 3));
    expect(sheet.grid({ row: bottom + 27, col: 20, rows: 3, cols: 1 })).toEqual(side.slice(3));
  });

  it('when cancelled with something beside the table\'s rows, takes out only the rows it inserted', async () => {
    const excel = createMockExcel();
    const sheet = excel.model.addSheet('DIP');
    sheet.put(0, 0, sampleGrid(2));
    excel.model.addTable(sheet, { row: 0, col: 0, rows: 3, cols: W }).name = 'TabelDIP';
    sheet.put(1, 18, [['di samping']]);
    sheet.put(3, 0, BELOW);
    const adapter = createExcelAdapter(excel.runner, { maxRequestBytes: 100_000 });
    const abort = new AbortController();
    const error = await adapter.writeDipRows(sampleGrid(2000), (done) => done > 0 && abort.abort(), abort.signal).catch((e: unknown) => e);
    const done = (error as AdapterError).progress?.done ?? 0;
    expect(done).toBeGreaterThan(2);
    expect(excel.model.table('TabelDIP')?.rows).toBe(done + 1);
    expect(sheet.get(1, 18)).toBe('di samping');
    expect(sheet.get(done + 1, 1)).toBe('Jumlah informasi');
  }, 30_000);
});
