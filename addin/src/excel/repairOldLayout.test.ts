/**
 * "Buat / perbaiki lembar DIP" on an old DIP kept in another layout ("No.", "Jenis Informasi", "Ringkasan Isi"…),
 * clicked more than once, against the mock Excel. The repair used to rename headers by position on the second click:
 * "No." became "ID" and the old row numbers were then read (and pushed) as row ids.
 */
import { describe, expect, it } from 'vitest';
import { columnIndex } from '../../../shared/columns.js';
import { parseDipGrid, toDipGrid } from '../../../shared/grid.js';
import { createExcelAdapter, type AdapterError } from './adapter.js';
import { createMockExcel } from './testing/mockExcel.js';
import type { WorkbookModel } from './testing/workbookModel.js';

const OLD_DIP = [
  ['DAFTAR INFORMASI PUBLIK'],
  ['PPID KOTA JAMBI'],
  [],
  ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat yang Menguasai Informasi', 'Waktu dan Tempat Pembuatan'],
  ['1', 'Berkala', 'Profil PPID', 'Struktur organisasi', 'Bagian Umum', '2023, Jambi'],
  ['2', 'Serta Merta', 'Peringatan dini banjir', 'Peta rawan banjir', 'BPBD', '2024, Jambi'],
];
const HEADER = OLD_DIP[3] ?? [];
const UUIDS = ['0b9e4a52-8f0e-4c5c-9a57-3f1f4f0d6a11', '5d1f3c2e-7a4b-4e8f-b1c6-2a9d8e7f6b22'];

function setup(grid: readonly (readonly string[])[] = OLD_DIP) {
  const excel = createMockExcel();
  const sheet = excel.model.addSheet('DIP');
  const width = Math.max(...grid.map((line) => line.length));
  sheet.put(0, 0, grid.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? '')));
  return { excel, sheet, model: excel.model, adapter: createExcelAdapter(excel.runner) };
}

/** Everything the repair may touch, for comparing one click with the next. */
function snapshot(model: WorkbookModel) {
  const sheet = model.sheet('DIP');
  const table = model.table('TabelDIP');
  const used = sheet?.usedRange();
  return {
    table: table && { row: table.row, col: table.col, rows: table.rows, cols: table.cols },
    cells: sheet && used ? sheet.grid(used) : [],
    hidden: [...(sheet?.hiddenColumns ?? [])].sort(),
    validations: sheet?.validations.map((v) => ({ row: v.row, col: v.col, rows: v.rows, cols: v.cols })),
    frozen: sheet?.frozenRows,
  };
}

const headerOf = (model: WorkbookModel) => model.tableGrid('TabelDIP')[0]?.map(String) ?? [];

