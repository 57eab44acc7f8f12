import '../testing/dom.js';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { officeMonth } from '../../../../server/src/reports/period.js';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { newIdempotencyKey } from '../../api/client.js';
import { createReportWriter } from '../../excel/reportSheet.js';
import { createMockExcel, type MockExcel } from '../../excel/testing/mockExcel.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { apiFor, startServer } from '../testing/harness.js';
import { ReportPane } from './ReportPane.js';

/*
 * sampleRows(6), counted by hand: kategori i % 4 → berkala 2 (i 0, 4), serta merta 2 (1, 5), setiap saat 1 (2),
 * dikecualikan 1 (3); units i % 5 → Bagian Umum 2 (0, 5), the four others 1 each; links on even i → 3; softcopy
 * unless i % 3 = 2 → 4. Coverage (head: nothing published): "Rencana Strategis"/"Rencana Kerja" are berkala
 * programme rows (present); "Laporan Keuangan", "Daftar Aset" and "Laporan Kinerja" are not berkala (other kategori).
 */
let server: TestServer;
const month = officeMonth(new Date());
beforeAll(async () => {
  server = await startServer();
  await apiFor(server, 'ppid').push({ message: 'Versi awal', rows: sampleRows(6) }, { firstVersion: true }, newIdempotencyKey());
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

function show(excel: MockExcel = createMockExcel(), user: 'ppid' | 'approver' = 'ppid', lang: 'id' | 'en' = 'id') {
  const store = memoryStorage();
  store.set('lang', lang);
  render(
    <I18nProvider store={store}>
      <ReportPane api={apiFor(server, user)} writer={createReportWriter(excel.runner)} onError={vi.fn()} />
    </I18nProvider>,
  );
  return { excel, user: userEvent.setup() };
}

const figure = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
const bars = (label: string) =>
  within(screen.getByRole('list', { name: label }))
    .getAllByRole('listitem')
    .map((li) => [li.firstElementChild?.textContent, li.lastElementChild?.textContent]);

describe('Laporan pane (real server, mock Excel)', () => {
  it('shows this month’s figures, the bars per kategori and per unit with their numbers, coverage, and no round yet', async () => {
    show();
    await screen.findByText('Jumlah informasi', { selector: 'dt' });
    expect(figure('Jumlah informasi')).toBe('6');
    expect(figure('Bertautan')).toBe('3');
    expect(figure('Softcopy tersedia')).toBe('4');
    expect(figure('Ditambah')).toBe('6');
    expect(figure('Belum lengkap')).toBe('0');
    expect(bars('Jumlah informasi per kategori')).toEqual([
      ['Berkala', '2'],
      ['Serta Merta', '2'],
      ['Setiap Saat', '1'],
      ['Dikecualikan', '1'],
    ]);
    expect(bars('Jumlah informasi per unit kerja')).toEqual([
      ['Bagian Umum', '2'],
      ['Bidang Informasi', '1'],
      ['Bidang Keuangan', '1'],
      ['Bidang Perencanaan', '1'],
      ['Sekretariat', '1'],
    ]);
    expect(screen.getByText('Belum ada putaran pemutakhiran.')).toBeTruthy();
    expect(screen.getByText('1 dari 11 butir informasi berkala sudah ada di DIP.')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Ada, tetapi bukan kategori Berkala' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Ringkasan informasi tentang kinerja',
      'Ringkasan laporan keuangan',
    ]);
  });

  it('writes the report into a new sheet: values (the same numbers), one native chart, two syncs', async () => {
    const { excel, user } = show();
    await screen.findByText('Jumlah informasi', { selector: 'dt' });
    await user.click(screen.getByRole('button', { name: 'Tulis ke lembar baru' }));
    expect(await screen.findByText(`Laporan ditulis ke lembar "Laporan ${month}", lengkap dengan grafiknya.`)).toBeTruthy();

    const sheet = excel.model.sheet(`Laporan ${month}`)!;
    expect(excel.model.sheets.map((s) => s.name)).toEqual([`Laporan ${month}`]);
    const used = sheet.usedRange()!;
    const grid = sheet.grid({ row: 0, col: 0, rows: used.rows, cols: used.cols });
    expect(String(grid[0]![0])).toMatch(/^Laporan Bulanan Ketersediaan Informasi — /);
    const header = grid.findIndex((r) => r[0] === 'Kategori');
    expect(grid[header]!.slice(0, 3)).toEqual(['Kategori', 'Jumlah informasi', 'Bertautan']);
    expect(grid.slice(header + 1, header + 6).map((r) => r.slice(0, 2))).toEqual([
      ['Berkala', 2],
      ['Serta Merta', 2],
      ['Setiap Saat', 1],
      ['Dikecualikan', 1],
      ['Jumlah', 6],
    ]);
    expect(sheet.charts).toHaveLength(1);
    // Four kategori and the header; the total stays out of the chart.
    expect(sheet.charts[0]!.source).toEqual({ row: header, col: 0, rows: 5, cols: 2 });
    expect(sheet.charts[0]!.title).toBe('Jumlah informasi per kategori');
    expect(excel.syncCount()).toBe(2);
  });

  it('shows the open round’s progress per unit, and a month without rows', async () => {
    const res = await server.request('/api/rounds', { method: 'POST', token: server.tokens.ppid, json: { title: 'Pemutakhiran Semester II', dueDate: '2099-12-31' } });
    expect(res.status).toBe(201);
    const { user } = show(createMockExcel(), 'approver');
    expect(await screen.findByRole('heading', { name: 'Kemajuan putaran pemutakhiran: Pemutakhiran Semester II' })).toBeTruthy();
    expect(screen.getByText('Batas waktu 31 Desember 2099')).toBeTruthy();
    expect(bars('Penyampaian')).toEqual([
      ['Tepat waktu', '0'],
      ['Terlambat', '0'],
      ['Belum menyampaikan', '0'],
      ['Belum jatuh tempo', '2'],
    ]);
    const units = within(screen.getByRole('list', { name: 'Unit kerja' })).getAllByRole('listitem');
    expect(units.map((li) => li.textContent)).toEqual(['Bagian UmumBelum jatuh tempoBelum ada kiriman', 'Bidang KeuanganBelum jatuh tempoBelum ada kiriman']);

    const previous = (screen.getByLabelText('Bulan') as HTMLSelectElement).options[1]!.value;
    await user.selectOptions(screen.getByLabelText('Bulan'), previous);
    await waitFor(() => expect(figure('Jumlah informasi')).toBe('0'));
    expect(screen.getByText('Belum ada informasi pada akhir bulan ini.')).toBeTruthy();
  });

  it('speaks English when the pane is set to English, the sheet included', async () => {
    const { excel, user } = show(createMockExcel(), 'ppid', 'en');
    await screen.findByText('Entries', { selector: 'dt' });
    expect(figure('Entries')).toBe('6');
    expect(bars('Entries per category').map(([label]) => label)).toEqual(['Periodic', 'Immediate', 'Any time', 'Excluded']);
    await user.click(screen.getByRole('button', { name: 'Write to a new sheet' }));
    expect(await screen.findByText(`The report was written to the sheet "Report ${month}", with its chart.`)).toBeTruthy();
    const sheet = excel.model.sheet(`Report ${month}`)!;
    expect(String(sheet.get(0, 0))).toMatch(/^Monthly Information Availability Report — /);
    expect(sheet.charts[0]!.title).toBe('Entries per category');
  });
});
