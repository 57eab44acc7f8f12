import '../testing/dom.js';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { newIdempotencyKey } from '../../api/client.js';
import { submitRows, templateRows } from '../../api/rounds.js';
import { MARK_FILLS } from '../../excel/marks.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { applyPull, preparePull } from '../logic/sync.js';
import { apiFor, openWorkbook, startServer, type Workbook } from '../testing/harness.js';
import { publishRows, pushRows } from '../testing/workflow.js';
import { RoundsPane } from './RoundsPane.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await publishRows(server, sampleRows(6)); // v1: rows 0 and 5 are Bagian Umum's (UA)
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

const NOW = new Date('2026-11-21T03:00:00Z'); // 10:00 WIB

function show(wb: Workbook) {
  render(
    <I18nProvider store={memoryStorage()}>
      <RoundsPane api={apiFor(server, 'ppid')} adapter={wb.adapter} base={wb.base} onError={vi.fn()} now={() => NOW} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

async function pullHead(wb: Workbook) {
  const deps = { api: apiFor(server, 'ppid'), adapter: wb.adapter, base: wb.base };
  await applyPull(deps, await preparePull(deps));
}

describe('Putaran pane (real server, real adapter over mock Excel)', () => {
  it('opens a round, shows per-unit status and who is late, reviews a submission and pulls the merge into the sheet with conflicts marked', async () => {
    const wb = await openWorkbook();
    await pullHead(wb);
    const user = show(wb);

    // A new round with the SOP's 3-day standard, for every unit.
    await user.type(await screen.findByLabelText(/^Judul putaran/), 'Pemutakhiran Semester II');
    await user.click(screen.getByRole('radio', { name: '3 hari (baku mutu SOP)' }));
    expect(screen.getByText('Batas waktu: 24 Nov 2026 pukul 23.59 WIB.')).toBeTruthy();
    expect(((await screen.findByRole('checkbox', { name: 'Bidang Keuangan (UB)' })) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Buka putaran' }));
    expect(await screen.findByText('Putaran "Pemutakhiran Semester II" dibuka.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Putaran: Pemutakhiran Semester II' })).toBeTruthy();
    const unitList = () => screen.getByRole('list', { name: 'Unit yang diminta' });
    expect(within(unitList()).getAllByText('Belum mengirim')).toHaveLength(2);
    expect(screen.getByText('Tidak ada unit yang terlambat.')).toBeTruthy();
    cleanup();

    // Bagian Umum submits: a new summary for its first row, a new title for its second.
    const unitA = apiFor(server, 'unitA');
    const roundId = 1;
    const template = (await templateRows(unitA, roundId)).map((r) => r.row);
    const [r0, r5] = template;
    await submitRows(unitA, roundId, [{ ...r0!, summary: 'Ringkasan versi unit.' }, { ...r5!, title: 'Judul baru dari unit' }], newIdempotencyKey());
    // Meanwhile the PPID changed the same summary in the master (v2), and the master sheet follows the head.
    const head = (await apiFor(server, 'ppid').version('head')).data.rows;
    await pushRows(server, head.map((r) => (r.id === r0!.id ? { ...r, summary: 'Ringkasan versi master.' } : r)), 'ppid', 'Perbaikan ringkasan');
    await pullHead(wb);
    // The due date passes.
    await server.db.updateTable('rounds').set({ due_date: '2026-01-02', due_at: new Date('2026-01-02T16:59:59Z') }).where('id', '=', roundId).execute();

    const again = show(wb);
    await again.click(await screen.findByRole('button', { name: 'Lihat: Pemutakhiran Semester II' }));
    expect(await screen.findByText('Menunggu verifikasi')).toBeTruthy();
    expect(screen.getByText('Unit yang terlambat (2)')).toBeTruthy();
    expect((screen.getByLabelText('Teks pengingat (salin ke surat atau pesan)') as HTMLTextAreaElement).value).toContain('Yth. Pimpinan Bidang Keuangan');

    // Review: returning needs a comment; then everything accepted.
    await again.click(screen.getByRole('button', { name: 'Tinjau kiriman' }));
    const reviewHeading = await screen.findByRole('heading', { name: `Verifikasi kiriman Bagian Umum (TT-${roundId}-UA-001)` });
    const review = reviewHeading.closest('section')!;
    await again.click(within(within(review).getByRole('radiogroup', { name: 'Judul baru dari unit' })).getByRole('radio', { name: 'Kembalikan' }));
    await again.click(within(review).getByRole('button', { name: /^Simpan keputusan/ }));
    expect(within(review).getByText('Catatan wajib diisi untuk baris yang dikembalikan.')).toBeTruthy();
    await again.click(within(within(review).getByRole('radiogroup', { name: 'Judul baru dari unit' })).getByRole('radio', { name: 'Terima' }));
    await again.click(within(review).getByRole('button', { name: 'Terima semua yang belum diputuskan' }));
    await again.click(within(review).getByRole('button', { name: 'Simpan keputusan (2)' }));
    expect(await screen.findByText('2 keputusan untuk Bagian Umum disimpan.')).toBeTruthy();
    expect(within(unitList()).getByText('Diterima')).toBeTruthy();
    expect(screen.getByText('Unit yang terlambat (1)')).toBeTruthy();

    // Tarik kiriman unit: preview first, nothing written until ticked, the conflict marked on its cell.
    const before = wb.grid();
    await again.click(screen.getByRole('button', { name: 'Tarik kiriman unit…' }));
    expect(await screen.findByText('0 ditambah, 1 diubah, 0 dihapus, 1 bentrok')).toBeTruthy();
    expect(screen.getByText('Ringkasan Isi Informasi: master "Ringkasan versi master.", Bagian Umum "Ringkasan versi unit."')).toBeTruthy();
    const write = screen.getByRole('button', { name: 'Tulis ke lembar (6 baris)' }) as HTMLButtonElement;
    expect(write.disabled).toBe(true);
    expect(wb.grid()).toEqual(before);
    await again.click(screen.getByRole('checkbox', { name: 'Saya sudah meninjau pratinjau ini' }));
    await again.click(write);
    expect(await screen.findByText(/^Lembar diperbarui \(6 baris\); 1 sel ditandai untuk diperiksa/)).toBeTruthy();
    expect(wb.cell(5, 'title')).toBe('Judul baru dari unit');
    expect(wb.cell(0, 'summary')).toBe('Ringkasan versi master.');
    expect(wb.fill(0, 'summary')).toBe(MARK_FILLS.warning);
    // The head (v2) is the sheet's base: Sinkron will push exactly the units' change.
    expect(wb.base.pointer('http://dip.test')?.version).toBe(2);
  });
});
