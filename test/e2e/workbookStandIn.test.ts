/**
 * The in-page workbook stand-in, run here in Node (it needs only `window`) under the real Excel adapter: the calls
 * Impor DIP lama makes (listSheets: worksheets.load('items/name'), getActiveWorksheet; readSheetGrid) and the
 * repair of an old DIP layout work on it as on the mock Excel, with Office.js's load/sync rules, and nothing the
 * adapter calls is missing from it. The Chromium test (taskpane.e2e.test.ts) then drives the same stand-in.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createExcelAdapter, type SheetAdapter } from '../../addin/src/excel/adapter.js';
import type { AdapterError, ExcelRunner } from '../../addin/src/excel/runner.js';
import { sampleGrid } from '../../addin/src/excel/testing/sampleRows.js';
import { createBatch } from './officeObjects.js';
import { installWorkbookStandIn, type WorkbookHandle } from './workbookStandIn.js';

type ExcelLike = { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
const page = globalThis as unknown as { window: unknown; Excel: ExcelLike; __dipWorkbook: WorkbookHandle };

const OLD_DIP = [
  ['DAFTAR INFORMASI PUBLIK'],
  [],
  ['No.', 'Jenis Informasi', 'Judul Informasi', 'Ringkasan Isi'],
  ['1', 'Berkala', 'Renstra', 'Rencana strategis'],
  ['2', 'Serta Merta', 'LAKIP', 'Laporan kinerja'],
];

let workbook: WorkbookHandle;
let adapter: SheetAdapter;

beforeEach(() => {
  page.window = globalThis;
  installWorkbookStandIn(createBatch);
  workbook = page.__dipWorkbook;
  const runner: ExcelRunner = { run: (batch) => page.Excel.run(batch), supports: () => true };
  adapter = createExcelAdapter(runner);
});

describe('workbook stand-in: the sheets of the workbook', () => {
  it('lists the sheets in tab order and the active one', async () => {
    await adapter.ensureDipSheet();
    workbook.putSheet('DIP lama', OLD_DIP);
    workbook.putSheet('Rekap', [['x']]);
    expect(await adapter.listSheets()).toEqual({ names: ['DIP', 'DIP lama', 'Rekap'], active: 'DIP' });
    workbook.activateSheet('DIP lama');
    expect(await adapter.listSheets()).toEqual({ names: ['DIP', 'DIP lama', 'Rekap'], active: 'DIP lama' });
    // Selecting a cell of the DIP table brings its sheet to the front, as in Excel.
    await adapter.selectCell(0, 2);
    expect(workbook.activeSheet()).toBe('DIP');
    expect(workbook.misses).toEqual([]);
  });

  it('gives the items and the active sheet\'s name only after a sync, as Office.js does', async () => {
    workbook.putSheet('Lembar1', [['a']]);
    const early = await page.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      const tooSoon = [() => sheets.items, () => active.name].map((read) => {
        try {
          read();
          return 'read';
        } catch {
          return 'refused';
        }
      });
      await context.sync();
      return { tooSoon, names: sheets.items.map((s) => s.name), active: active.name };
    });
    expect(early).toEqual({ tooSoon: ['refused', 'refused'], names: ['Lembar1'], active: 'Lembar1' });
    // Both refusals were Office.js rules the stand-in enforces, not calls it lacks.
    expect(workbook.misses.every((m) => m.includes('PropertyNotLoaded'))).toBe(true);
  });

  it('refuses getActiveWorksheet on a workbook with no sheet at the sync (Excel itself always has one)', async () => {
    const error = await adapter.listSheets().catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ItemNotFound');
  });

  it('reads another sheet as it stands for the importer', async () => {
    workbook.putSheet('DIP lama', OLD_DIP);
    const grid = await adapter.readSheetGrid('DIP lama');
    expect(grid?.[2]).toEqual(OLD_DIP[2]);
    expect(grid?.[4]?.slice(0, 3)).toEqual(['2', 'Serta Merta', 'LAKIP']);
    expect(await adapter.readSheetGrid('Tidak ada')).toBeNull();
    expect(workbook.misses).toEqual([]);
  });
});

describe('workbook stand-in: Buat / perbaiki lembar DIP over an old DIP', () => {
  it('keeps "No." on every click, adds the ID column, and classifies in "Jenis Informasi"', async () => {
    workbook.putSheet('DIP', OLD_DIP);
    await adapter.ensureDipSheet();
    const once = workbook.tableGrid();
    expect(await adapter.ensureDipSheet()).toEqual({ status: 'ok', fixes: [], missingHeaders: [] });
    expect(workbook.tableGrid()).toEqual(once);
    const header = once[0] ?? [];
    expect(header.slice(0, 4)).toEqual(OLD_DIP[2]);
    expect(header).toContain('ID');

    await adapter.setCategoryForRows([1], 'Dikecualikan');
    await adapter.writeIdColumn(['0b9e4a52-8f0e-4c5c-9a57-3f1f4f0d6a11', null]);
    const grid = workbook.tableGrid();
    expect(grid.map((r) => r[0])).toEqual(['No.', '1', '2']);
    expect(grid.map((r) => r[1])).toEqual(['Jenis Informasi', 'Berkala', 'Dikecualikan']);
    expect(grid[1]?.[header.indexOf('ID')]).toBe('0b9e4a52-8f0e-4c5c-9a57-3f1f4f0d6a11');
    expect(workbook.misses).toEqual([]);
  });
});

describe('workbook stand-in: a table that lacks DIP columns, with a person\'s cells right of it', () => {
  /** The old DIP's header and rows as a table of their own (as a person made it), not yet named TabelDIP. */
  const personsTable = () =>
    page.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('DIP');
      sheet.tables.add(sheet.getRangeByIndexes(2, 0, 3, 4), true);
      await context.sync();
    });
  const cellsOf = () =>
    page.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(0, 0, 6, 20);
      range.load('values');
      await context.sync();
      return range.values;
    });

  it('refuses to widen over them and changes nothing; widens once they are moved', async () => {
    workbook.putSheet('DIP', [...OLD_DIP.slice(0, 3), [...(OLD_DIP[3] ?? []), '', 'cek ulang'], ...OLD_DIP.slice(4)]);
    await personsTable();
    const before = await cellsOf();
    const error = (await adapter.ensureDipSheet().catch((e: unknown) => e)) as AdapterError;
    expect(error.code).toBe('columns_blocked');
    expect(error.blocked).toMatchObject({ sheet: 'DIP', cells: 'F4', first: 'E' });
    expect(await cellsOf()).toEqual(before);

    await page.Excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(3, 5, 1, 1).values = [['']];
      await context.sync();
    });
    const result = await adapter.ensureDipSheet();
    expect(result.fixes).toEqual(['table_renamed', 'columns_added', 'headers_restored']);
    expect(workbook.tableGrid()[0]?.slice(0, 5)).toEqual([...(OLD_DIP[2] ?? []), 'ID']);
    expect(workbook.misses).toEqual([]);
  });
});

describe('workbook stand-in: a write that changes the number of rows over a signature block', () => {
  const BLOCK = [['Ditetapkan di Bandung'], ['pada tanggal 2 Januari 2024'], ['KEPALA DINAS'], [''], ['NIP 19700101 199503 1 001']];
  const cells = (row: number, rows: number) =>
    page.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(row, 11, rows, 1);
      range.load('values');
      await context.sync();
      return range.values;
    });

  it('moves the block down with the rows inserted over it, and back up when the rows are fewer', async () => {
    await adapter.writeDipRows(sampleGrid(3));
    await page.Excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(5, 11, BLOCK.length, 1).values = BLOCK;
      await context.sync();
    });

    await adapter.writeDipRows(sampleGrid(30));
    expect(workbook.tableGrid()).toEqual(sampleGrid(30));
    expect(await cells(5 + 27, BLOCK.length)).toEqual(BLOCK);

    await adapter.writeDipRows(sampleGrid(2));
    expect(workbook.tableGrid()).toEqual(sampleGrid(2));
    expect(await cells(4, BLOCK.length)).toEqual(BLOCK);
    expect(workbook.misses).toEqual([]);
  });
});
