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
});
