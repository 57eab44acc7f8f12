/**
 * The report writer over the mock Excel (office-addin-mock with a workbook model): one new sheet, values as
 * values, one native chart over the right cells, two syncs whatever the size, and a free name when taken.
 */
import { describe, expect, it } from 'vitest';
import { CHART_NAME, createReportWriter, sheetNameOf, type ReportSheetSpec } from './reportSheet.js';
import { createMockExcel } from './testing/mockExcel.js';

function spec(units = 3): ReportSheetSpec {
  const unitRows = Array.from({ length: units }, (_, i) => [`Unit ${i + 1}`, i + 1, i]);
  return {
    name: 'Laporan 2025-03',
    title: 'Laporan Bulanan Ketersediaan Informasi — Maret 2025',
    notes: ['Periode: Maret 2025', 'Dibuat: 10 Maret 2025 12.00 WIB'],
    tables: [
      {
        caption: 'Per kategori',
        headers: ['Kategori', 'Jumlah informasi', 'Bertautan'],
        rows: [
          ['Berkala', 3, 2],
          ['Serta Merta', 0, 0],
          ['Setiap Saat', 1, 0],
          ['Jumlah', 4, 2],
        ],
        widths: [20, 14, 12],
        hasTotal: true,
      },
      { caption: 'Per unit kerja', headers: ['Unit kerja', 'Jumlah informasi', 'Bertautan'], rows: unitRows, widths: [32, 14, 12] },
    ],
    chart: { table: 0, title: 'Jumlah informasi per kategori', type: 'ColumnClustered', series: 1 },
  };
}

describe('writeReportSheet', () => {
  it('writes one new sheet of values, formats the headers, and adds one chart over the kategori table without its total', async () => {
    const excel = createMockExcel();
    excel.model.addSheet('DIP').put(0, 0, [['Kategori']]);
    const result = await createReportWriter(excel.runner).writeReportSheet(spec());

    expect(excel.model.sheets.map((s) => s.name)).toEqual(['DIP', 'Laporan 2025-03']);
    const sheet = excel.model.sheet('Laporan 2025-03')!;
    expect(result).toEqual({ sheetName: 'Laporan 2025-03', tableAddresses: ['A6:C10', 'A13:C16'], chartName: CHART_NAME });
    // Title, notes, blank, caption, header, rows (numbers stay numbers; "Jumlah" text), blank, second table.
    expect(sheet.grid({ row: 0, col: 0, rows: 15, cols: 3 })).toEqual([
      ['Laporan Bulanan Ketersediaan Informasi — Maret 2025', '', ''],
      ['Periode: Maret 2025', '', ''],
      ['Dibuat: 10 Maret 2025 12.00 WIB', '', ''],
      ['', '', ''],
      ['Per kategori', '', ''],
      ['Kategori', 'Jumlah informasi', 'Bertautan'],
      ['Berkala', 3, 2],
      ['Serta Merta', 0, 0],
      ['Setiap Saat', 1, 0],
      ['Jumlah', 4, 2],
      ['', '', ''],
      ['Per unit kerja', '', ''],
      ['Unit kerja', 'Jumlah informasi', 'Bertautan'],
      ['Unit 1', 1, 0],
      ['Unit 2', 2, 1],
    ]);
    expect(typeof sheet.get(6, 1)).toBe('number');
    expect(sheet.charts).toEqual([
      {
        type: 'ColumnClustered',
        // Header row and three kategori rows, categories and one series: the total row stays out of the chart.
        source: { row: 5, col: 0, rows: 4, cols: 2 },
        seriesBy: 'Columns',
        name: CHART_NAME,
        title: 'Jumlah informasi per kategori',
        position: ['E5', 'L22'],
      },
    ]);
    expect(sheet.fillAt(5, 0)).toBe('#DDEBF7');
    expect(sheet.fillAt(12, 2)).toBe('#DDEBF7');
    expect(sheet.fillAt(6, 0)).toBeUndefined();
    expect(sheet.bold.map((r) => r.row)).toEqual([0, 4, 9, 11]);
    expect(sheet.columnWidths.get(0)).toBe(32 * 6);
    expect(excel.model.activeSheet).toBe('Laporan 2025-03');
    expect(excel.syncCount()).toBe(2);
    // The DIP sheet is untouched.
    expect(excel.model.sheet('DIP')!.grid({ row: 0, col: 0, rows: 1, cols: 2 })).toEqual([['Kategori', '']]);
  });

  it('keeps text as text: a unit called "0123" or "=SUM(A1)" is written as typed, not parsed', async () => {
    const excel = createMockExcel();
    const s = spec();
    s.tables = [{ ...s.tables[1]!, rows: [['0123', 1, 0], ['=SUM(A1)', 2, 0], ['2025-03-01', 3, 1]] }];
    s.chart = { ...s.chart, table: 0 };
    await createReportWriter(excel.runner).writeReportSheet(s);
    const sheet = excel.model.sheet('Laporan 2025-03')!;
    expect(sheet.grid({ row: 6, col: 0, rows: 3, cols: 2 })).toEqual([
      ['0123', 1],
      ['=SUM(A1)', 2],
      ['2025-03-01', 3],
    ]);
  });

  it('takes the next free name when the sheet exists, and a cleaned name Excel accepts', async () => {
    const excel = createMockExcel();
    excel.model.addSheet('Laporan 2025-03');
    excel.model.addSheet('Laporan 2025-03 (2)');
    const r = await createReportWriter(excel.runner).writeReportSheet(spec());
    expect(r.sheetName).toBe('Laporan 2025-03 (3)');
    expect(excel.model.sheet('Laporan 2025-03')!.charts).toEqual([]);
    expect(sheetNameOf('Laporan: [Maret/April] * 2025?')).toBe('Laporan Maret April 2025');
    expect(sheetNameOf('x'.repeat(40), ' (12)')).toHaveLength(31);
  });

  it('syncs twice for 500 units as for 3, and stays under the request limit', async () => {
    const excel = createMockExcel();
    await createReportWriter(excel.runner).writeReportSheet(spec(500));
    expect(excel.syncCount()).toBe(2);
    expect(excel.maxRequest()).toBeLessThan(1_000_000);
    expect(excel.model.sheet('Laporan 2025-03')!.get(512, 0)).toBe('Unit 500');
  });

  it('refuses a chart that names no table or no series, before touching the workbook', async () => {
    const excel = createMockExcel();
    const bad = { ...spec(), chart: { ...spec().chart, table: 5 } };
    await expect(createReportWriter(excel.runner).writeReportSheet(bad)).rejects.toThrow(RangeError);
    await expect(createReportWriter(excel.runner).writeReportSheet({ ...spec(), chart: { ...spec().chart, series: 3 } })).rejects.toThrow(RangeError);
    expect(excel.model.sheets).toEqual([]);
    expect(excel.syncCount()).toBe(0);
  });
});
