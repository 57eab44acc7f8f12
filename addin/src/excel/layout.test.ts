/** ensureDipSheet against office-addin-mock: creating the DIP sheet and repairing what people do to it. */
import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, DIP_COLUMNS, DIP_HEADERS, FORMAT_LABELS, columnIndex } from '../../../shared/columns.js';
import { createExcelAdapter } from './adapter.js';
import { sampleGrid } from './testing/sampleRows.js';
import { createMockExcel } from './testing/mockExcel.js';

const W = DIP_HEADERS.length;
const KAT = columnIndex('category');
const BENTUK = columnIndex('formats');

function setup(apiVersion?: string) {
  const excel = createMockExcel({ apiVersion });
  return { excel, adapter: createExcelAdapter(excel.runner), model: excel.model };
}

const header = (model: ReturnType<typeof setup>['model'], table = 'TabelDIP') => model.tableGrid(table)[0]?.map(String);

describe('ensureDipSheet: create', () => {
  it('creates the DIP sheet with the table, headers, hidden ID, frozen header, widths, lists and wrap', async () => {
    const { excel, adapter, model } = setup();
    const result = await adapter.ensureDipSheet();

    expect(result).toEqual({ status: 'created', fixes: ['sheet_created', 'table_created'], missingHeaders: [] });
    const sheet = model.sheet('DIP');
    const table = model.table('TabelDIP');
    expect(sheet).toBeDefined();
    expect(table).toMatchObject({ row: 0, col: 0, cols: W, rows: 2 });
    expect(table?.sheet).toBe(sheet);
    expect(header(model)).toEqual(DIP_HEADERS);
    expect([...(sheet?.hiddenColumns ?? [])]).toEqual([columnIndex('id')]);
    expect(sheet?.frozenRows).toBe(1);
    DIP_COLUMNS.forEach((c, i) => expect(sheet?.columnWidths.get(i)).toBeGreaterThanOrEqual(c.width * 5));

    const lists = sheet?.validations ?? [];
    expect(lists.map((v) => v.col).sort()).toEqual([KAT, BENTUK].sort());
    for (const v of lists) {
      // Bounded: the rows under the header, never a whole column.
      expect(v).toMatchObject({ row: 1, rows: 5000, cols: 1 });
      expect(v.errorAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    }
    const source = (col: number) => (lists.find((v) => v.col === col)?.rule as { list: { source: string } }).list.source.split(',');
    expect(source(KAT)).toEqual(Object.values(CATEGORY_LABELS));
    expect(source(BENTUK)).toEqual(Object.values(FORMAT_LABELS));

    const wrapped = sheet?.wrapped ?? [];
    expect(wrapped.map((r) => r.col)).toEqual(DIP_COLUMNS.flatMap((c, i) => (c.width >= 30 ? [i] : [])));
    expect(wrapped.every((r) => r.row === 1 && r.rows === 5000)).toBe(true);
    expect(excel.syncCount()).toBeLessThanOrEqual(2);
  });

  it('is idempotent: a second run changes nothing and does not stack validation rules', async () => {
    const { adapter, model } = setup();
    await adapter.ensureDipSheet();
    const again = await adapter.ensureDipSheet();
    expect(again).toEqual({ status: 'ok', fixes: [], missingHeaders: [] });
    expect(model.sheets).toHaveLength(1);
    expect(model.tables).toHaveLength(1);
    expect(model.sheet('DIP')?.validations).toHaveLength(2);
  });

  it('builds the table on an existing empty DIP sheet', async () => {
    const { adapter, model } = setup();
    model.addSheet('DIP');
    const result = await adapter.ensureDipSheet();
    expect(result.status).toBe('repaired');
    expect(result.fixes).toEqual(['table_created']);
    expect(header(model)).toEqual(DIP_HEADERS);
  });
});

describe('ensureDipSheet: repair', () => {
  it('restores renamed and blanked headers and re-applies deleted validation', async () => {
    const { excel, adapter, model } = setup();
    await adapter.ensureDipSheet();
    const sheet = model.sheet('DIP');
    sheet?.put(0, 2, [['Judulnya']]);
    sheet?.put(0, 5, [['']]);
    if (sheet) sheet.validations = [];
    if (sheet) sheet.hiddenColumns.clear();
    excel.resetStats();

    const result = await adapter.ensureDipSheet();
    expect(result).toEqual({ status: 'repaired', fixes: ['headers_restored'], missingHeaders: [] });
    expect(header(model)).toEqual(DIP_HEADERS);
    expect(sheet?.validations).toHaveLength(2);
    expect(sheet?.hiddenColumns.has(0)).toBe(true);
    expect(excel.syncCount()).toBeLessThanOrEqual(3);
  });

  it('leaves moved columns where they are and still puts the lists on Kategori and Bentuk', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    const moved = [...DIP_HEADERS];
    [moved[1], moved[2]] = [DIP_HEADERS[2] ?? '', DIP_HEADERS[1] ?? ''];
    sheet.put(0, 0, [moved, ['', 'Judul A', 'Berkala']]);
    model.addTable(sheet, { row: 0, col: 0, rows: 2, cols: W }).name = 'TabelDIP';

    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual([]);
    expect(header(model)).toEqual(moved);
    expect(sheet.validations.map((v) => v.col).sort()).toEqual([2, BENTUK]);
  });

  it('adopts a renamed table and renames a renamed sheet back', async () => {
    const { adapter, model } = setup();
    await adapter.ensureDipSheet();
    const table = model.table('TabelDIP');
    if (table) table.name = 'Table7';
    let result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual(['table_renamed']);
    expect(model.tables.map((t) => t.name)).toEqual(['TabelDIP']);

    const sheet = model.sheet('DIP');
    if (sheet) sheet.name = 'DIP lama';
    result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual(['sheet_renamed']);
    expect(model.sheets.map((s) => s.name)).toEqual(['DIP']);
  });

  it('widens a table that lost columns and names the new ones', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(0, 0, [DIP_HEADERS.slice(0, 10)]);
    model.addTable(sheet, { row: 0, col: 0, rows: 3, cols: 10 }).name = 'TabelDIP';
    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual(['columns_added', 'headers_restored']);
    expect(model.table('TabelDIP')).toMatchObject({ cols: W, rows: 3 });
    expect(header(model)).toEqual(DIP_HEADERS);
  });

  it('builds the table over a pasted DIP in another layout, keeping its headers', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(2, 1, [
      ['No.', 'Judul Informasi', 'Ringkasan Isi'],
      ['1', 'Renstra', 'Rencana strategis'],
      ['2', 'LAKIP', 'Laporan kinerja'],
    ]);
    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual(['table_created', 'columns_added']);
    // Its three columns, then the DIP columns it lacks (by meaning: "Ringkasan Isi" is the summary, so no second one).
    const added = DIP_HEADERS.filter((_, i) => i !== columnIndex('title') && i !== columnIndex('summary'));
    const table = model.table('TabelDIP');
    expect(table).toMatchObject({ row: 2, col: 1, rows: 3, cols: 3 + added.length });
    const headers = header(model) ?? [];
    expect(headers.slice(0, 3)).toEqual(['No.', 'Judul Informasi', 'Ringkasan Isi']);
    expect(headers.slice(3)).toEqual(added);
    expect(result.missingHeaders).toEqual([]);
    expect([...(sheet.hiddenColumns)]).toEqual([1 + 3]);
    const grid = await adapter.readDipSheet();
    expect(grid.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Renstra', 'Rencana strategis'],
      ['2', 'LAKIP', 'Laporan kinerja'],
    ]);
  });

  it('builds the table from the header row of an old DIP with title lines above it, leaving the title lines alone', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    const old = [
      ['DAFTAR INFORMASI PUBLIK'],
      ['PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI KOTA JAMBI'],
      [],
      ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat yang Menguasai Informasi'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['1', 'Informasi Berkala', 'Profil PPID', 'Struktur organisasi', 'Bagian Umum'],
      ['2', 'Serta Merta', 'Peringatan dini banjir', 'Peta rawan banjir', 'BPBD'],
    ];
    sheet.put(0, 0, old.map((line) => Array.from({ length: 5 }, (_, c) => line[c] ?? '')));
    const titles = sheet.grid({ row: 0, col: 0, rows: 3, cols: W });

    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual(['table_created', 'columns_added']);
    // From the header (row 4) to the last row, not from the title line in A1; its 5 columns and the 12 it lacks.
    expect(model.table('TabelDIP')).toMatchObject({ row: 3, col: 0, rows: 4, cols: 5 + 12 });
    expect(header(model)?.slice(0, 5)).toEqual(old[3]);
    expect(sheet.grid({ row: 0, col: 0, rows: 3, cols: W })).toEqual(titles);
    expect(sheet.frozenRows).toBe(4);
    // The lists start under the header, not under the title line.
    expect(sheet.validations.length).toBeGreaterThan(0);
    expect(sheet.validations.every((v) => v.row === 4)).toBe(true);
    const grid = await adapter.readDipSheet();
    expect(grid[0]?.slice(0, 5)).toEqual(old[3]);
    expect(grid.slice(2).map((r) => r[2])).toEqual(['Profil PPID', 'Peringatan dini banjir']);
    // Again: the table is found and left where it is, the title lines still untouched.
    await adapter.ensureDipSheet();
    expect(model.tables).toHaveLength(1);
    expect(model.table('TabelDIP')).toMatchObject({ row: 3, col: 0, rows: 4 });
    expect(sheet.grid({ row: 0, col: 0, rows: 3, cols: W })).toEqual(titles);
  });

  it('still writes our layout from the top of a sheet with title lines and no table (a write replaces it all)', async () => {
    const { adapter, model } = setup();
    model.addSheet('DIP').put(0, 0, [['DAFTAR INFORMASI PUBLIK', '', ''], ['', '', ''], ['Judul Informasi', 'Ringkasan Isi', 'Pejabat'], ['A', 'B', 'C']]);
    await adapter.writeDipRows(sampleGrid(2));
    expect(model.table('TabelDIP')).toMatchObject({ row: 0, col: 0, rows: 3 });
    expect(model.tableGrid('TabelDIP').map((r) => r.map(String))).toEqual(sampleGrid(2));
  });

  it('sizes the lists to a large table plus a margin', async () => {
    const { adapter, model } = setup();
    await adapter.writeDipRows(sampleGrid(6000));
    await adapter.ensureDipSheet();
    const lists = model.sheet('DIP')?.validations ?? [];
    expect(lists.map((v) => v.rows)).toEqual([7000, 7000]);
  });
});
