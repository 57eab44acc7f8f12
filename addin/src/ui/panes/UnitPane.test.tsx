import '../testing/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { createRound, myRound, reviewSubmission, submissionDetail } from '../../api/rounds.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { MARK_FILLS } from '../../excel/marks.js';
import { apiFor, openWorkbook, startServer, type Workbook } from '../testing/harness.js';
import { publishRows } from '../testing/workflow.js';
import { UnitPane } from './UnitPane.js';

let server: TestServer;
let roundId: number;
beforeAll(async () => {
  server = await startServer();
  // Rows 0 and 5 belong to Bagian Umum (unit UA): its template holds those two.
  await publishRows(server, sampleRows(6));
  roundId = (await createRound(apiFor(server, 'ppid'), { title: 'Pemutakhiran Semester I', durationPreset: '7_hari' })).id;
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

function show(wb: Workbook) {
  render(
    <I18nProvider store={memoryStorage()}>
      <UnitPane api={apiFor(server, 'unitA')} adapter={wb.adapter} onError={vi.fn()} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

describe('Kiriman unit pane (real server, real adapter over mock Excel)', () => {
  it('fills the sheet with the unit rows, submits, shows the receipt, marks returned rows and resubmits', async () => {
    const wb = await openWorkbook();
    const user = show(wb);
    expect(await screen.findByText(/^Status unit Anda: Belum mengirim · batas /)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Ambil baris unit ke lembar…' }));
    expect(await screen.findByText('2 baris akan ditulis ke lembar; 0 di antaranya dikembalikan PPID.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tulis ke lembar' }));
    expect(await screen.findByText('2 baris unit ditulis ke lembar.')).toBeTruthy();
    expect(wb.grid()).toHaveLength(3);
    expect(wb.cell(0, 'owningUnit')).toBe('Bagian Umum');
    const firstId = wb.cell(0, 'id');
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);

    wb.type(0, 'summary', 'Ringkasan diperbarui oleh Bagian Umum.');
    await user.click(screen.getByRole('button', { name: 'Periksa & kirim…' }));
    expect(await screen.findByText(/^2 baris siap dikirim: 0 kesalahan/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kirim 2 baris' }));
    expect(await screen.findByText(`Terkirim. Nomor tanda terima: TT-${roundId}-UA-001.`)).toBeTruthy();
    expect(await screen.findByText(`TT-${roundId}-UA-001`)).toBeTruthy();
    expect(screen.getByText(/^Status unit Anda: Menunggu verifikasi/)).toBeTruthy();

    // The PPID returns the edited row with a comment and accepts the other.
    const ppid = apiFor(server, 'ppid');
    const sid = (await myRound(apiFor(server, 'unitA'), roundId)).receipts[0]!.submissionId;
    const detail = await submissionDetail(ppid, roundId, sid);
    const decisions = detail.items.map((i) =>
      i.rowId === firstId ? { rowId: i.rowId, status: 'returned' as const, comment: 'Sebutkan periode laporan.' } : { rowId: i.rowId, status: 'accepted' as const },
    );
    await reviewSubmission(ppid, roundId, sid, { decisions });

    await user.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(await screen.findByText('Baris dikembalikan PPID (1)')).toBeTruthy();
    expect(screen.getByText('Catatan PPID: Sebutkan periode laporan.')).toBeTruthy();
    expect(screen.getByText(/^Status unit Anda: Dikembalikan/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tandai di lembar' }));
    expect(await screen.findByText('1 sel ditandai.')).toBeTruthy();
    expect(wb.fill(0, 'title')).toBe(MARK_FILLS.error);
    expect(wb.fill(1, 'title')).toBeUndefined();

    wb.type(0, 'summary', 'Ringkasan laporan periode Januari–Juni 2026.');
    await user.click(screen.getByRole('button', { name: 'Periksa & kirim…' }));
    await user.click(await screen.findByRole('button', { name: 'Kirim 2 baris' }));
    expect(
      await screen.findByText(`Terkirim. Nomor tanda terima: TT-${roundId}-UA-002. 1 baris yang tidak berubah tetap berstatus diterima.`),
    ).toBeTruthy();
    expect(await screen.findByText('Baris dikembalikan PPID (0)')).toBeTruthy();
    const after = await myRound(apiFor(server, 'unitA'), roundId);
    expect(after.receipts.map((r) => r.number)).toEqual([`TT-${roundId}-UA-002`, `TT-${roundId}-UA-001`]);
  });

  it('matches owning units against the server\'s list before sending, as the receipt will', async () => {
    const wb = await openWorkbook();
    const user = show(wb);
    await user.click(await screen.findByRole('button', { name: 'Ambil baris unit ke lembar…' }));
    await user.click(await screen.findByRole('button', { name: 'Tulis ke lembar' }));
    expect(await screen.findByText('2 baris unit ditulis ke lembar.')).toBeTruthy();
    // The unit's own name written its own way: the server's list does not have it.
    wb.type(1, 'owningUnit', 'Bag. Umum');
    await user.click(screen.getByRole('button', { name: 'Periksa & kirim…' }));
    expect(await screen.findByText('2 baris siap dikirim: 0 kesalahan, 1 peringatan (sudah ditandai di lembar).')).toBeTruthy();
    expect(wb.fill(1, 'owningUnit')).toBe(MARK_FILLS.warning);
    expect(wb.fill(0, 'owningUnit')).toBeUndefined();
    expect(screen.queryByText(/Unit pemilik tidak dicocokkan/)).toBeNull();
  });
});
