/**
 * A write replacing an old DIP on the DIP sheet (Impor DIP lama read from "DIP" itself): the old DIP's cells are
 * replaced and nothing more — a signature block under its last row and cells right of its columns stay. Against
 * the mock Excel, through the adapter.
 */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS } from '../../../shared/columns.js';
import { createExcelAdapter } from './adapter.js';
import { createMockExcel } from './testing/mockExcel.js';
import { sampleGrid } from './testing/sampleRows.js';
import type { Cell, SheetModel } from './testing/workbookModel.js';

const W = DIP_HEADERS.length;
/** Title lines, a blank one, a header of ten columns, five rows: A1:J9. */
const OLD: Cell[][] = [
  ['DAFTAR INFORMASI PUBLIK'],
  ['DINAS KOMINFO'],
  [],
  ['No.', 'Kategori', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat', 'Penanggung Jawab', 'Waktu', 'Tempat', 'Bentuk', 'Retensi'],
  ...Array.from({ length: 5 }, (_, i): Cell[] => [i + 1, 'Berkala', `Judul ${i + 1}`, 'Ringkasan', 'Unit', 'Kepala', '2023', 'Jambi', 'Softcopy', '5 tahun']),
];
const TAKEN = { row: 0, col: 0, rows: OLD.length, cols: 10 };
const BLOCK: Cell[][] = [[...Array<Cell>(11).fill(''), 'Ditetapkan di Jambi'], [], [...Array<Cell>(11).fill(''), 'NIP 1234']];

function setup() {
  const excel = createMockExcel();
  return { excel, model: excel.model, adapter: createExcelAdapter(excel.runner) };
}

/** Every value outside the rows and columns given, as [row, col, value]. */
const valuesOutside = (sheet: SheetModel, rows: number, cols = W) =>
  sheet.values.flatMap((line, r) => line.flatMap((v, c) => (v !== '' && v !== undefined && (r >= rows || c >= cols) ? [[r, c, v]] : [])));

describe('writeDipRows replacing an old DIP', () => {
  it('with no table: the table takes the old DIP\'s rows only, and the block under it moves up whole', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(0, 0, OLD);
    sheet.put(OLD.length + 1, 0, BLOCK);
    await adapter.writeDipRows(sampleGrid(2), undefined, undefined, TAKEN);
    expect(model.tableGrid('TabelDIP')).toEqual(sampleGrid(2));
    // The six rows the table no longer needs are deleted whole: the block comes up, its blank line above it kept.
    expect(valuesOutside(sheet, 3)).toEqual([[4, 11, 'Ditetapkan di Jambi'], [6, 11, 'NIP 1234']]);
  });

  it('with no table and a note right of the old DIP, past our columns: the note is not taken into the table, and its row is not deleted', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(0, 0, OLD);
    sheet.put(OLD.length + 1, 0, BLOCK);
    sheet.put(6, W + 2, [['cek']]);
    await adapter.writeDipRows(sampleGrid(2), undefined, undefined, TAKEN);
    expect(model.tableGrid('TabelDIP')).toEqual(sampleGrid(2));
    // The spare rows are cleared, not deleted (that would delete the note): everything around stays where it was.
    expect(valuesOutside(sheet, 3)).toEqual([[6, W + 2, 'cek'], [10, 11, 'Ditetapkan di Jambi'], [12, 11, 'NIP 1234']]);
  });

  it('over the add-in\'s table: the old rows the insertion moved down are cleared where they went, the block is not', async () => {
    const { adapter, model } = setup();
    await adapter.ensureDipSheet();
    const sheet = model.sheet('DIP')!;
    sheet.put(0, 0, OLD);
    sheet.put(OLD.length + 1, 0, BLOCK);
    await adapter.writeDipRows(sampleGrid(4), undefined, undefined, TAKEN);
    expect(model.tableGrid('TabelDIP')).toEqual(sampleGrid(4));
    // Three rows inserted under the one-row table: the block went from row 11 to 14.
    expect(valuesOutside(sheet, 5)).toEqual([[13, 11, 'Ditetapkan di Jambi'], [15, 11, 'NIP 1234']]);
  });

  it('over a table made at the old header: the title lines above it go, and cells right of the old columns stay', async () => {
    const { adapter, model } = setup();
    const sheet = model.addSheet('DIP');
    sheet.put(0, 0, OLD);
    await adapter.ensureDipSheet(); // "Buat / perbaiki" first: a table from the header down, the title lines above it
    sheet.put(0, W + 1, [['Revisi 2']]);
    await adapter.writeDipRows(sampleGrid(2), undefined, undefined, { ...TAKEN, cols: W });
    const t = model.table('TabelDIP')!;
    expect(t.row).toBe(3);
    expect(sheet.grid({ row: 0, col: 0, rows: 3, cols: W })).toEqual(Array.from({ length: 3 }, () => Array<Cell>(W).fill('')));
    expect(sheet.get(0, W + 1)).toBe('Revisi 2');
    // The adopted table keeps the person's "No." column (blanked by the write) right of ours.
    expect(model.tableGrid('TabelDIP').map((r) => r.slice(0, W))).toEqual(sampleGrid(2));
  });

  it('cancelled, leaves what of the old DIP lies outside the table where it is', async () => {
    const { adapter, model } = setup();
    await adapter.ensureDipSheet();
    const sheet = model.sheet('DIP')!;
    sheet.put(0, 0, OLD);
    sheet.put(OLD.length + 1, 0, BLOCK);
    const controller = new AbortController();
    controller.abort();
    await expect(adapter.writeDipRows(sampleGrid(4), undefined, controller.signal, TAKEN)).rejects.toMatchObject({ code: 'cancelled' });
    // Nothing written; the old rows under the table and the block as they were (below the rows made for the write).
    expect(valuesOutside(sheet, 5).some(([, , v]) => v === 'Judul 5')).toBe(true);
    expect(valuesOutside(sheet, 5).filter(([, , v]) => typeof v === 'string' && /Ditetapkan|NIP/.test(v))).toHaveLength(2);
  });
});
