import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushRequestJson, type PushResponse, type VersionWithRows } from '../../../shared/api.js';
import { canonicalRow } from '../../../shared/canonical.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { countStoredRows } from '../register/register.repository.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

/** gzip both ways on the API (http/encoding.ts): what a slow office line gains, without changing what is stored. */
describe.each(testBackends)('compressed API bodies on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  const push = (body: string | Uint8Array, headers: Record<string, string>) =>
    s.request('/api/register/versions', {
      method: 'POST',
      token: s.tokens.ppid,
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const head = async () => {
    const res = await s.request('/api/register', { token: s.tokens.ppid });
    return { etag: res.headers.get('etag')!, head: ((await res.json()) as { head: number | null }).head };
  };
  /** Every write refused below must leave this as it was. */
  const state = async () => ({ ...(await head()), stored: await countStoredRows(s.db) });

  it('stores a push sent as gzip exactly as the same push sent plain, and a retry sent plain is its replay', async () => {
    const json = pushRequestJson({ message: 'versi gzip', rows: sampleRows(200) });
    const gz = gzipSync(json);
    expect(gz.length).toBeLessThan(json.length / 3);
    const first = await push(gz, { 'content-encoding': 'gzip', 'if-none-match': '*', 'idempotency-key': 'gzip-push-1' });
    expect(first.status).toBe(201);
    const answer = await first.text();
    // The same body, uncompressed, under the same key: the same request, so the first answer comes back.
    const retry = await push(json, { 'if-none-match': '*', 'idempotency-key': 'gzip-push-1' });
    expect([retry.status, await retry.text()]).toEqual([201, answer]);

    const version = (JSON.parse(answer) as PushResponse).version;
    const stored = (await (await s.request(`/api/register/versions/${version.version}`, { token: s.tokens.ppid })).json()) as VersionWithRows;
    expect(stored.rows.map(({ id: _id, ...r }) => r)).toEqual(sampleRows(200).map(canonicalRow));
    const verify = (await (await s.request(`/api/register/versions/${version.version}/verify`, { token: s.tokens.ppid })).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
  });

  it('compresses a response for a client that asks, and takes its weakened ETag back for If-Match and If-None-Match', async () => {
    const plain = await s.request('/api/register/versions/head', { token: s.tokens.ppid });
    const plainBody = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    const gz = await s.request('/api/register/versions/head', { token: s.tokens.ppid, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    const wire = Buffer.from(await gz.arrayBuffer());
    expect(wire.length).toBeLessThan(plainBody.length / 3);
    // The length sent is the compressed body's: a stale one leaves a client waiting for bytes that never come.
    expect(Number(gz.headers.get('content-length'))).toBe(wire.length);
    expect(gunzipSync(wire).equals(plainBody)).toBe(true);

    const weak = gz.headers.get('etag')!;
    expect(weak).toBe(`W/${plain.headers.get('etag')}`);
    const again = await s.request('/api/register/versions/head', { token: s.tokens.ppid, headers: { 'accept-encoding': 'gzip', 'if-none-match': weak } });
    expect(again.status).toBe(304);
    const next = await push(pushRequestJson({ message: 'dasar dari ETag lemah', rows: sampleRows(3) }), { 'if-match': weak });
    expect(next.status).toBe(201);
  });

  it('refuses a gzip bomb with 413 once decoding passes the largest cap, and a small route\'s own cap applies to the decoded size', async () => {
    const before = await state();
    // ~17 MB of JSON-looking text that gzips to a few KB: past the 16 MB push cap once decoded.
    const bomb = gzipSync(`{"message":"bom","rows":["${' '.repeat(17 * 1024 * 1024)}"]}`);
    expect(bomb.length).toBeLessThan(100_000);
    const res = await push(bomb, { 'content-encoding': 'gzip', 'if-match': before.etag });
    expect([res.status, await errorCode(res)]).toEqual([413, 'payload_too_large']);
    // Without a sign-in the body is never read, let alone inflated: the refusal is the 401.
    const anonymous = await s.request('/api/register/versions', {
      method: 'POST',
      body: new Uint8Array(bomb),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'if-match': before.etag },
    });
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([401, 'unauthorized']);

    // 2 MB once decoded: within the push cap, but over the 1 MB every other route has.
    const unit = gzipSync(JSON.stringify({ code: 'BIG', name: 'x'.repeat(2 * 1024 * 1024) }));
    const units = await s.request('/api/units', { method: 'POST', token: s.tokens.admin, body: new Uint8Array(unit), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect([units.status, await errorCode(units)]).toEqual([413, 'payload_too_large']);
    expect(await state()).toEqual(before);
  });

  it('says what is wrong with a broken gzip body (400) or another coding (415), and changes nothing', async () => {
    const before = await state();
    const json = pushRequestJson({ message: 'rusak', rows: sampleRows(5) });
    const cut = gzipSync(json).subarray(0, 40);
    const broken = await push(cut, { 'content-encoding': 'gzip', 'if-match': before.etag });
    expect([broken.status, await errorCode(broken)]).toEqual([400, 'malformed_request']);
    const notGzip = await push(json, { 'content-encoding': 'gzip', 'if-match': before.etag });
    expect([notGzip.status, await errorCode(notGzip)]).toEqual([400, 'malformed_request']);
    const br = await push(json, { 'content-encoding': 'br', 'if-match': before.etag });
    const body = (await br.json()) as { error: { code: string; message: string } };
    expect([br.status, body.error.code]).toEqual([415, 'unsupported_content_encoding']);
    expect(body.error.message).toContain('gzip');
    expect(await state()).toEqual(before);
  });
});
