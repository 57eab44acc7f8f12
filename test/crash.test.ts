/**
 * Crashes in the middle of a 10,000-row push. The server process is SIGKILLed (while the rows are being COPYed, and at
 * random moments after the body was sent), restarted, and the client retries with the same Idempotency-Key; then
 * Postgres itself is restarted while a push is being written. Every time: exactly one complete version comes of the
 * push, nothing partial is left, every version verifies and the audit chain holds. The server survives the Postgres
 * restart and serves the next request.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../shared/api.js';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { freshPostgres, PG_URL, seedStore, withDb, type Seed, type TestStore } from './helpers/database.js';
import { call, rawRequest, type RawReply } from './helpers/http.js';
import { registerProblems } from './helpers/integrity.js';
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from './helpers/private-postgres.js';
import { headOf, push } from './helpers/register.js';
import { startServer, stopAll, type ServerProcess } from './helpers/server-process.js';

const ROWS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pushBody = (from: number) => Buffer.from(JSON.stringify({ message: `dorongan besar ${from}`, rows: sampleRows(ROWS, from) }));

/** A push whose reply may never come (the server dies): `sent` resolves once the whole body is out. */
function startPush(port: number, token: string, body: Buffer, key: string, etag: string | undefined) {
  let markSent!: () => void;
  const sent = new Promise<void>((r) => (markSent = r));
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key };
  if (etag && etag !== '"empty"') headers['if-match'] = etag;
  else headers['if-none-match'] = '*';
  const reply: Promise<RawReply | Error> = rawRequest(port, { path: '/api/register/versions', headers, chunks: [body], onSent: markSent, timeoutMs: 60_000 }).catch(
    (e: Error) => e,
  );
  return { sent, reply, headers };
}

/** Polls pg_stat_activity until a statement of `dbName` starting with `prefix` is running. */
async function waitForStatement(url: string, dbName: string, prefix: string, timeoutMs = 20_000): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const r = await c.query(`select 1 from pg_stat_activity where datname = $1 and state = 'active' and query ilike $2`, [dbName, `${prefix}%`]);
      if (r.rowCount) return true;
      await sleep(1);
    }
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const dbNameOf = (store: TestStore) => new URL(store.server.databaseUrl!).pathname.slice(1);

async function expectOneCompleteVersion(base: string, token: string, reply: RawReply, expectedVersion: number) {
  expect(reply.status, reply.body.slice(0, 300)).toBe(201);
  const body = JSON.parse(reply.body) as PushResponse;
  expect(body.version).toMatchObject({ version: expectedVersion, rowCount: ROWS });
  expect((await headOf(base, token)).head).toBe(expectedVersion);
  const verify = await call<{ ok: boolean; rowCount: number }>(base, `/api/register/versions/${expectedVersion}/verify`, { token });
  expect(verify.json).toMatchObject({ ok: true, rowCount: ROWS });
}

describe.skipIf(!PG_URL)('a server process SIGKILLed in the middle of a 10,000-row push', () => {
  let store: TestStore;
  let seed: Seed;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    store = await freshPostgres(PG_URL!);
    seed = await seedStore(store);
    server = await startServer(store.server);
  });
  afterAll(async () => {
    await stopAll([server]);
    await store?.dispose();
  });

  // One kill while the rows are being COPYed, three at random moments after the body was sent (logged, to replay).
  const moments: ('copy' | number)[] = ['copy', ...Array.from({ length: Number(process.env.CRASH_RANDOM_KILLS ?? 3) }, () => Math.floor(Math.random() * 1500))];

  it(`retrying with the same key after each kill (${moments.join(', ')} ms) gives exactly one complete version`, async () => {
    const token = seed.tokens.ppid;
    for (const [i, moment] of moments.entries()) {
      const before = await headOf(server!.url, token);
      const body = pushBody(i * ROWS);
      const key = `crash-${i}-${Date.now()}`;
      const attempt = startPush(server!.port, token, body, key, before.etag);
      await attempt.sent;
      if (moment === 'copy') expect(await waitForStatement(PG_URL!, dbNameOf(store), 'copy register_rows')).toBe(true);
      else await sleep(moment);
      await server!.kill('SIGKILL');
      const cut = await attempt.reply;

      const committed = await withDb(store, async (db) => (await db.selectFrom('register').select('head').executeTakeFirstOrThrow()).head);
      // Killed mid-COPY, the transaction cannot have committed: the retry below must create the version itself.
      if (moment === 'copy') {
        expect(cut).toBeInstanceOf(Error);
        expect(committed).toBe(before.head);
      }
      server = await startServer({ ...store.server, port: server!.port });
      const retry = await rawRequest(server.port, { path: '/api/register/versions', headers: attempt.headers, chunks: [body], timeoutMs: 60_000 });
      await expectOneCompleteVersion(server.url, token, retry, (before.head ?? 0) + 1);
      // Had the first attempt answered, the retry's answer is that same answer.
      if (!(cut instanceof Error) && cut.status === 201) expect(retry.body).toBe(cut.body);
    }
    expect(await withDb(store, registerProblems)).toEqual([]);
  }, 300_000);
});

const noPrivatePostgres = privatePostgresUnavailable();

describe.skipIf(noPrivatePostgres !== undefined)(`Postgres restarted in the middle of a push${noPrivatePostgres ? ` — not run here: ${noPrivatePostgres}` : ''}`, () => {
  let cluster: PrivatePostgres | undefined;
  let store: TestStore;
  let seed: Seed;
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    store = await freshPostgres(cluster.url);
    seed = await seedStore(store);
    servers = await Promise.all([startServer(store.server), startServer(store.server)]);
  });
  afterAll(async () => {
    await stopAll(servers);
    try {
      await store?.dispose();
    } finally {
      cluster?.destroy();
    }
  });

  it('the push fails cleanly, both server processes live on, and the retry gives exactly one complete version', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const token = seed.tokens.ppid;
    expect((await push(a.url, token, sampleRows(100))).status).toBe(201);
    // Both pools hold idle connections that the restart will cut.
    for (const s of servers) expect((await call(s.url, '/api/register/versions', { token })).status).toBe(200);

    const before = await headOf(a.url, token);
    const body = pushBody(0);
    const attempt = startPush(a.port, token, body, `pg-restart-${Date.now()}`, before.etag);
    await attempt.sent;
    expect(await waitForStatement(cluster!.url, dbNameOf(store), 'copy register_rows')).toBe(true);
    cluster!.restart();

    const failed = await attempt.reply;
    expect(failed, `the server must answer, not die:\n${a.output()}`).not.toBeInstanceOf(Error);
    const answer = failed as RawReply;
    expect(answer.status, answer.body).toBe(503);
    expect(answer.headers['retry-after']).toBeDefined();
    expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('database_unavailable');

    await sleep(200);
    for (const s of servers) {
      expect(await Promise.race([s.exited.then(() => 'exited'), sleep(50).then(() => 'alive')]), s.output()).toBe('alive');
      expect((await call(s.url, '/healthz')).status).toBe(200);
      expect((await call(s.url, '/api/register', { token })).status).toBe(200);
    }

    const retry = await rawRequest(b.port, { path: '/api/register/versions', headers: attempt.headers, chunks: [body], timeoutMs: 60_000 });
    await expectOneCompleteVersion(b.url, token, retry, before.head! + 1);
    expect(await withDb(store, registerProblems)).toEqual([]);
  }, 180_000);
});
