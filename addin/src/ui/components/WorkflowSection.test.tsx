import '../testing/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { approvalInfo, approveVersion } from '../../api/approval.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { HistoryPane } from '../panes/HistoryPane.js';
import { apiFor, startServer } from '../testing/harness.js';
import { pushRows } from '../testing/workflow.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

function show(canAct: boolean) {
  render(
    <I18nProvider store={memoryStorage()}>
      <HistoryPane api={apiFor(server, canAct ? 'ppid' : 'approver')} onError={vi.fn()} canActOnWorkflow={canAct} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

describe('Alur persetujuan in Riwayat (PPID, real server)', () => {
  it('submits, records a meeting and publishes, each after a confirmation', async () => {
    const v = await pushRows(server, sampleRows(2), 'ppid', 'DIP 2026');
    const user = show(true);
    expect(await screen.findByText('Status: Draf')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ajukan versi 1…' }));
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    expect((await approvalInfo(apiFor(server, 'ppid'), 1)).version.state).toBe('draft');
    await user.click(screen.getByRole('button', { name: 'Ajukan versi 1…' }));
    await user.click(screen.getByRole('button', { name: 'Ya, ajukan' }));
    expect(await screen.findByText('Versi 1 diajukan dan menunggu persetujuan Atasan PPID.')).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Catat rapat…' }));
    expect(screen.getAllByText('Wajib diisi.').length).toBe(3);
    await user.type(screen.getByLabelText(/^Tanggal rapat/), '2026-03-10');
    await user.type(screen.getByLabelText(/^Peserta/), 'Kepala Dinas{enter}PPID Utama, Sekretariat');
    await user.type(screen.getByLabelText(/^Keputusan rapat/), 'DIP disepakati.');
    await user.click(screen.getByRole('button', { name: 'Catat rapat…' }));
    await user.click(screen.getByRole('button', { name: 'Ya, catat' }));
    expect(await screen.findByText('Rapat untuk versi 1 dicatat.')).toBeTruthy();
    const info = await approvalInfo(apiFor(server, 'ppid'), 1);
    expect(info.meetings[0]).toMatchObject({ date: '2026-03-10', participants: ['Kepala Dinas', 'PPID Utama, Sekretariat'], decision: 'DIP disepakati.' });
    cleanup();

    await approveVersion(apiFor(server, 'approver'), 1, { contentHash: v.contentHash, decreeNumber: 'SK/9', decreeDate: '2026-03-12' });
    const again = show(true);
    expect(await screen.findByText('Disetujui oleh approver dengan SK SK/9 tanggal 12 Mar 2026')).toBeTruthy();
    await again.click(screen.getByRole('button', { name: 'Terbitkan versi 1…' }));
    await again.click(screen.getByRole('button', { name: 'Ya, terbitkan' }));
    expect(await screen.findByText('Versi 1 terbit dan tampil di halaman publik.')).toBeTruthy();
    expect((await apiFor(server, 'ppid').register()).data.published).toBe(1);
  });

  it('is not offered to other roles', async () => {
    show(false);
    expect(await screen.findByText('Versi 1')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Alur persetujuan' })).toBeNull();
  });
});
