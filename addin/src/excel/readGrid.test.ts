/**
 * readSheetGrid against office-addin-mock: any sheet as text from A1, table or not, read without changing it, in
 * chunks that follow the payload; and shared/'s header detection on what it returns for an old DIP.
 */
import { describe, expect, it } from 'vitest';
import { findHeaderRow, parseDipGrid } from '../../../shared/grid.js';
import { AdapterError, createExcelAdapter } from './adapter.js';
import type { AdapterOptions } from './runner.js';
import { createMockExcel, type MockOptions } from './testing/mockExcel.js';
import { sampleGrid } from './testing/sampleRows.js';
import type { Cell } from './testing/workbookModel.js';

function setup(options: Partial<AdapterOptions> = {}, mock: MockOptions = {}) {
  const excel = createMockExcel(mock);
  return { excel, model: excel.model, adapter: createExcelAdapter(excel.runner, options) };
}

const HEADER = ['No', 'Kategori Informasi', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat yang Menguasai Informasi',
  'Penanggung Jawab', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan'];
const OLD_DIP: Cell[][] = [
  ['DAFTAR INFORMASI PUBLIK'],
  ['DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN MUARO JAMBI'],
  [],
  HEADER,
  [1, 'Berkala', 'Rencana Strategis', 'Renstra 2021-2026', 'Sekretariat', 'Sekretaris', 2021, 'Sengeti', 'Softcopy', '5 tahun'],
  [2, 'Setiap Saat', 'Daftar Aset', 'Aset tetap', 'Bidang Aset', 'Kepala Bidang Aset', 44927, 'Sengeti', 'Hardcopy', 'Permanen'],
];

describe('readSheetGrid', () => {
  it('reads an old DIP with title lines above its header as text from A1, and shared/ finds the header under them', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(0, 0, OLD_DIP);
    sheet.displayText.set('5:6', '01/01/2023');
    const grid = await adapter.readSheetGrid('DIP');
    expect(grid).toHaveLength(6);
    expect(grid!.every((line) => line.length === HEADER.length)).toBe(true);
    expect(grid![0]).toEqual(['DAFTAR INFORMASI PUBLIK', ...Array<string>(9).fill('')]);
    expect(grid![2]).toEqual(Array<string>(10).fill(''));
    expect(grid![4]!.slice(0, 7)).toEqual(['1', 'Berkala', 'Rencana Strategis', 'Renstra 2021-2026', 'Sekretariat', 'Sekretaris', '2021']);
    expect(grid![5]![6]).toBe('01/01/2023');

    expect(findHeaderRow(grid!)).toBe(3);
    const parsed = parseDipGrid(grid!);
    expect(parsed.sourceRows).toEqual([4, 5]);
    expect(parsed.rows.map((r) => [r.category, r.title, r.createdWhen])).toEqual([
      ['berkala', 'Rencana Strategis', '2021'],
      ['setiap_saat', 'Daftar Aset', '1 Januari 2023'],
    ]);
    expect(parsed.issues).toEqual([]);
  });

  it('changes nothing: no table is built, no header written, the sheet stays as it was', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(0, 0, OLD_DIP);
    const before = structuredClone(sheet.values);
    await adapter.readSheetGrid('DIP');
    expect(model.tables).toEqual([]);
    expect(sheet.values).toEqual(before);
    expect(sheet.validations).toEqual([]);
    expect(sheet.frozenRows).toBe(0);
  });

  it('keeps sheet positions when the data starts below and right of A1, and reads a sheet holding a table too', async () => {
    const { adapter, model } = setup();
    model.addSheet('Lama').put(4, 2, [['Judul Informasi', 'Ringkasan', 'Pejabat'], ['A', 'B', 'C']]);
    const grid = await adapter.readSheetGrid('Lama');
    expect(grid).toHaveLength(6);
    expect(grid![4]).toEqual(['', '', 'Judul Informasi', 'Ringkasan', 'Pejabat']);
    expect(grid![5]![2]).toBe('A');

    const rows = sampleGrid(3);
    await adapter.writeDipRows(rows);
    expect(await adapter.readSheetGrid('DIP')).toEqual(rows);
  });

  it('says null for a sheet that is not there and [] for an empty one, matching the name as Excel does', async () => {
    const { adapter, model } = setup();
    expect(await adapter.readSheetGrid('DIP')).toBeNull();
    model.addSheet('DIP');
    expect(await adapter.readSheetGrid('dip')).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual(['DIP']);
  });

  it('reads in chunks that follow the payload, reports progress, and can be cancelled between chunks', async () => {
    const { excel, adapter, model } = setup({ readChunkRows: 100, maxRequestBytes: 50_000 });
    model.addSheet('DIP').put(0, 0, sampleGrid(1000));
    excel.resetStats();
    const seen: number[] = [];
    const grid = await adapter.readSheetGrid('DIP', (done) => seen.push(done));
    expect(grid).toEqual(sampleGrid(1000));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1001);
    // Two syncs find the sheet and its used range; the first chunk is a guess (readChunkRows), the rest aim under the budget.
    const chunks = excel.batches.slice(3);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((b) => b.response))).toBeLessThanOrEqual(50_000);

    const abort = new AbortController();
    const error = await adapter
      .readSheetGrid('DIP', (done) => (done >= 300 ? abort.abort() : undefined), abort.signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('cancelled');
  });

  it('halves a chunk that Excel refuses as too large and still reads everything', async () => {
    const { excel, adapter, model } = setup({ readChunkRows: 5000, maxRequestBytes: 4 * 1024 * 1024 }, { limitBytes: 400_000 });
    model.addSheet('DIP').put(0, 0, sampleGrid(2000));
    excel.resetStats();
    expect(await adapter.readSheetGrid('DIP')).toEqual(sampleGrid(2000));
    expect(excel.maxResponse()).toBeGreaterThan(400_000); // the refused one
  });
});

describe('listSheets', () => {
  it('gives every sheet name in tab order and the active sheet, in one sync, changing nothing', async () => {
    const { excel, adapter, model } = setup();
    model.addSheet('Lembar1');
    model.addSheet('DIP lama 2023').put(0, 0, OLD_DIP);
    model.addSheet('Laporan');
    excel.resetStats();
    // Nothing selected yet: Excel still has an active sheet, the first.
    expect(await adapter.listSheets()).toEqual({ names: ['Lembar1', 'DIP lama 2023', 'Laporan'], active: 'Lembar1' });
    expect(excel.syncCount()).toBe(1);
    model.select('DIP lama 2023', { row: 4, col: 0, rows: 1, cols: 1 });
    expect((await adapter.listSheets()).active).toBe('DIP lama 2023');
    expect(model.sheets.map((s) => s.name)).toEqual(['Lembar1', 'DIP lama 2023', 'Laporan']);
    expect(model.tables).toEqual([]);
  });
});
