/** clearAroundDipTable against office-addin-mock, and the pure rectangle arithmetic under it. */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS } from '../../../shared/columns.js';
import { AdapterError, createExcelAdapter } from './adapter.js';
import { outsideArea, replacedParts } from './clearAround.js';
import { createMockExcel } from './testing/mockExcel.js';
import { sampleGrid } from './testing/sampleRows.js';

const W = DIP_HEADERS.length;

function setup() {
  const excel = createMockExcel();
  return { excel, model: excel.model, adapter: createExcelAdapter(excel.runner) };
}

describe('outsideArea', () => {
  it('cuts what lies outside the kept area into bands above and below and pieces beside it', () => {
    expect(outsideArea({ row: 0, col: 0, rows: 5, cols: 10 }, { row: 0, col: 0, rows: 2, cols: 8 })).toEqual([
      { row: 2, col: 0, rows: 3, cols: 10 },
      { row: 0, col: 8, rows: 2, cols: 2 },
    ]);
    expect(outsideArea({ row: 0, col: 0, rows: 10, cols: 10 }, { row: 3, col: 2, rows: 4, cols: 5 })).toEqual([
      { row: 0, col: 0, rows: 3, cols: 10 },
      { row: 7, col: 0, rows: 3, cols: 10 },
      { row: 3, col: 0, rows: 4, cols: 2 },
      { row: 3, col: 7, rows: 4, cols: 3 },
    ]);
  });

  it('leaves nothing when the kept area covers it all, and everything when they do not meet', () => {
    expect(outsideArea({ row: 0, col: 0, rows: 3, cols: 16 }, { row: 0, col: 0, rows: 3, cols: 16 })).toEqual([]);
    expect(outsideArea({ row: 1, col: 1, rows: 2, cols: 2 }, { row: 0, col: 0, rows: 10, cols: 16 })).toEqual([]);
    expect(outsideArea({ row: 20, col: 0, rows: 2, cols: 2 }, { row: 0, col: 0, rows: 10, cols: 16 })).toEqual([{ row: 20, col: 0, rows: 2, cols: 2 }]);
  });
});

describe('replacedParts', () => {
  const old = { row: 0, col: 0, rows: 8, cols: 10 }; // title lines, header, column numbers, three rows: A1:J8

  it('follows the rows of the old DIP that were under the table down by the rows inserted there', () => {
    // The add-in's empty table on rows 1–2 with the old DIP pasted over it; three rows written: two inserted under it.
    expect(replacedParts(old, { place: { row: 0, col: 0, rows: 4, cols: 16 }, under: 2, inserted: 2 })).toEqual([{ row: 4, col: 0, rows: 6, cols: 10 }]);
    // Nothing inserted (the table held enough rows, or nothing lay under it): the rows stay where they were.
    expect(replacedParts(old, { place: { row: 0, col: 0, rows: 2, cols: 16 }, under: 2, inserted: 0 })).toEqual([{ row: 2, col: 0, rows: 6, cols: 10 }]);
  });

  it('keeps the title lines above a table made at the header where they are, and the part right of a narrower table', () => {
    // Table at the old header (row 4), its four body rows covering the rest; the old DIP wider than the table.
    const wide = { row: 0, col: 0, rows: 8, cols: 18 };
    expect(replacedParts(wide, { place: { row: 3, col: 0, rows: 5, cols: 16 }, under: 8, inserted: 0 })).toEqual([
      { row: 0, col: 0, rows: 3, cols: 18 },
      { row: 3, col: 16, rows: 5, cols: 2 },
    ]);
  });

  it('leaves nothing when the table covers the old DIP, and never reaches under its last row or right of its columns', () => {
    expect(replacedParts(old, { place: { row: 0, col: 0, rows: 8, cols: 16 }, under: 8, inserted: 0 })).toEqual([]);
    // One body row before, six after: five inserted under it.
    const parts = replacedParts(old, { place: { row: 0, col: 0, rows: 7, cols: 16 }, under: 2, inserted: 5 });
    expect(parts).toEqual([{ row: 7, col: 0, rows: 6, cols: 10 }]);
    expect(Math.max(...parts.map((p) => p.row + p.rows))).toBe(old.rows + 5);
  });
});

describe('clearAroundDipTable', () => {
  it('clears what an old DIP left below and beside the table, keeps the table and lays its formats out again', async () => {
    const { excel, adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(3));
    const sheet = model.sheet('DIP')!;
    // An old, longer and wider DIP had been pasted here: its rows past the table and its extra columns remain.
    sheet.put(4, 0, [['3', 'Berkala', 'Baris lama'], ['(1)', '(2)', '(3)']]);
    sheet.put(0, W, [['Paraf'], ['ok']]);
    sheet.setFill({ row: 5, col: 0, rows: 1, cols: 3 }, '#DDDDDD');
    sheet.validations = [];
    excel.resetStats();

    expect(await adapter.clearAroundDipTable()).toBe(2);
    expect(sheet.usedRange()).toEqual({ row: 0, col: 0, rows: 4, cols: W });
    expect(model.tableGrid('TabelDIP')).toEqual(sampleGrid(3));
    expect(sheet.fillAt(5, 0)).toBeUndefined();
    expect(sheet.validations).toHaveLength(2);
    expect(excel.syncCount()).toBe(2);
  });

  it('changes nothing when the sheet holds only the table', async () => {
    const { adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(2));
    const before = structuredClone(model.sheet('DIP')!.values);
    expect(await adapter.clearAroundDipTable()).toBe(0);
    expect(model.sheet('DIP')!.values).toEqual(before);
  });

  it('says the table is missing instead of clearing a sheet it does not know', async () => {
    const { adapter, model } = setup();
    model.addSheet('DIP').put(0, 0, [['DAFTAR INFORMASI PUBLIK']]);
    const error = await adapter.clearAroundDipTable().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
    expect(model.sheet('DIP')!.get(0, 0)).toBe('DAFTAR INFORMASI PUBLIK');
  });
});