describe('ensureDipSheet over an old DIP layout', () => {
  it('keeps "No." and the other headers as they are, on every click, and adds a hidden, empty ID column', async () => {
    const { adapter, model, sheet } = setup();
    const first = await adapter.ensureDipSheet();
    expect(first.status).toBe('repaired');
    expect(first.missingHeaders).toEqual([]);
    const once = snapshot(model);
    const headers = headerOf(model);
    expect(headers.slice(0, HEADER.length)).toEqual(HEADER);
    // The combined time-and-place column stands for both: neither is added beside it.
    expect(headers.slice(HEADER.length)).toEqual([
      'ID',
      'Penanggung Jawab Pembuatan/Penerbitan',
      'Bentuk Informasi',
      'Jangka Waktu Penyimpanan / Retensi',
      'Tautan / Jenis Media',
      'Dasar Hukum Pengecualian',
      'Konsekuensi',
      'Pertimbangan Kepentingan Publik',
      'Jangka Waktu Pengecualian',
      'Catatan',
    ]);
    const idColumn = headers.indexOf('ID');
    expect(once.hidden).toEqual([idColumn]);
    expect(sheet.grid({ row: 4, col: idColumn, rows: 2, cols: 1 })).toEqual([[''], ['']]);

    for (let click = 2; click <= 4; click++) {
      const again = await adapter.ensureDipSheet();
      expect(again).toEqual({ status: 'ok', fixes: [], missingHeaders: [] });
      expect(snapshot(model)).toEqual(once);
    }
  });

  it('reads as parseDipGrid reads the old layout: row numbers are never ids, Jenis Informasi is the Kategori', async () => {
    const { adapter } = setup();
    await adapter.ensureDipSheet();
    await adapter.ensureDipSheet();
    const parsed = parseDipGrid(await adapter.readDipSheet());
    expect(parsed.rows.map((r) => r.id ?? null)).toEqual([null, null]);
    expect(parsed.rows.map((r) => r.category)).toEqual(['berkala', 'serta_merta']);
    expect(parsed.rows.map((r) => r.title)).toEqual(['Profil PPID', 'Peringatan dini banjir']);
    expect(parsed.issues.filter((i) => i.code === 'invalid_id')).toEqual([]);
    // "No." is a row number: skipped quietly, as when the old DIP is read directly.
    expect(parsed.issues.filter((i) => i.code === 'unknown_column')).toEqual([]);
    const direct = parseDipGrid(OLD_DIP);
    expect(parsed.rows.map((r) => r.summary)).toEqual(direct.rows.map((r) => r.summary));
  });

  it('after a push, the ids go into the added ID column and "No." keeps the row numbers', async () => {
    const { adapter, model, sheet } = setup();
    await adapter.ensureDipSheet();
    await adapter.writeIdColumn(UUIDS);
    await adapter.ensureDipSheet();
    const headers = headerOf(model);
    expect(sheet.grid({ row: 4, col: headers.indexOf('No.'), rows: 2, cols: 1 })).toEqual([['1'], ['2']]);
    expect(sheet.grid({ row: 4, col: headers.indexOf('ID'), rows: 2, cols: 1 })).toEqual(UUIDS.map((id) => [id]));
    const parsed = parseDipGrid(await adapter.readDipSheet());
    expect(parsed.rows.map((r) => r.id)).toEqual(UUIDS);
  });

  it('gives no DIP header to an unnamed column of the old DIP: what it holds is not known', async () => {
    const { adapter, model } = setup([
      ['No.', '', 'Judul Informasi', 'Ringkasan Isi'],
      ['1', 'x-17', 'Renstra', 'Rencana strategis'],
    ]);
    await adapter.ensureDipSheet();
    const once = snapshot(model);
    const headers = headerOf(model);
    // Excel's own name for a blank table header, not "Kategori" or "ID" by position.
    expect(headers.slice(0, 4)).toEqual(['No.', 'Column2', 'Judul Informasi', 'Ringkasan Isi']);
    expect(headers.slice(4, 6)).toEqual(['ID', 'Kategori']);
    await adapter.ensureDipSheet();
    expect(snapshot(model)).toEqual(once);
  });

  // A closing block as an SK's DIP annex ends: in the list's own columns, under a blank line.
  const SIGNATURE = [
    [],
    ['', '', '', '', 'Ditetapkan di Jambi'],
    ['', '', '', '', 'pada tanggal 2 Januari 2025'],
    ['', '', '', '', 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA'],
    [],
    ['', '', '', '', 'ttd'],
    ['', '', '', '', 'NIP. 19700101 199003 1 001'],
  ];

  it.each([
    ['a short old DIP', OLD_DIP],
    ['a long one (its last lines read apart from the top)', [
      ...OLD_DIP,
      ...Array.from({ length: 150 }, (_, i) => [String(i + 3), 'Berkala', `Laporan ${i + 3}`, 'Ringkasan', 'Bagian Umum', '2024, Jambi']),
    ]],
  ])('leaves the signature block under %s out of the table, where it was, on every click', async (_name, dip) => {
    const { adapter, model, sheet } = setup([...dip, ...SIGNATURE]);
    expect((await adapter.ensureDipSheet()).fixes).toContain('closing_block_left_out');
    const table = model.table('TabelDIP')!;
    // Header row and the list's rows, nothing under them.
    expect(table.row + table.rows).toBe(dip.length);
    const signature = sheet.grid({ row: dip.length, col: 0, rows: SIGNATURE.length, cols: 5 });
    expect(signature).toEqual(SIGNATURE.map((line) => Array.from({ length: 5 }, (_, c) => line[c] ?? '')));
    const parsed = parseDipGrid(await adapter.readDipSheet());
    expect(parsed.rows).toHaveLength(dip.length - 4);
    expect(parsed.issues.filter((i) => i.code === 'closing_block_skipped' || i.severity === 'error')).toEqual([]);
    const once = snapshot(model);
    await adapter.ensureDipSheet();
    expect(snapshot(model)).toEqual(once);
  });

  it('never ends the table inside the lines it did not read, whatever blank lines lie around them', async () => {
    const blank = (n: number) => Array.from({ length: n }, () => [] as string[]);
    const rows = Array.from({ length: 150 }, (_, i) => [String(i + 3), 'Berkala', `Laporan ${i + 3}`, 'Ringkasan', 'Bagian Umum', '2024, Jambi']);
    // Blank lines close under the header (read with the top) and right above the block (all the last lines read).
    const { adapter } = setup([...OLD_DIP, ...blank(4), ...rows, ...blank(70), ...SIGNATURE]);
    expect((await adapter.ensureDipSheet()).fixes).toContain('closing_block_left_out');
    expect(parseDipGrid(await adapter.readDipSheet()).rows).toHaveLength(152);
  });

  it('puts the Kategori list and the marks on the column the Kategori is read from', async () => {
    const { adapter, model, sheet } = setup();
    await adapter.ensureDipSheet();
    const category = HEADER.indexOf('Jenis Informasi');
    expect(sheet.validations.map((v) => v.col)).toContain(category);
    await adapter.markIssues([{ rowIndex: 1, columnIndex: 1, severity: 'warning', message: 'Kategori?' }]);
    expect(sheet.fillAt(5, category)).toBeDefined();
    expect(headerOf(model)).not.toContain('Kategori');
  });
});

describe('acting on a repaired old layout: columns found by what their header means', () => {
  const SEPARATE = [
    ['No.', 'Jenis Informasi', 'Judul', 'Ringkasan Isi', 'Pejabat yang Menguasai Informasi', 'Tahun Pembuatan', 'Tempat'],
    ['1', 'Berkala', 'Profil PPID', 'Struktur organisasi', 'Bagian Umum', '2023', 'Jambi'],
    ['2', 'Berkala', 'LAKIP', 'Laporan kinerja', 'Bagian Umum', '2024', 'Jambi'],
  ];

  it('classifies rows in the "Jenis Informasi" column (three syncs: the lookup by our header fails, the header row, the write)', async () => {
    const { adapter, excel, sheet } = setup(SEPARATE);
    await adapter.ensureDipSheet();
    excel.resetStats();
    await adapter.setCategoryForRows([1], 'Dikecualikan');
    expect(excel.syncCount()).toBe(3);
    expect(sheet.grid({ row: 1, col: 1, rows: 2, cols: 1 })).toEqual([['Berkala'], ['Dikecualikan']]);
    expect(sheet.grid({ row: 1, col: 0, rows: 2, cols: 1 })).toEqual([['1'], ['2']]);
  });

  it('selects the cell a value is read from', async () => {
    const { adapter, model } = setup(SEPARATE);
    await adapter.ensureDipSheet();
    await adapter.selectCell(1, columnIndex('summary'));
    expect(model.selection).toBe('DIP!D3');
  });

  it('writes one row into the columns it is read from, leaving "No." alone', async () => {
    const { adapter, sheet } = setup(SEPARATE);
    await adapter.ensureDipSheet();
    const before = parseDipGrid(await adapter.readDipSheet());
    const row = { ...before.rows[0]!, title: 'Profil PPID 2025', notes: 'Diperbarui' };
    await adapter.writeDipRow(0, toDipGrid([row])[1] ?? []);
    const after = parseDipGrid(await adapter.readDipSheet());
    expect(after.rows[0]).toMatchObject({ title: 'Profil PPID 2025', notes: 'Diperbarui', createdWhen: '2023', createdWhere: 'Jambi' });
    expect(after.rows[1]).toEqual(before.rows[1]);
    expect(sheet.get(1, 0)).toBe('1');
  });

  it('refuses to write a row over a combined "Waktu dan Tempat Pembuatan" cell', async () => {
    const { adapter, sheet } = setup();
    await adapter.ensureDipSheet();
    const row = parseDipGrid(await adapter.readDipSheet()).rows[0]!;
    const error = await adapter.writeDipRow(0, toDipGrid([row])[1] ?? []).catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
    expect(sheet.get(4, 5)).toBe('2023, Jambi');
  });
});
