import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, VersionWithRows } from '../../../shared/api.js';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { countStoredRows } from './register.repository.js';

describe.each(testBackends)('register keeps the sheet order on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  const pushed: string[][] = [];
  async function push(rows: DipRow[], etag: string | null): Promise<{ etag: string; ids: string[] }> {
    const res = await s.request('/api/register/versions', {
      method: 'POST',
      token: s.tokens.ppid,
      headers: etag ? { 'If-Match': etag } : { 'If-None-Match': '*' },
      json: { message: 'urutan', rows },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as PushResponse;
    pushed.push(body.ids);
    return { etag: res.headers.get('etag')!, ids: body.ids };
  }
  const head = async () => ((await (await s.request('/api/register/versions/head', { token: s.tokens.ppid })).json()) as VersionWithRows).rows;

  it('returns rows in the order pushed across inserts, appends, deletions and edits', async () => {
    let { etag } = await push(sampleRows(20), null);
    let rows: (DipRow | StoredDipRow)[] = await head();
    expect(rows.map((r) => r.id)).toEqual(pushed[0]);

    const fresh = sampleRows(6, 1000);
    // Delete the first three and one in the middle, insert in three places, edit one, append two.
    rows = [fresh[0]!, ...rows.slice(3, 9), fresh[1]!, fresh[2]!, ...rows.slice(10, 15), { ...rows[15]!, title: 'Judul diubah' }, fresh[3]!, ...rows.slice(16), fresh[4]!, fresh[5]!];
    ({ etag } = await push(rows, etag));
    expect((await head()).map((r) => r.id)).toEqual(pushed[1]);

    // And again on top, inserting next to rows placed by the previous push.
    const now = await head();
    const more = sampleRows(2, 2000);
    await push([now[0]!, more[0]!, ...now.slice(1, 8), more[1]!, ...now.slice(8)], etag);
    expect((await head()).map((r) => r.id)).toEqual(pushed[2]);
  });

  it('follows a re-sort: the rows come back sorted, no content change is reported, only moved rows are stored again', async () => {
    const now = await head();
    const etag = (await s.request('/api/register', { token: s.tokens.ppid })).headers.get('etag')!;
    const stored = await countStoredRows(s.db);

    // One row cut and pasted to the top: one row stored again.
    const cut = [now[5]!, ...now.slice(0, 5), ...now.slice(6)];
    const res = await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'If-Match': etag }, json: { message: 'pindah satu', rows: cut } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as PushResponse;
    expect(body.diff).toEqual({ added: [], changed: [], removed: [] });
    expect((await head()).map((r) => r.id)).toEqual(cut.map((r) => r.id));
    expect((await countStoredRows(s.db)) - stored).toBe(1);

    // Sorted by title, as a PPID sorts the sheet: the order read back is the sorted one, contents and hash unchanged.
    const byTitle = [...cut].sort((a, b) => a.title.localeCompare(b.title, 'id') || (a.id < b.id ? -1 : 1));
    const again = await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'If-Match': res.headers.get('etag')! }, json: { message: 'urut judul', rows: byTitle } });
    expect(again.status).toBe(201);
    const v = (await again.json()) as PushResponse;
    expect(v.diff).toEqual({ added: [], changed: [], removed: [] });
    expect(v.version.contentHash).toBe(body.version.contentHash);
    expect((await head()).map((r) => r.id)).toEqual(byTitle.map((r) => r.id));
  });
});
