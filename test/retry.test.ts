/**
 * Retries: a client that did not see its answer sends the same push again with the same Idempotency-Key. Whatever the
 * timing (one after another, all at once, through different server processes), one version comes of it and every
 * reply is the first reply, byte for byte. The same key with another body is refused (422).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../shared/api.js';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { testBackends } from '../server/src/testing/backends.js';
import { startTestServer, type TestServer } from '../server/src/testing/server.js';
import { PG_URL, withDb } from './helpers/database.js';
import { call } from './helpers/http.js';
import { registerProblems } from './helpers/integrity.js';
import { headOf, push } from './helpers/register.js';
import { twoServersOnFreshPostgres } from './helpers/two-servers.js';

interface Answer {
  status: number;
  etag: string | null;
  body: string;
}

describe.each(testBackends)('idempotent push retries in one process on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  const send = async (json: unknown, key: string, headers: Record<string, string>, token = s.tokens.ppid): Promise<Answer> => {
    const res = await s.request('/api/register/versions', { method: 'POST', token, headers: { ...headers, 'idempotency-key': key }, json });
    return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  };
  const head = async () => ((await (await s.request('/api/register', { token: s.tokens.ppid })).json()) as { head: number | null }).head;

  it('the same key 10 times in sequence: one version, ten identical replies', async () => {
    const body = { message: 'versi pertama', rows: sampleRows(50) };
    const answers: Answer[] = [];
    for (let i = 0; i < 10; i++) answers.push(await send(body, 'seq-key-000001', { 'if-none-match': '*' }));
    expect(answers[0]!.status).toBe(201);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await head()).toBe(1);
  });

  it('the same key 10 times at once: one version, ten identical replies', async () => {
    const etag = (await s.request('/api/register', { token: s.tokens.ppid })).headers.get('etag')!;
    const body = { message: 'versi kedua', rows: sampleRows(60) };
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(body, 'par-key-000001', { 'if-match': etag })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((JSON.parse(answers[0]!.body) as PushResponse).version.version).toBe(2);
    expect(await head()).toBe(2);
  });

  it('replays even after the register moved on; another body under the key is 422; keys are per user', async () => {
    const late = await send({ message: 'versi pertama', rows: sampleRows(50) }, 'seq-key-000001', { 'if-none-match': '*' });
    expect(late.status).toBe(201);
    expect((JSON.parse(late.body) as PushResponse).version.version).toBe(1);

    const other = await send({ message: 'versi pertama, diubah', rows: sampleRows(50) }, 'seq-key-000001', { 'if-none-match': '*' });
    expect(other.status).toBe(422);
    expect((JSON.parse(other.body) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');

    // ppid2 never used this key: its push is judged on its own (a stale first-version push).
    const theirs = await send({ message: 'versi pertama', rows: sampleRows(50) }, 'seq-key-000001', { 'if-none-match': '*' }, s.tokens.ppid2);
    expect(theirs.status).toBe(412);
    expect(await head()).toBe(2);
  });
});

describe.skipIf(!PG_URL)('idempotent push retries across two server processes on Postgres', () => {
  const world = twoServersOnFreshPostgres(PG_URL);

  const answer = async (p: ReturnType<typeof push>): Promise<Answer> => {
    const r = await p;
    return { status: r.status, etag: r.headers.get('etag'), body: r.text };
  };

  it('10 in sequence alternating processes, then 10 at once split across them: one version each, identical replies', async () => {
    const [a, b] = world.servers;
    const rows = sampleRows(200);
    const seq: Answer[] = [];
    for (let i = 0; i < 10; i++) seq.push(await answer(push(i % 2 ? b.url : a.url, world.seed.tokens.ppid, rows, { key: 'proc-seq-0001', message: 'v1' })));
    expect(seq[0]!.status).toBe(201);
    expect(new Set(seq.map((x) => JSON.stringify(x))).size).toBe(1);

    const { etag } = await headOf(a.url, world.seed.tokens.ppid);
    const next = sampleRows(200, 500);
    const par = await Promise.all(
      Array.from({ length: 10 }, (_, i) => answer(push(i % 2 ? b.url : a.url, world.seed.tokens.ppid, next, { etag, key: 'proc-par-0001', message: 'v2' }))),
    );
    expect(par.map((x) => x.status)).toEqual(Array(10).fill(201));
    expect(new Set(par.map((x) => JSON.stringify(x))).size).toBe(1);
    expect((await headOf(b.url, world.seed.tokens.ppid)).head).toBe(2);

    for (const server of world.servers) {
      const other = await push(server.url, world.seed.tokens.ppid, next.slice(1), { etag, key: 'proc-par-0001', message: 'v2' });
      expect(other.status).toBe(422);
    }
    const versions = await call<{ versions: unknown[] }>(a.url, '/api/register/versions', { token: world.seed.tokens.ppid });
    expect(versions.json.versions).toHaveLength(2);
    expect(await withDb(world.store, registerProblems)).toEqual([]);
  });
});
