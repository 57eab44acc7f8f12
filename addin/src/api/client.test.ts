import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../server/src/testing/server.js';
import { TEST_PASSWORD } from '../../../server/src/testing/server.js';
import { pushRequestJson } from '../../../shared/api.js';
import { canonicalRow } from '../../../shared/canonical.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { CATALOGUES } from '../i18n/index.js';
import { errorText } from '../i18n/errorText.js';
import { SERVER_URL, apiFor, serverFetch, startServer } from '../ui/testing/harness.js';
import { ApiClient, newIdempotencyKey } from './client.js';
import { ApiError, NetworkError, StaleBaseError } from './errors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());

describe('ApiClient against the real server', () => {
  it('signs in, reads /api/me and signs out (the token stops working)', async () => {
    const anon = new ApiClient({ baseUrl: `${SERVER_URL}/`, fetch: serverFetch(server) });
    const login = await anon.login('ppid', TEST_PASSWORD);
    expect(login.user).toMatchObject({ username: 'ppid', role: 'ppid' });
    const api = anon.withToken(login.token);
    expect((await api.me()).username).toBe('ppid');
    await api.logout();
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('turns a refused sign-in into a coded error with an Indonesian message from the catalogue', async () => {
    const anon = new ApiClient({ baseUrl: SERVER_URL, fetch: serverFetch(server) });
    const err = await anon.login('ppid', 'salah-sekali-123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid_credentials');
    expect(errorText(CATALOGUES.id, err)).toBe('Nama pengguna atau kata sandi salah.');
    expect(errorText(CATALOGUES.en, err)).toBe('Wrong username or password.');
  });

  it('pushes the first version with If-None-Match, then a second with the ETag, and gets 412 with the diff on a stale base', async () => {
    const ppid = apiFor(server, 'ppid');
    expect((await ppid.register()).data.head).toBeNull();
    const first = await ppid.push({ message: 'v1', rows: sampleRows(3) }, { firstVersion: true }, newIdempotencyKey());
    expect(first.data.version.version).toBe(1);
    expect(first.data.ids).toHaveLength(3);
    const reg = await ppid.register();
    expect(reg.data.head).toBe(1);
    expect(reg.etag).toBe(first.etag);

    const v1 = await ppid.version(1);
    expect(v1.etag).toBe(first.etag);
    const rows = v1.data.rows.map((r, i) => (i === 0 ? { ...r, title: 'Diubah' } : r));
    const second = await ppid.push({ message: 'v2', rows }, { ifMatch: v1.etag! }, newIdempotencyKey());
    expect(second.data.diff.changed).toHaveLength(1);

    const stale = await ppid.push({ message: 'v3', rows: v1.data.rows }, { ifMatch: v1.etag! }, newIdempotencyKey()).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleBaseError);
    const body = (stale as StaleBaseError).body;
    expect(body).toMatchObject({ base: 1, head: 2 });
    expect(body.diff.changed.map((c) => c.id)).toEqual([rows[0]!.id]);

    const d = await ppid.diff(1, 2);
    expect(d.changed[0]!.fields).toMatchObject([{ field: 'title', to: 'Diubah' }]);
    expect((await ppid.versions()).map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('replays the first answer for a retried push with the same Idempotency-Key', async () => {
    const ppid = apiFor(server, 'ppid');
    const head = await ppid.version('head');
    const key = newIdempotencyKey();
    const body = { message: 'retry', rows: head.data.rows.slice(1) };
    const a = await ppid.push(body, { ifMatch: head.etag! }, key);
    const b = await ppid.push(body, { ifMatch: head.etag! }, key);
    expect(b.data.version.version).toBe(a.data.version.version);
  });

  it('reports an unreachable server as a network error, with its own message', async () => {
    const api = new ApiClient({ baseUrl: 'http://elsewhere.test', fetch: serverFetch(server) });
    const err = await api.register().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(errorText(CATALOGUES.id, err)).toMatch(/^Server tidak dapat dihubungi/);
  });

  it('maps a role refusal to the forbidden message', async () => {
    const err = await apiFor(server, 'unitA').register().catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, code: 'forbidden' });
    expect(errorText(CATALOGUES.id, err)).toBe('Peran Anda tidak diizinkan melakukan ini.');
  });

  describe('compressed bodies', () => {
    /** The real server's fetch, noting what each request carried; `recode` may rename its content coding on the way. */
    function observed(recode?: (coding: string) => string) {
      const sent: { encoding: string | null; bytes: number }[] = [];
      const real = serverFetch(server);
      const fetchImpl: typeof fetch = async (input, init) => {
        const headers = new Headers(init?.headers);
        const body = init?.body;
        sent.push({ encoding: headers.get('content-encoding'), bytes: body == null ? 0 : typeof body === 'string' ? new TextEncoder().encode(body).length : (body as ArrayBuffer).byteLength });
        const coding = headers.get('content-encoding');
        if (coding && recode) headers.set('content-encoding', recode(coding));
        return real(input, { ...init, headers });
      };
      return { sent, api: new ApiClient({ baseUrl: SERVER_URL, token: server.tokens.ppid, fetch: fetchImpl }) };
    }

    it('sends a large push gzip-compressed, and the server stores the rows as sent', async () => {
      const { sent, api } = observed();
      const base = await api.register();
      const rows = sampleRows(600, 7000);
      const pushed = await api.push({ message: 'terkompresi', rows }, { ifMatch: base.etag! }, newIdempotencyKey());
      const plainBytes = new TextEncoder().encode(pushRequestJson({ message: 'terkompresi', rows })).length;
      const push = sent.at(-1)!;
      expect(push.encoding).toBe('gzip');
      expect(push.bytes).toBeLessThan(plainBytes / 3);
      const stored = (await api.version(pushed.data.version.version)).data.rows;
      expect(stored.slice(-600).map(({ id: _id, ...r }) => r)).toEqual(rows.map(canonicalRow));
      // Small bodies (the reads, a sign-in) go as they are.
      expect(sent.slice(0, 1)).toEqual([{ encoding: null, bytes: 0 }]);
    });

    it('sends the body as it is when the server does not take gzip (415)', async () => {
      // As if the server (or a proxy in front of it) knew no gzip: the real server refuses the coding it is given.
      const { sent, api } = observed(() => 'x-unknown');
      const base = await api.register();
      const pushed = await api.push({ message: 'tanpa gzip', rows: sampleRows(600, 8000) }, { ifMatch: base.etag! }, newIdempotencyKey());
      expect(pushed.data.version.rowCount).toBeGreaterThanOrEqual(600);
      expect(sent.slice(-2).map((r) => r.encoding)).toEqual(['gzip', null]);
    });
  });
});
