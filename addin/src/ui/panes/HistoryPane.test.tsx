import '../testing/dom.js';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { newIdempotencyKey } from '../../api/client.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { apiFor, startServer } from '../testing/harness.js';
import { HistoryPane } from './HistoryPane.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  const ppid = apiFor(server, 'ppid');
  await ppid.push({ message: 'Versi awal', rows: sampleRows(3) }, { firstVersion: true }, newIdempotencyKey());
  const v1 = await ppid.version(1);
  const rows = v1.data.rows.map((r, i) => (i === 1 ? { ...r, retention: 'Permanen' } : r));
  await ppid.push({ message: 'Retensi diperbarui', rows: [...rows.slice(0, 2), ...sampleRows(1, 10)] }, { ifMatch: v1.etag! }, newIdempotencyKey());
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

function show(store = memoryStorage()) {
  render(
    <I18nProvider store={store}>
      <HistoryPane api={apiFor(server, 'approver')} onError={vi.fn()} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

describe('Riwayat pane (real server)', () => {
  it('lists the versions newest first with author, state and size', async () => {
    show();
    const items = await screen.findAllByRole('listitem');
    const first = items[0]!;
    expect(within(first).getByText('Versi 2')).toBeTruthy();
    expect(within(first).getByText('Retensi diperbarui')).toBeTruthy();
    expect(within(first).getByText('Draf')).toBeTruthy();
    expect(within(first).getByText(/^ppid · .* · 3 baris$/)).toBeTruthy();
    expect(screen.getByText('Versi awal')).toBeTruthy();
  });

  it('compares any two versions, with titles for changed rows', async () => {
    const user = show();
    await screen.findByText('Versi awal');
    expect((screen.getByLabelText('Dari') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText('Ke') as HTMLSelectElement).value).toBe('2');
    await user.click(screen.getByRole('button', { name: 'Bandingkan' }));
    expect(await screen.findByText('Versi 1 → versi 2')).toBeTruthy();
    expect(screen.getByText('1 ditambah')).toBeTruthy();
    expect(screen.getByText('1 diubah')).toBeTruthy();
    expect(screen.getByText('1 dihapus')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Baris diubah (1)' }));
    expect(screen.getByText(sampleRows(2)[1]!.title)).toBeTruthy();
    expect(screen.getByText('Permanen')).toBeTruthy();
  });

  it('speaks English when switched', async () => {
    const store = memoryStorage();
    store.set('lang', 'en');
    show(store);
    expect(await screen.findByRole('button', { name: 'Compare with version 1' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Register versions' })).toBeTruthy();
    expect(screen.getAllByText('Draft').length).toBe(2);
  });
});
