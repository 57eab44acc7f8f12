/** Selecting a cell, reading the selected rows and classifying them in bulk, against office-addin-mock. */
import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS, DIP_HEADERS, columnIndex } from '../../../shared/columns.js';
import { createExcelAdapter, type AdapterError } from './adapter.js';
import { selectedRows, toRuns } from './selection.js';
import { sampleGrid } from './testing/sampleRows.js';
import { createMockExcel } from './testing/mockExcel.js';

const KAT = columnIndex('category');

async function setup(rows = 20) {
  const excel = createMockExcel();
  const adapter = createExcelAdapter(excel.runner);
  await adapter.writeDipRows(sampleGrid(rows));
  excel.resetStats();
  return { excel, adapter, model: excel.model };
}

describe('selection helpers', () => {
  it('turns indexes into runs', () => {
    expect(toRuns([5, 1, 2, 3, 3, 9, -1, 1.5])).toEqual([
      { start: 1, count: 3 },
      { start: 5, count: 1 },
      { start: 9, count: 1 },
    ]);
  });

  it('maps a selection to data rows, clipped to the body', () => {
    // Header at sheet row 0, 10 data rows at sheet rows 1..10.
    expect(selectedRows('DIP!A1:C3, DIP!B9:B20', 'DIP', 1, 10)).toEqual([0, 1, 7, 8, 9]);
    expect(selectedRows('Lain!A2:A4', 'DIP', 1, 10)).toEqual([]);
    expect(selectedRows('DIP!C:C', 'DIP', 1, 3)).toEqual([0, 1, 2]);
  });
});

describe('selectCell', () => {
  it('activates the DIP sheet and selects the cell in one sync', async () => {
    const { excel, adapter, model } = await setup();
    model.activeSheet = 'Lain';
    await adapter.selectCell(4, columnIndex('summary'));
    expect(model.selection).toBe('DIP!D6');
    expect(model.activeSheet).toBe('DIP');
    expect(excel.syncCount()).toBe(1);
  });

  it('sends the hidden ID column to the title instead', async () => {
    const { adapter, model } = await setup();
    await adapter.selectCell(0, columnIndex('id'));
    expect(model.selection).toBe('DIP!C2');
  });

  it('says the sheet is missing when there is no DIP table', async () => {
    const excel = createMockExcel();
    const error = await createExcelAdapter(excel.runner).selectCell(0, 1).catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
  });
});

describe('getSelectedRowIndexes', () => {
  it('reads a multi-area selection in one sync', async () => {
    const { excel, adapter, model } = await setup();
    model.selection = 'DIP!A1:P3, DIP!B7, DIP!5:5';
    expect(await adapter.getSelectedRowIndexes()).toEqual([0, 1, 3, 5]);
    expect(excel.syncCount()).toBe(1);
  });

  it('returns nothing for a selection on another sheet', async () => {
    const { adapter, model } = await setup();
    model.selection = 'Lain!A2:A4';
    expect(await adapter.getSelectedRowIndexes()).toEqual([]);
  });
});

describe('setCategoryForRows', () => {
  it('writes the label into exactly those rows, in one sync whatever their number', async () => {
    for (const rows of [[2], Array.from({ length: 5000 }, (_, i) => i)]) {
      const { excel, adapter, model } = await setup(5000);
      await adapter.setCategoryForRows(rows, CATEGORY_LABELS.dikecualikan);
      expect(excel.syncCount()).toBe(1);
      const body = model.tableGrid('TabelDIP').slice(1);
      const chosen = new Set(rows);
      body.forEach((row, i) => {
        if (chosen.has(i)) expect(row[KAT]).toBe('Dikecualikan');
        else expect(row[KAT]).toBe(sampleGrid(5000)[i + 1]?.[KAT]);
      });
    }
  });

  it('handles scattered rows in one sync and finds a moved Kategori column', async () => {
    const { excel, adapter, model } = await setup(600);
    const headers = [...DIP_HEADERS];
    [headers[KAT], headers[2]] = [DIP_HEADERS[2] ?? '', DIP_HEADERS[KAT] ?? ''];
    model.sheet('DIP')?.put(0, 0, [headers]);
    const scattered = Array.from({ length: 300 }, (_, i) => i * 2);
    await adapter.setCategoryForRows(scattered, 'Berkala');
    expect(excel.syncCount()).toBe(1);
    const body = model.tableGrid('TabelDIP').slice(1);
    expect(scattered.every((i) => body[i]?.[2] === 'Berkala')).toBe(true);
    expect(body[1]?.[2]).toBe(sampleGrid(600)[2]?.[2]);
  });

  it('does nothing for no rows', async () => {
    const { excel, adapter } = await setup(3);
    await adapter.setCategoryForRows([], 'Berkala');
    expect(excel.syncCount()).toBe(0);
  });
});
