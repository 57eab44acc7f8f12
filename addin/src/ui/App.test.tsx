import './testing/dom.js';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../server/src/testing/server.js';
import { TEST_PASSWORD } from '../../../server/src/testing/server.js';
import { memoryStorage } from '../office/storage.js';
import { App, type AppProps } from './App.js';
import { SERVER_URL, openWorkbook, serverFetch, startServer } from './testing/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());
afterEach(cleanup);

const outside = { inExcel: false, partitionKey: null, isDarkTheme: null };
const excel = { inExcel: true, partitionKey: 'p1', isDarkTheme: false };

async function props(over: Partial<AppProps> = {}): Promise<AppProps> {
  return {
    host: excel,
    adapter: (await openWorkbook()).adapter,
    store: memoryStorage(),
    baseStore: memoryStorage(),
    defaultServerUrl: SERVER_URL,
    fetchImpl: serverFetch(server),
    ...over,
  };
}

async function signIn(user: string, password: string) {
  const u = userEvent.setup();
  await u.type(screen.getByLabelText(/Nama pengguna/), user);
  await u.type(screen.getByLabelText(/Kata sandi/), password);
  await u.click(screen.getByRole('button', { name: 'Masuk' }));
  return u;
}

describe('App', () => {
  it('outside Excel says politely, in Indonesian, that it must be opened from Excel; the English switch works and is remembered', async () => {
    const store = memoryStorage();
    render(<App {...await props({ host: outside, adapter: null, store })} />);
    expect(screen.getByRole('heading', { name: 'Buka panel ini dari Excel' })).toBeTruthy();
    expect(screen.getByText(/Mohon maaf/)).toBeTruthy();
    expect(screen.queryByLabelText(/Nama pengguna/)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Please open this pane from Excel' })).toBeTruthy();
    expect(store.get('lang')).toBe('en');
    cleanup();
    render(<App {...await props({ host: outside, adapter: null, store })} />);
    expect(screen.getByRole('heading', { name: 'Please open this pane from Excel' })).toBeTruthy();
  });

  it('signs in with the server URL defaulting to the origin, shows the panes, and signs out', async () => {
    const store = memoryStorage();
    render(<App {...await props({ store })} />);
    expect((screen.getByLabelText(/Alamat server/) as HTMLInputElement).value).toBe(SERVER_URL);
    const u = await signIn('ppid', TEST_PASSWORD);
    expect(await screen.findByRole('tab', { name: 'Lembar DIP' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Sinkron' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Riwayat' })).toBeTruthy();
    expect(screen.getByText('ppid (PPID)')).toBeTruthy();
    expect(JSON.parse(store.get('session') ?? '{}')).toMatchObject({ serverUrl: SERVER_URL, user: { username: 'ppid' } });
    await u.click(screen.getByRole('button', { name: 'Keluar' }));
    expect(await screen.findByRole('button', { name: 'Masuk' })).toBeTruthy();
    expect(store.get('session')).toBeNull();
  });

  it('shows the catalogue message for a wrong password, never the raw server text', async () => {
    render(<App {...await props()} />);
    await signIn('ppid', 'salah-sekali-123');
    expect(await screen.findByText('Nama pengguna atau kata sandi salah.')).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('asks to sign in again when the stored token was revoked', async () => {
    const store = memoryStorage();
    store.set('session', JSON.stringify({ serverUrl: SERVER_URL, token: 'dicabut', expiresAt: '2099-01-01T00:00:00Z', user: { id: 1, username: 'ppid', role: 'ppid', unitCode: null } }));
    render(<App {...await props({ store })} />);
    expect(await screen.findByText('Sesi Anda telah berakhir. Silakan masuk kembali.')).toBeTruthy();
    await waitFor(() => expect(store.get('session')).toBeNull());
  });
});
