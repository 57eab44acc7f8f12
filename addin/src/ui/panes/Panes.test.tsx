import '../testing/dom.js';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { createReportWriter } from '../../excel/reportSheet.js';
import { I18nProvider } from '../../i18n/index.js';
import { memoryStorage } from '../../office/storage.js';
import { apiFor, openWorkbook, roleOf, startServer, type TokenUser } from '../testing/harness.js';
import { Panes } from './Panes.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

async function show(who: TokenUser) {
  const wb = await openWorkbook();
  render(
    <I18nProvider store={memoryStorage()}>
      <Panes
        adapter={wb.adapter}
        api={apiFor(server, who)}
        base={wb.base}
        user={{ id: 1, username: who, role: roleOf(who), unitCode: who === 'unitA' ? 'UA' : null }}
        reportWriter={createReportWriter(wb.mock.runner)}
        onUnauthorized={vi.fn()}
      />
    </I18nProvider>,
  );
  return userEvent.setup();
}

// A Fluent tab repeats its label in a hidden span that reserves the bold width: read the visible one.
const tabNames = () => screen.getAllByRole('tab').map((t) => t.querySelector('.fui-Tab__content')?.textContent);

describe('role-aware tabs', () => {
  it('gives the Atasan PPID Persetujuan, Riwayat and Laporan, opening on Persetujuan', async () => {
    const user = await show('approver');
    expect(tabNames()).toEqual(['Persetujuan', 'Riwayat', 'Laporan']);
    expect(await screen.findByText('Tidak ada versi yang menunggu persetujuan.')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Riwayat' }));
    expect(screen.getByRole('tab', { name: 'Riwayat' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText(/^Belum ada versi/)).toBeTruthy();
  });

  it('gives a unit only its submission pane', async () => {
    await show('unitA');
    expect(tabNames()).toEqual(['Kiriman unit']);
    expect(await screen.findByText('Unit Anda belum diminta mengirim data pada putaran mana pun.')).toBeTruthy();
  });

  it('gives the PPID its five panes, and the admin Riwayat with a note on user administration', async () => {
    await show('ppid');
    expect(tabNames()).toEqual(['Lembar DIP', 'Sinkron', 'Putaran', 'Riwayat', 'Laporan']);
    expect(await screen.findByText(/^Versi terakhir di server/)).toBeTruthy();
    cleanup();
    await show('admin');
    expect(tabNames()).toEqual(['Riwayat']);
    expect(screen.getByText(/^Akun admin: pengelolaan unit dan pengguna dilakukan lewat API/)).toBeTruthy();
    expect(await screen.findByText(/^Belum ada versi/)).toBeTruthy();
  });
});
