/**
 * The mock Excel must catch what real Excel would punish, or the adapter's tests prove nothing: reading a property
 * that was not loaded or synced, loading one that does not exist, a batch over the payload limit, a missing table.
 */
import { describe, expect, it } from 'vitest';
import { createMockExcel } from './testing/mockExcel.js';

describe('mock Excel', () => {
  it('enforces load and sync like office-addin-mock', async () => {
    const excel = createMockExcel();
    excel.model.addSheet('DIP').put(0, 0, [['a', 'b']]);
    await excel.runner.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(0, 0, 1, 2);
      expect(range.values).toMatch(/not loaded/);
      range.load('values');
      expect(range.values).toMatch(/sync\(\) was not called/);
      await context.sync();
      expect(range.values).toEqual([['a', 'b']]);
      expect(() => range.load('noSuchProperty')).toThrow(/needs to be present/);
    });
  });

  it('tells whether an object is the null object only after a sync, as Office.js does', async () => {
    const excel = createMockExcel();
    excel.model.addSheet('DIP').put(2, 3, [['x']]);
    await excel.runner.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('DIP');
      const missing = context.workbook.worksheets.getItemOrNullObject('Tidak ada');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex');
      expect(() => missing.isNullObject).toThrow(/before context.sync/);
      expect(() => used.isNullObject).toThrow(/before context.sync/);
      await context.sync();
      expect([sheet.isNullObject, missing.isNullObject, used.isNullObject]).toEqual([false, true, false]);
      expect([used.rowIndex, used.columnIndex]).toEqual([2, 3]);
    });
  });

  it('refuses assignments it does not model', async () => {
    const excel = createMockExcel();
    excel.model.addSheet('DIP');
    await excel.runner.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(0, 0, 1, 1);
      expect(() => {
        (range as unknown as { hyperlink: unknown }).hyperlink = {};
      }).toThrow(/not modelled/);
    });
  });

  it('fails a batch over the limit, as Excel on the web does', async () => {
    const excel = createMockExcel({ limitBytes: 10_000 });
    excel.model.addSheet('DIP');
    const write = excel.runner.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(0, 0, 1000, 1);
      range.values = Array.from({ length: 1000 }, () => ['xxxxxxxxxx']);
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('raises ItemNotFound at the sync, like Office.js', async () => {
    const excel = createMockExcel();
    await expect(
      excel.runner.run(async (context) => {
        context.workbook.tables.getItem('TabelDIP').getRange().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('counts syncs, including the one Excel.run makes for commands still queued', async () => {
    const excel = createMockExcel();
    excel.model.addSheet('DIP');
    await excel.runner.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(0, 0, 1, 1).values = [['x']];
    });
    expect(excel.syncCount()).toBe(2);
    expect(excel.model.sheet('DIP')?.get(0, 0)).toBe('x');
  });

  describe('entire rows inserted and deleted (Range.getEntireRow().insert / .delete)', () => {
    /** A sheet: a table at A1:B3, a value, fill, note and list under it, a note beside it, a second table lower. */
    function workbook() {
      const excel = createMockExcel();
      const sheet = excel.model.addSheet('DIP');
      sheet.put(0, 0, [['Judul', 'Unit'], ['a', 'b'], ['c', 'd']]);
      excel.model.addTable(sheet, { row: 0, col: 0, rows: 3, cols: 2 }).name = 'TabelDIP';
      sheet.put(1, 5, [['di samping']]);
      sheet.put(4, 1, [['Ditetapkan di Bandung']]);
      sheet.setFill({ row: 4, col: 1, rows: 1, cols: 1 }, '#FFFF00');
      sheet.notes.set('4:1', 'catatan');
      sheet.validations.push({ row: 4, col: 1, rows: 2, cols: 1, rule: {} });
      sheet.put(8, 0, [['Unit', 'Jumlah'], ['Sekretariat', 4]]);
      excel.model.addTable(sheet, { row: 8, col: 0, rows: 2, cols: 2 }).name = 'Rekap';
      return { excel, sheet, model: excel.model };
    }
    const run = (excel: ReturnType<typeof createMockExcel>, fn: (s: Excel.Worksheet) => unknown) =>
      excel.runner.run(async (context) => {
        fn(context.workbook.worksheets.getItemOrNullObject('DIP'));
        await context.sync();
      });

    it('moves everything below down with its formats, notes, lists and tables; a table right above does not grow', async () => {
      const { excel, sheet, model } = workbook();
      await run(excel, (s) => s.getRangeByIndexes(3, 0, 3, 1).getEntireRow().insert('Down'));
      expect(sheet.get(7, 1)).toBe('Ditetapkan di Bandung');
      expect(sheet.fillAt(7, 1)).toBe('#FFFF00');
      expect(sheet.notes.get('7:1')).toBe('catatan');
      expect(sheet.validations[0]).toMatchObject({ row: 7, rows: 2 });
      expect(model.table('Rekap')).toMatchObject({ row: 11, rows: 2 });
      expect(model.tableGrid('Rekap')).toEqual([['Unit', 'Jumlah'], ['Sekretariat', 4]]);
      expect(model.table('TabelDIP')).toMatchObject({ row: 0, rows: 3 });
      expect(sheet.get(1, 5)).toBe('di samping');
      expect(sheet.grid({ row: 3, col: 0, rows: 4, cols: 6 }).flat().every((v) => v === '')).toBe(true);
    });

    it('grows a table the insertion passes through, and takes deleted rows out of one', async () => {
      const { excel, model } = workbook();
      await run(excel, (s) => s.getRangeByIndexes(2, 0, 2, 1).getEntireRow().insert('Down'));
      expect(model.table('TabelDIP')).toMatchObject({ row: 0, rows: 5 });
      await run(excel, (s) => s.getRangeByIndexes(2, 0, 2, 1).getEntireRow().delete('Up'));
      expect(model.table('TabelDIP')).toMatchObject({ row: 0, rows: 3 });
      expect(model.tableGrid('TabelDIP')).toEqual([['Judul', 'Unit'], ['a', 'b'], ['c', 'd']]);
    });

    it('moves everything below up, deleting what stood in the deleted rows', async () => {
      const { excel, sheet, model } = workbook();
      await run(excel, (s) => s.getRangeByIndexes(3, 0, 2, 1).getEntireRow().delete('Up'));
      expect(sheet.get(4, 1)).toBe('');
      expect(sheet.notes.size).toBe(0);
      expect(sheet.validations[0]).toMatchObject({ row: 3, rows: 1 });
      expect(model.table('Rekap')).toMatchObject({ row: 6, rows: 2 });
      expect(sheet.usedRange()).toEqual({ row: 0, col: 0, rows: 8, cols: 6 });
    });

    it('refuses at the sync to delete a table\'s header row without its body, changing nothing', async () => {
      const { excel, sheet } = workbook();
      const before = sheet.grid({ row: 0, col: 0, rows: 10, cols: 6 });
      await expect(run(excel, (s) => s.getRangeByIndexes(0, 0, 1, 1).getEntireRow().delete('Up'))).rejects.toMatchObject({ code: 'InvalidOperation' });
      expect(sheet.grid({ row: 0, col: 0, rows: 10, cols: 6 })).toEqual(before);
    });

    it('models only entire rows, and names them as Excel does', async () => {
      const { excel } = workbook();
      await expect(run(excel, (s) => s.getRangeByIndexes(3, 0, 1, 2).insert('Down'))).rejects.toThrow(/entire rows only/);
      const address = await excel.runner.run(async (context) => {
        const range = context.workbook.worksheets.getItemOrNullObject('DIP').getRangeByIndexes(4, 2, 10, 3).getEntireRow();
        range.load('address');
        await context.sync();
        return range.address;
      });
      expect(address).toBe('DIP!5:14');
    });

    it('refuses to resize a table over another one', async () => {
      const { excel } = workbook();
      const grow = excel.runner.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject('DIP');
        context.workbook.tables.getItem('TabelDIP').resize(sheet.getRangeByIndexes(0, 0, 10, 2));
        await context.sync();
      });
      await expect(grow).rejects.toMatchObject({ code: 'InvalidArgument' });
    });

    it('gives the used range within a range, or the null object', async () => {
      const { excel } = workbook();
      const found = await excel.runner.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject('DIP');
        const beside = sheet.getRangeByIndexes(0, 2, 4, 10).getUsedRangeOrNullObject(true);
        const empty = sheet.getRangeByIndexes(5, 0, 2, 10).getUsedRangeOrNullObject(true);
        beside.load('rowIndex,columnIndex,rowCount,columnCount');
        empty.load('rowIndex');
        await context.sync();
        return { beside: [beside.rowIndex, beside.columnIndex, beside.rowCount, beside.columnCount], empty: empty.isNullObject };
      });
      expect(found).toEqual({ beside: [1, 5, 1, 1], empty: true });
    });
  });
});
