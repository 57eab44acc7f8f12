/**
 * Widening the DIP table to add the DIP columns it lacks (an old layout without the hidden ID, a table that lost
 * columns) must never take over what a person keeps just to the right of it: a note, a side calculation, an old
 * column outside the table. Against the mock Excel: the widening used to absorb those cells into the table and write
 * our header over the first of them.
 */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS, columnIndex } from '../../../shared/columns.js';
import { createExcelAdapter } from './adapter.js';
import { AdapterError } from './runner.js';
import { sampleGrid } from './testing/sampleRows.js';
import { createMockExcel } from './testing/mockExcel.js';
import type { Cell, SheetModel, WorkbookModel } from './testing/workbookModel.js';

const OLD = [
  ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi'],
  ['1', 'Berkala', 'Renstra', 'Rencana strategis'],
  ['2', 'Serta Merta', 'LAKIP', 'Laporan kinerja'],
];
// The DIP columns the old layout lacks by meaning, added in DIP order at its right end (E…Q): all but Kategori
// ("Jenis Informasi"), the title and the summary ("Ringkasan Isi").
const FOUND = [columnIndex('category'), columnIndex('title'), columnIndex('summary')];
const ADDED_HEADERS = DIP_HEADERS.filter((_, i) => !FOUND.includes(i));
const ADDED = ADDED_HEADERS.length;

function setup(tableName = 'TabelDIP', grid: readonly (readonly string[])[] = OLD) {
  const excel = createMockExcel();
  const sheet = excel.model.addSheet('DIP');
  sheet.put(0, 0, grid.map((line) => [...line]));
  excel.model.addTable(sheet, { row: 0, col: 0, rows: grid.length, cols: grid[0]?.length ?? 0 }).name = tableName;
  return { excel, sheet, model: excel.model, adapter: createExcelAdapter(excel.runner) };
}

/** Every cell the sheet holds, the tables' places and names, and the formats the repair would lay out. */
function snapshot(model: WorkbookModel, sheet: SheetModel) {
  return {
    cells: sheet.grid({ row: 0, col: 0, rows: 40, cols: 40 }),
    tables: model.tables.map((t) => ({ name: t.name, row: t.row, col: t.col, rows: t.rows, cols: t.cols })),
    hidden: [...sheet.hiddenColumns],
    validations: sheet.validations.length,
    frozen: sheet.frozenRows,
  };
}

const refusal = async (action: Promise<unknown>): Promise<AdapterError> => {
  const error = await action.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterError);
  return error as AdapterError;
};

describe('widening the DIP table over cells a person uses', () => {
  it('refuses, changing nothing, when a body row holds something where a new column would go', async () => {
    const { adapter, model, sheet } = setup();
    sheet.put(2, 4, [['cek ulang ke Bagian Umum']]); // E3, right of the last row
    const before = snapshot(model, sheet);

    const error = await refusal(adapter.ensureDipSheet());
    expect(error.code).toBe('columns_blocked');
    expect(error.blocked).toEqual({ sheet: 'DIP', cells: 'E3', first: 'E', last: 'Q', columns: ADDED_HEADERS });
    expect(snapshot(model, sheet)).toEqual(before);
    expect(sheet.get(2, 4)).toBe('cek ulang ke Bagian Umum');
  });

  it('refuses when the header row holds something there, and names the area that holds it', async () => {
    const { adapter, model, sheet } = setup();
    sheet.put(0, 6, [['Hitungan']]); // G1
    sheet.put(1, 6, [[12]]);
    sheet.put(2, 7, [['=G2*2']]);
    const before = snapshot(model, sheet);
    const error = await refusal(adapter.ensureDipSheet());
    expect(error.blocked?.cells).toBe('G1:H3');
    expect(snapshot(model, sheet)).toEqual(before);
    expect(sheet.get(0, 6)).toBe('Hitungan');
  });

  it('adopts a person\'s own table on the DIP sheet only when it can widen it: not even the table name changes', async () => {
    const { adapter, model, sheet } = setup('Table1');
    sheet.put(1, 4, [['catatan']]);
    const before = snapshot(model, sheet);
    const error = await refusal(adapter.ensureDipSheet());
    expect(error.code).toBe('columns_blocked');
    expect(error.blocked?.cells).toBe('E2');
    expect(snapshot(model, sheet)).toEqual(before);
    expect(model.tables.map((t) => t.name)).toEqual(['Table1']);
  });

  it('refuses a write over a narrow table with a neighbour, writing no row', async () => {
    const { adapter, model, sheet } = setup('TabelDIP', [DIP_HEADERS.slice(0, 10), ['', 'Berkala', 'Renstra', 'x', 'y', 'z', 'a', 'b', 'c', 'd']]);
    sheet.put(1, 12, [['sisi']]); // M2: the write would lay DIP columns K…P over it
    const before = snapshot(model, sheet);
    const error = await refusal(adapter.writeDipRows(sampleGrid(3)));
    expect(error.code).toBe('columns_blocked');
    expect(error.blocked).toMatchObject({ cells: 'M2', first: 'K', last: 'P', columns: DIP_HEADERS.slice(10) });
    expect(snapshot(model, sheet)).toEqual(before);
  });

  it('widens when the cells the new columns cover are empty, leaving what lies beyond or below them alone', async () => {
    const { adapter, model, sheet, excel } = setup();
    const beyond = 4 + ADDED; // R: the first column past the widened table
    sheet.put(1, beyond, [['di luar tabel']]);
    sheet.put(OLD.length, 4, [['di bawah tabel']]); // E4, under the table
    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toContain('columns_added');
    expect(model.table('TabelDIP')).toMatchObject({ row: 0, col: 0, rows: 3, cols: beyond });
    expect(sheet.get(1, beyond)).toBe('di luar tabel');
    expect(sheet.get(OLD.length, 4)).toBe('di bawah tabel');
    // The sheet's values reach the new columns' cells here, so those cells are read: one sync more (4, of which
    // ensureTable's are 3, within its four).
    expect(excel.syncCount()).toBe(4);
  });

  it('costs no sync more when the sheet holds nothing right of the table: its extent comes with the table\'s read', async () => {
    const { adapter, model, excel } = setup();
    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toContain('columns_added');
    expect(model.table('TabelDIP')).toMatchObject({ cols: 4 + ADDED });
    expect(excel.syncCount()).toBe(3);
  });

  it('repairs on the next click once the person has moved the note away', async () => {
    const { adapter, model, sheet } = setup();
    sheet.put(2, 4, [['cek ulang']]);
    await refusal(adapter.ensureDipSheet());
    sheet.put(2, 4, [['']]);
    sheet.put(6, 4, [['cek ulang']]); // moved under the table, a few rows down
    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toContain('columns_added');
    expect(model.tableGrid('TabelDIP')[0]?.slice(0, 4)).toEqual(OLD[0]);
    expect(sheet.get(6, 4)).toBe('cek ulang');
  });

  it('counts a formula, a number or a space as something in the way; a cell with only a fill is not', async () => {
    for (const value of [0, ' ', '=SUM(B2:B3)'] as Cell[]) {
      const { adapter, sheet } = setup();
      sheet.put(1, 9, [[value]]);
      expect((await refusal(adapter.ensureDipSheet())).blocked?.cells).toBe('J2');
    }
    const { adapter, sheet } = setup();
    sheet.setFill({ row: 1, col: 9, rows: 1, cols: 1 }, '#FFFF00');
    expect((await adapter.ensureDipSheet()).fixes).toContain('columns_added');
  });
});

