/** Validation marks (fill + note, or comment on older hosts) against office-addin-mock. */
import { describe, expect, it } from 'vitest';
import { DIP_HEADERS, columnIndex } from '../../../shared/columns.js';
import { createExcelAdapter, type AdapterError } from './adapter.js';
import { MARK_FILLS, MARK_PREFIX, noteText, type CellIssue } from './marks.js';
import { sampleGrid } from './testing/sampleRows.js';
import { createMockExcel } from './testing/mockExcel.js';
import type { AdapterOptions } from './runner.js';

const TITLE = columnIndex('title');
const SUMMARY = columnIndex('summary');

async function setup(rows = 20, apiVersion = '1.18', options: Partial<AdapterOptions> = {}) {
  const excel = createMockExcel({ apiVersion });
  const adapter = createExcelAdapter(excel.runner, options);
  await adapter.writeDipRows(sampleGrid(rows));
  excel.resetStats();
  const sheet = excel.model.sheet('DIP');
  if (!sheet) throw new Error('no sheet');
  return { excel, adapter, sheet };
}

const issue = (rowIndex: number, columnIndex: number, severity: CellIssue['severity'], message: string): CellIssue => ({
  rowIndex,
  columnIndex,
  severity,
  message,
});

describe('markIssues', () => {
  it('fills each cell by severity and puts the messages in a note', async () => {
    const { adapter, sheet } = await setup();
    const result = await adapter.markIssues([
      issue(0, TITLE, 'error', 'Judul wajib diisi.'),
      issue(3, SUMMARY, 'warning', 'Ringkasan terlalu pendek.'),
      issue(3, SUMMARY, 'error', 'Ringkasan wajib diisi.'),
    ]);
    expect(result).toEqual({ cells: 2, notes: 2 });
    // Sheet row = rowIndex + 1 under the header at row 0.
    expect(sheet.fillAt(1, TITLE)).toBe(MARK_FILLS.error);
    expect(sheet.fillAt(4, SUMMARY)).toBe(MARK_FILLS.error); // the worse severity wins
    expect(sheet.fills.size).toBe(2);
    expect(sheet.notes.get(`1:${TITLE}`)).toBe(`${MARK_PREFIX}\n• Judul wajib diisi.`);
    expect(sheet.notes.get(`4:${SUMMARY}`)).toBe(noteText(['Ringkasan terlalu pendek.', 'Ringkasan wajib diisi.']));
    expect(sheet.comments.size).toBe(0);
  });

  it('replaces earlier marks instead of piling them up', async () => {
    const { adapter, sheet } = await setup();
    await adapter.markIssues([issue(0, TITLE, 'error', 'lama'), issue(1, TITLE, 'warning', 'lama')]);
    await adapter.markIssues([issue(1, TITLE, 'error', 'baru')]);
    expect([...sheet.notes.entries()]).toEqual([[`2:${TITLE}`, noteText(['baru'])]]);
    expect([...sheet.fills.entries()]).toEqual([[`2:${TITLE}`, MARK_FILLS.error]]);
  });

  it('leaves a person\'s own note alone and gives that cell the fill only', async () => {
    const { adapter, sheet } = await setup();
    sheet.notes.set(`1:${TITLE}`, 'Cek ke Bidang Hukum');
    const result = await adapter.markIssues([issue(0, TITLE, 'error', 'Judul wajib diisi.'), issue(1, TITLE, 'warning', 'x')]);
    expect(result).toEqual({ cells: 2, notes: 1 });
    expect(sheet.notes.get(`1:${TITLE}`)).toBe('Cek ke Bidang Hukum');
    expect(sheet.fillAt(1, TITLE)).toBe(MARK_FILLS.error);
    await adapter.clearIssueMarks();
    expect([...sheet.notes.entries()]).toEqual([[`1:${TITLE}`, 'Cek ke Bidang Hukum']]);
  });

  it('uses comments where the host has no notes API (ExcelApi below 1.18)', async () => {
    const { adapter, sheet } = await setup(5, '1.14');
    await adapter.markIssues([issue(2, TITLE, 'warning', 'Periksa judul.')]);
    expect(sheet.notes.size).toBe(0);
    expect(sheet.comments.get(`3:${TITLE}`)).toBe(noteText(['Periksa judul.']));
    await adapter.clearIssueMarks();
    expect(sheet.comments.size).toBe(0);
    expect(sheet.fills.size).toBe(0);
  });

  it('finds the column by header when a person moved it, and skips rows outside the table', async () => {
    const { adapter, sheet } = await setup(3);
    const headers = [...DIP_HEADERS];
    [headers[TITLE], headers[SUMMARY]] = [DIP_HEADERS[SUMMARY] ?? '', DIP_HEADERS[TITLE] ?? ''];
    sheet.put(0, 0, [headers]);
    const result = await adapter.markIssues([issue(0, TITLE, 'error', 'x'), issue(3, TITLE, 'error', 'beyond'), issue(-1, TITLE, 'error', 'list')]);
    expect(result.cells).toBe(1);
    expect(sheet.fillAt(1, SUMMARY)).toBe(MARK_FILLS.error);
  });

  it('marks thousands of cells in a handful of syncs, each request under the budget', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => issue(i, TITLE, i % 2 ? 'error' : 'warning', `Masalah pada baris ${i + 1}.`));
    const count = async (n: number) => {
      const { excel, adapter } = await setup(5000, '1.18', { maxRequestBytes: 4_000_000 });
      await adapter.markIssues(many(n));
      return excel.syncCount();
    };
    expect(await count(5000)).toBe(await count(10));

    const { excel, adapter, sheet } = await setup(5000, '1.18', { maxRequestBytes: 200_000 });
    await adapter.markIssues(many(5000));
    expect(sheet.notes.size).toBe(5000);
    expect(excel.maxRequest()).toBeLessThanOrEqual(200_000);
    const payload = excel.batches.reduce((s, b) => s + b.request, 0);
    expect(excel.syncCount()).toBeLessThanOrEqual(Math.ceil(payload / (0.6 * 200_000)) + 2);
  }, 30_000);
});

describe('clearIssueMarks', () => {
  it('removes our fills and notes in two syncs', async () => {
    const { excel, adapter, sheet } = await setup();
    await adapter.markIssues([issue(0, TITLE, 'error', 'a'), issue(5, SUMMARY, 'warning', 'b')]);
    excel.resetStats();
    await adapter.clearIssueMarks();
    expect(sheet.fills.size).toBe(0);
    expect(sheet.notes.size).toBe(0);
    expect(excel.syncCount()).toBe(2);
  });

  it('says the sheet is missing when there is no DIP table', async () => {
    const excel = createMockExcel();
    const error = await createExcelAdapter(excel.runner).clearIssueMarks().catch((e: unknown) => e);
    expect((error as AdapterError).code).toBe('dip_sheet_missing');
  });
});
