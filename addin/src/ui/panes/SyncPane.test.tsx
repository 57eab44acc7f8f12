import '../testing/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserInfo } from '../../../../shared/api.js';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { applyPull, preparePull, preparePush, pushPlan } from '../logic/sync.js';
import { apiFor, openWorkbook, roleOf, startServer, type TokenUser, type Workbook } from '../testing/harness.js';
import { SyncPane } from './SyncPane.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

function show(wb: Workbook, who: TokenUser = 'ppid') {
  const user: UserInfo = { id: 1, username: who, role: roleOf(who), unitCode: null };
  render(
    <I18nProvider store={memoryStorage()}>
      <SyncPane adapter={wb.adapter} api={apiFor(server, who)} base={wb.base} user={user} onError={vi.fn()} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

/** The colleague on another workbook, driven through the same operations the pane uses. */
async function colleaguePushes(b: Workbook, edit: (b: Workbook) => void, message: string) {
  const deps = { api: apiFor(server, 'ppid2'), adapter: b.adapter, base: b.base };
  await applyPull(deps, await preparePull(deps));
  edit(b);
  const prep = await preparePush(deps);
  if (prep.kind !== 'ready') throw new Error('colleague could not push');
  await pushPlan(deps, prep.plan, message);
}

describe('Sinkron pane (real server, real adapter over mock Excel)', () => {
  let a: Workbook;
  let b: Workbook;
  const title0 = sampleRows(1)[0]!.title;

  it('shows the diff before the first push, insists on a message, pushes and writes the ids', async () => {
    a = await openWorkbook(sampleRows(3));
    const user = show(a);
    expect(await screen.findByText('Versi terakhir di server: – · terbit: – · lembar ini berbasis: –')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Bandingkan & kirim…' }));
    expect(await screen.findByRole('heading', { name: 'Versi pertama register' })).toBeTruthy();
    expect(screen.getByText('3 ditambah')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kirim versi baru' }));
    expect(screen.getByText('Pesan versi wajib diisi.')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Pesan versi/), 'Versi awal DIP');
    await user.click(screen.getByRole('button', { name: 'Kirim versi baru' }));
    expect(await screen.findByText(/^Versi 1 terkirim \(3 baris\)/)).toBeTruthy();
    expect(await screen.findByText('Versi terakhir di server: v1 · terbit: – · lembar ini berbasis: v1')).toBeTruthy();
    expect(a.cell(0, 'id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('on a stale push (412) shows the rows both changed; pull and re-apply asks about the clash and writes the choice', async () => {
    b = await openWorkbook();
    const user = show(a);
    a.type(0, 'title', 'Judul versi A');
    a.type(1, 'notes', 'Catatan A');
    await user.click(screen.getByRole('button', { name: 'Bandingkan & kirim…' }));
    expect(await screen.findByRole('heading', { name: 'Perubahan terhadap versi 1' })).toBeTruthy();
    expect(screen.getByText('2 diubah')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Pesan versi/), 'Perubahan A');

    // Meanwhile the colleague pushes v2, retitling the same row.
    await colleaguePushes(b, (wb) => wb.type(0, 'title', 'Judul versi B'), 'Perubahan B');

    await user.click(screen.getByRole('button', { name: 'Kirim versi baru' }));
    expect(await screen.findByText('Server sudah di v2, sedangkan lembar ini berbasis v1.')).toBeTruthy();
    expect(screen.getByText('Baris yang diubah oleh Anda dan server (1)')).toBeTruthy();
    expect(screen.getByText('Judul versi A')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Tarik lalu terapkan ulang' }));
    expect(await screen.findByRole('heading', { name: 'Terapkan ulang di atas versi 2' })).toBeTruthy();
    expect(screen.getByText('1 bentrok perlu keputusan Anda.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Dari server: Judul versi B' }));
    await user.click(screen.getByRole('button', { name: 'Tulis hasil ke lembar (3 baris)' }));
    expect(await screen.findByText(/^Lembar sekarang berbasis versi 2 dengan perubahan Anda diterapkan ulang/)).toBeTruthy();
    expect(a.cell(0, 'title')).toBe('Judul versi B');
    expect(a.cell(1, 'notes')).toBe('Catatan A');

    // The re-applied edit now pushes cleanly on top of v2.
    await user.click(screen.getByRole('button', { name: 'Bandingkan & kirim…' }));
    expect(await screen.findByRole('heading', { name: 'Perubahan terhadap versi 2' })).toBeTruthy();
    expect(screen.getByText('1 diubah')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Pesan versi/), 'Perubahan A, diterapkan ulang');
    await user.click(screen.getByRole('button', { name: 'Kirim versi baru' }));
    expect(await screen.findByText(/^Versi 3 terkirim/)).toBeTruthy();
  });

  it('pull previews the change and will not overwrite unsaved edits without an explicit tick', async () => {
    await colleaguePushes(b, (wb) => wb.type(2, 'retention', '7 tahun'), 'Retensi'); // v4
    const user = show(a);
    a.type(0, 'summary', 'Ringkasan yang belum dikirim');
    await user.click(screen.getByRole('button', { name: 'Tarik versi terbaru…' }));
    expect(await screen.findByRole('heading', { name: 'Tarik versi 4 (3 baris)' })).toBeTruthy();
    expect(screen.getByText('Lembar berisi perubahan yang belum dikirim')).toBeTruthy();
    const overwrite = screen.getByRole('button', { name: 'Timpa lembar dengan versi 4' }) as HTMLButtonElement;
    expect(overwrite.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Saya mengerti: timpa dan buang perubahan saya' }));
    expect(overwrite.disabled).toBe(false);
    await user.click(overwrite);
    expect(await screen.findByText('Lembar sekarang berisi versi 4 (3 baris).')).toBeTruthy();
    expect(a.cell(2, 'retention')).toBe('7 tahun');
    expect(a.cell(0, 'summary')).not.toBe('Ringkasan yang belum dikirim');
    expect(a.cell(0, 'title')).toBe('Judul versi B');
    expect(title0).not.toBe('Judul versi B');
  });

  it('lets only the PPID role push; others may still pull', async () => {
    show(await openWorkbook(), 'approver');
    // Readers see the register's state too (and the test ends after its request, not during it).
    expect(await screen.findByText('Versi terakhir di server: v4 · terbit: – · lembar ini berbasis: –')).toBeTruthy();
    expect(screen.getByText('Hanya peran PPID yang dapat mengirim versi baru.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Bandingkan & kirim…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Tarik versi terbaru…' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
