import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, StaleBaseBody, VersionWithRows } from '../../../shared/api.js';
import { canonicalRow, canonicalRowJson } from '../../../shared/canonical.js';
import type { RowDiff } from '../../../shared/diff.js';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { countStoredRows } from './register.repository.js';

describe.each(testBackends)('register on $name', (backend) => {
  let s: TestServer;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = backend.name === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'dip-reg-')) : undefined;
    s = await startTestServer(backend, dataDir ? { dataDir } : {});
  });
  afterAll(async () => {
    await s.database.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const push = (rows: DipRow[], headers: Record<string, string>, token = s.tokens.ppid, message = 'uji') =>
    s.request('/api/register/versions', { method: 'POST', token, headers, json: { message, rows } });
  const head = async () => {
    const res = await s.request('/api/register', { token: s.tokens.ppid });
    return { ...((await res.json()) as { head: number | null; published: number | null }), etag: res.headers.get('etag')! };
  };
  const getVersion = async (ref: string | number) =>
    (await (await s.request(`/api/register/versions/${ref}`, { token: s.tokens.ppid })).json()) as VersionWithRows;

  it('refuses a push without a precondition (428) and changes nothing', async () => {
    const res = await push(sampleRows(2), {});
    expect(res.status).toBe(428);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('precondition_required');
    expect((await head()).head).toBeNull();
  });

  it('pushes the first version, assigning ids, and returns it unchanged', async () => {
    const rows = sampleRows(5);
    const res = await push(rows, { 'If-None-Match': '*', 'Idempotency-Key': 'first-push-0001' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as PushResponse;
    expect(body.version).toMatchObject({ version: 1, parent: null, author: 'ppid', rowCount: 5, state: 'draft' });
    expect(body.ids).toHaveLength(5);
    expect(new Set(body.ids).size).toBe(5);
    expect(body.diff.added).toHaveLength(5);
    expect(Array.isArray(body.issues)).toBe(true);
    expect(res.headers.get('etag')).toBe((await head()).etag);

    const v1 = await getVersion(1);
    expect(v1.rows).toEqual(rows.map((r, i) => canonicalRow({ ...r, id: body.ids[i]! })));
    expect(v1.version.contentHash).toBe(body.version.contentHash);
  });

  it('a second first-version push is stale (412)', async () => {
    const res = await push(sampleRows(1), { 'If-None-Match': '*' });
    expect(res.status).toBe(412);
  });

  it('412 on a stale base carries the diff between base and head; the head does not move', async () => {
    const base = await head();
    const v1 = await getVersion(1);
    const edited = v1.rows.map((r, i) => (i === 0 ? { ...r, title: 'Judul baru oleh PPID 1' } : r));
    const ok = await push(edited, { 'If-Match': base.etag });
    expect(ok.status).toBe(201);

    const theirs = v1.rows.map((r, i) => (i === 1 ? { ...r, summary: 'Ringkasan lain' } : r));
    const res = await push(theirs, { 'If-Match': base.etag }, s.tokens.ppid2);
    expect(res.status).toBe(412);
    const body = (await res.json()) as StaleBaseBody;
    expect(body.error.code).toBe('stale_base');
    expect(body.base).toBe(1);
    expect(body.head).toBe(2);
    expect(body.diff.changed).toEqual([{ id: v1.rows[0]!.id, fields: [{ field: 'title', from: v1.rows[0]!.title, to: 'Judul baru oleh PPID 1' }] }]);
    expect((await head()).head).toBe(2);
  });

  it('replays an idempotent push and refuses the key with another body (422)', async () => {
    const h = await head();
    const rows = (await getVersion('head')).rows.slice(0, 4);
    const headers = { 'If-Match': h.etag, 'Idempotency-Key': 'retry-key-000042' };
    const first = await push(rows, headers);
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const again = await push(rows, headers);
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(firstBody);
    expect((await head()).head).toBe(3);

    const other = await push(rows.slice(0, 2), headers);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
    expect((await head()).head).toBe(3);
  });

  it('lists versions and diffs any two', async () => {
    const list = (await (await s.request('/api/register/versions', { token: s.tokens.approver })).json()) as { versions: { version: number }[] };
    expect(list.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const d = (await (await s.request('/api/register/diff?from=1&to=3', { token: s.tokens.ppid })).json()) as RowDiff;
    expect(d.added).toHaveLength(0);
    expect(d.removed).toHaveLength(1);
    expect(d.changed).toHaveLength(1);
    const missing = await s.request('/api/register/diff?from=1&to=99', { token: s.tokens.ppid });
    expect(missing.status).toBe(404);
  });

  describe('bad input gets a clear error and changes nothing', () => {
    const cases: [string, () => Promise<Response>, number, string][] = [
      ['malformed JSON', () => s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'application/json', 'If-None-Match': '*' }, body: '{"message": "x", "rows": [' }), 400, 'malformed_request'],
      ['not JSON at all', () => s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'text/plain', 'If-None-Match': '*' }, body: 'hello' }), 400, 'unsupported_content_type'],
      ['wrong types', () => push([{ ...sampleRows(1)[0]!, formats: 'hardcopy' } as unknown as DipRow], { 'If-None-Match': '*' }), 422, 'invalid_body'],
      ['unknown field', () => push([{ ...sampleRows(1)[0]!, secret: 1 } as unknown as DipRow], { 'If-None-Match': '*' }), 422, 'invalid_body'],
      ['unknown category', () => push([{ ...sampleRows(1)[0]!, category: 'rahasia' } as unknown as DipRow], { 'If-None-Match': '*' }), 422, 'invalid_body'],
      ['missing message', () => s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'If-None-Match': '*' }, json: { rows: [] } }), 422, 'invalid_body'],
      ['__proto__ key', () => s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'application/json', 'If-None-Match': '*' }, body: '{"message":"x","rows":[],"__proto__":{"admin":true}}' }), 422, 'invalid_body'],
      // Half an emoji: Postgres would have stored U+FFFD in the message without a word.
      ['broken Unicode in the message', () => s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'application/json', 'If-None-Match': '*' }, body: '{"message":"versi \\ud83d","rows":[]}' }), 422, 'invalid_body'],
      ['bad Idempotency-Key', () => push(sampleRows(1), { 'If-None-Match': '*', 'Idempotency-Key': 'x' }), 400, 'invalid_idempotency_key'],
      ['20 MB body', () => s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'application/json', 'If-None-Match': '*' }, body: `{"message":"x","rows":[],"pad":"${'a'.repeat(20 * 1024 * 1024)}"}` }), 413, 'payload_too_large'],
      ['2 MB login body', () => s.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":"${'a'.repeat(2 * 1024 * 1024)}"}` }), 413, 'payload_too_large'],
      ['duplicate row ids', async () => {
        const r = (await getVersion('head')).rows[0]!;
        return push([r, r], { 'If-Match': (await head()).etag });
      }, 422, 'duplicate_row_id'],
    ];
    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await head();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(5);
      expect(await head()).toEqual(before);
    });
  });

  it('a row that fails the schema after earlier batches were stored rolls the whole push back', async () => {
    // Rows are checked while they are stored (by COPY on Postgres): the bad rows come after three batches went in.
    const current = (await getVersion('head')).rows;
    const fresh = sampleRows(1_600);
    const bad = [...current, ...fresh] as unknown[];
    const at = current.length + 1_550;
    bad[at] = { ...fresh[1_550]!, formats: ['faks'] };
    bad[at + 20] = { ...fresh[1_570]!, secret: 1 };
    const before = await head();
    const stored = await countStoredRows(s.db);

    const res = await push(bad as DipRow[], { 'If-Match': before.etag });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid_body');
    expect(body.error.details.map((d) => d.path)).toEqual([`rows.${at}.formats.0`, `rows.${at + 20}`]);
    expect(await head()).toEqual(before);
    expect(await countStoredRows(s.db)).toBe(stored);

    // The connection the COPY was abandoned on is fine afterwards: the same push, corrected, goes through.
    const ok = await push([...current, ...fresh], { 'If-Match': before.etag });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as PushResponse).diff.added).toHaveLength(1_600);
    expect((await countStoredRows(s.db)) - stored).toBe(1_600);
  });

  it('authorises per role: 401 without or with a bad token, 403 for roles that may not', async () => {
    expect((await s.request('/api/register')).status).toBe(401);
    expect((await s.request('/api/register', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await s.request('/api/register', { token: s.tokens.unitA })).status).toBe(403);
    expect((await s.request('/api/register', { token: s.tokens.approver })).status).toBe(200);
    const pushAsApprover = await push(sampleRows(1), { 'If-Match': (await head()).etag }, s.tokens.approver);
    expect(pushAsApprover.status).toBe(403);
    expect((await s.request('/api/users', { token: s.tokens.ppid })).status).toBe(403);
    expect((await s.request('/api/users', { token: s.tokens.admin })).status).toBe(200);
  });

  it('verifies a stored version and the audit chain', async () => {
    const v = (await (await s.request('/api/register/versions/head/verify', { token: s.tokens.approver })).json()) as { ok: boolean };
    expect(v.ok).toBe(true);
    const a = (await (await s.request('/api/audit/verify', { token: s.tokens.admin })).json()) as { ok: boolean; entries: number };
    expect(a.ok).toBe(true);
    expect(a.entries).toBeGreaterThan(3);
  });

  it('stores a row the same however it is written (canonical as the task pane sends it, spaced, escaped, a key twice)', async () => {
    const [a, b, c, d] = sampleRows(4, 900).map((r) => ({ ...r, summary: `${r.summary}\n"kutipan" C:\\arsip` }));
    const rowsText = [
      canonicalRowJson(a!),
      JSON.stringify(JSON.parse(canonicalRowJson(b!)), null, 2),
      canonicalRowJson(c!).replace('"title":', '"title":"judul lama","title":'),
      canonicalRowJson(d!).replace(/\//g, '\\/'),
    ];
    const text = `{"message":"ditulis beragam","rows":[${rowsText.join(',')}]}`;
    const res = await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'application/json', 'If-Match': (await head()).etag }, body: text });
    expect(res.status).toBe(201);
    const { ids, version } = (await res.json()) as PushResponse;
    const sent = (JSON.parse(text) as { rows: DipRow[] }).rows;
    const byId = new Map((await getVersion(version.version)).rows.map((r) => [r.id, r]));
    sent.forEach((r, i) => expect(byId.get(ids[i]!)).toEqual(canonicalRow({ ...r, id: ids[i]! })));
    // Every stored body is canonical and hashes to its stored hash.
    const verified = (await (await s.request(`/api/register/versions/${version.version}/verify`, { token: s.tokens.approver })).json()) as { ok: boolean };
    expect(verified.ok).toBe(true);
  });

  it('round-trips 10,000 rows unchanged, and a 10-row edit stores ~10 new rows', async () => {
    const big = sampleRows(10_000, 100);
    const res = await push(big, { 'If-Match': (await head()).etag }, s.tokens.ppid, 'besar');
    expect(res.status).toBe(201);
    const { ids, version } = (await res.json()) as PushResponse;
    const stored = await getVersion(version.version);
    const byId = new Map(stored.rows.map((r) => [r.id, r]));
    expect(stored.rows).toHaveLength(10_000);
    big.forEach((r, i) => expect(byId.get(ids[i]!)).toEqual(canonicalRow({ ...r, id: ids[i]! })));

    // Pushing the same rows back stores nothing new.
    const before = await countStoredRows(s.db);
    const same = await push(stored.rows, { 'If-Match': (await head()).etag });
    expect(same.status).toBe(201);
    expect((await same.json()) as PushResponse).toMatchObject({ diff: { added: [], changed: [], removed: [] } });
    expect(await countStoredRows(s.db)).toBe(before);

    const edited: StoredDipRow[] = stored.rows.map((r, i) => (i % 1000 === 0 ? { ...r, notes: `catatan ${i}` } : r));
    const e = await push(edited, { 'If-Match': (await head()).etag });
    expect(((await e.json()) as PushResponse).diff.changed).toHaveLength(10);
    expect((await countStoredRows(s.db)) - before).toBe(10);
  });

  it('keeps its data across a restart, and a revoked token stays revoked', async () => {
    const before = await head();
    await s.restart();
    expect(await head()).toEqual(before);
    const out = await s.request('/api/auth/logout', { method: 'POST', token: s.tokens.ppid2 });
    expect(out.status).toBe(200);
    expect((await s.request('/api/me', { token: s.tokens.ppid2 })).status).toBe(401);
  });
});
