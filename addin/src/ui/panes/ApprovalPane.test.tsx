import '../testing/dom.js';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { approvalInfo, recordMeeting, submitVersion } from '../../api/approval.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { apiFor, startServer, type TokenUser } from '../testing/harness.js';
import { pushRows, setRole } from '../testing/workflow.js';
import { ApprovalPane } from './ApprovalPane.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

async function setHash(version: number, hash: string) {
  await sql`alter table register_versions disable trigger user`.execute(server.db);
  try {
    await server.db.updateTable('register_versions').set({ content_hash: hash }).where('version', '=', version).execute();
  } finally {
    await sql`alter table register_versions enable trigger user`.execute(server.db);
  }
}

function show(who: TokenUser = 'approver') {
  render(
    <I18nProvider store={memoryStorage()}>
      <ApprovalPane api={apiFor(server, who)} onError={vi.fn()} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

async function approveWith(user: ReturnType<typeof userEvent.setup>, version: number, sk: string, date: string) {
  await user.type(screen.getByLabelText(/^Nomor SK/), sk);
  await user.type(screen.getByLabelText(/^Tanggal SK/), date);
  await user.click(screen.getByRole('button', { name: `Setujui versi ${version}…` }));
  await user.click(await screen.findByRole('button', { name: 'Ya, setujui' }));
}

describe('Persetujuan pane (real server)', () => {
  it('shows the waiting version against nothing published, its validation and meeting, and approves with an SK', async () => {
    const v1 = await pushRows(server, sampleRows(3), 'ppid', 'DIP awal');
    const ppid = apiFor(server, 'ppid');
    await submitVersion(ppid, v1.version);
    await recordMeeting(ppid, v1.version, { date: '2026-03-10', participants: ['Kepala Dinas', 'PPID Utama'], decision: 'DIP disepakati.' });

    const user = show();
    await user.click(await screen.findByRole('button', { name: 'Tinjau versi 1' }));
    expect(await screen.findByRole('heading', { name: 'Belum ada versi terbit: seluruh isi versi ini akan menjadi DIP pertama.' })).toBeTruthy();
    expect(screen.getByText('3 ditambah')).toBeTruthy();
    expect(screen.getByText(/^3 baris diperiksa: tidak ada kesalahan/)).toBeTruthy();
    expect(screen.getByText('Keputusan: DIP disepakati.')).toBeTruthy();
    expect(screen.getByText('Peserta: Kepala Dinas; PPID Utama')).toBeTruthy();

    // Without an SK number nothing is asked or sent.
    await user.click(screen.getByRole('button', { name: 'Setujui versi 1…' }));
    expect(screen.getAllByText('Wajib diisi.').length).toBe(2);
    expect(screen.queryByRole('button', { name: 'Ya, setujui' })).toBeNull();

    await approveWith(user, 1, '188.4/12/KPTS/2026', '2026-03-14');
    expect(await screen.findByText('Versi 1 disetujui dengan SK 188.4/12/KPTS/2026. PPID dapat menerbitkannya.')).toBeTruthy();
    expect(await screen.findByText('Tidak ada versi yang menunggu persetujuan.')).toBeTruthy();
    const info = await approvalInfo(ppid, 1);
    expect(info.approval).toMatchObject({ contentHash: v1.contentHash, decreeNumber: '188.4/12/KPTS/2026', decreeDate: '2026-03-14', approver: 'approver' });
  });

  it('refuses an approver who submitted the version, with the four-eyes message', async () => {
    const v2 = await pushRows(server, sampleRows(4), 'ppid', 'Pemutakhiran');
    await submitVersion(apiFor(server, 'ppid2'), v2.version);
    await setRole(server, 'ppid2', 'approver'); // promoted to Atasan PPID: the role allows approving, the history does not
    try {
      const user = show('ppid2');
      await user.click(await screen.findByRole('button', { name: `Tinjau versi ${v2.version}` }));
      await screen.findByRole('heading', { name: `Versi ${v2.version}` });
      await approveWith(user, v2.version, 'SK/2', '2026-04-01');
      expect(await screen.findByText(/^Anda tidak boleh menyetujui versi ini karena Anda sendiri yang mendorong atau mengajukannya \(prinsip empat mata\)/)).toBeTruthy();
      expect((await approvalInfo(apiFor(server, 'ppid'), v2.version)).version.state).toBe('submitted');
    } finally {
      await setRole(server, 'ppid2', 'ppid');
    }
  });

  it('sends the hash it showed: content changed behind the review is refused as a hash mismatch', async () => {
    const user = show();
    await user.click(await screen.findByRole('button', { name: 'Tinjau versi 2' }));
    const hashCell = await screen.findByTitle(/^[0-9a-f]{64}$/);
    const seen = hashCell.getAttribute('title')!;
    // Someone alters the stored version after the approver loaded it (what the binding guards against), with the
    // immutability trigger off as only the database owner could.
    await setHash(2, 'f'.repeat(64));
    try {
      await approveWith(user, 2, 'SK/3', '2026-04-02');
      expect(await screen.findByText(/^Isi versi di server tidak sama dengan yang Anda tinjau/)).toBeTruthy();
      expect((await approvalInfo(apiFor(server, 'ppid'), 2)).version.state).toBe('submitted');
    } finally {
      await setHash(2, seen);
    }
  });

  it('rejects with a reason after asking once more', async () => {
    const user = show();
    await user.click(await screen.findByRole('button', { name: 'Tinjau versi 2' }));
    await screen.findByRole('heading', { name: 'Versi 2' });
    await user.click(screen.getByRole('button', { name: 'Tolak versi 2…' }));
    expect(screen.getByText('Wajib diisi.')).toBeTruthy();
    await user.type(screen.getByLabelText(/^Alasan penolakan/), 'Ringkasan baris 3 belum lengkap.');
    await user.click(screen.getByRole('button', { name: 'Tolak versi 2…' }));
    const ask = await screen.findByRole('group', { name: 'Tolak versi 2 dengan alasan di atas?' });
    await user.click(within(ask).getByRole('button', { name: 'Ya, tolak' }));
    expect(await screen.findByText('Versi 2 ditolak; PPID akan melihat alasannya.')).toBeTruthy();
    const info = await approvalInfo(apiFor(server, 'ppid'), 2);
    expect(info.rejection).toMatchObject({ reason: 'Ringkasan baris 3 belum lengkap.', rejectedBy: 'approver' });
  });
});
