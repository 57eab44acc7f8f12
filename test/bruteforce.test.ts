/**
 * Brute force against POST /api/auth/login (design: server/src/auth/login-limit.ts). Past the limit an attacker gets
 * 429 with Retry-After, before any password is checked; the lockout ends by itself (and doubles when provoked again);
 * the real user signing in from elsewhere, or from a computer they used before, is not locked out by the attacker.
 * The counters live in Postgres, so two server processes share them.
 *
 * Client addresses come from X-Forwarded-For (TRUST_PROXY_HOPS=1, as behind a reverse proxy); lockouts start at 1 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../server/src/testing/backends.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/src/testing/server.js';
import { freshPostgres, PG_URL, seedStore, type TestStore } from './helpers/database.js';
import { call } from './helpers/http.js';
import { startServer, stopAll, type ServerProcess } from './helpers/server-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Attempt {
  status: number;
  retryAfter: number | null;
  code: string | null;
}

describe.each(testBackends)('login limits on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend, { config: { trustProxyHops: 1, loginLockSeconds: 1 } });
  });
  afterAll(() => s.database.dispose());

  const attempt = async (username: string, password: string, client: string): Promise<Attempt> => {
    const res = await s.request('/api/auth/login', { method: 'POST', headers: { 'x-forwarded-for': client }, json: { username, password } });
    const body = (await res.json()) as { error?: { code: string } };
    return { status: res.status, retryAfter: res.headers.has('retry-after') ? Number(res.headers.get('retry-after')) : null, code: body.error?.code ?? null };
  };
  const guesses = async (n: number, username: string, client: string) => {
    const out: Attempt[] = [];
    for (let i = 0; i < n; i++) out.push(await attempt(username, `tebakan-${i}`, client));
    return out;
  };

  it('an attacker at one address: 5 wrong guesses, then 429 with Retry-After even for the right password', async () => {
    const tries = await guesses(7, 'ppid', '203.0.113.9');
    expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(tries[5]).toMatchObject({ code: 'too_many_login_attempts', retryAfter: 1 });
    expect((await attempt('ppid', TEST_PASSWORD, '203.0.113.9')).status).toBe(429);
  });

  it('meanwhile the real user signs in from their own address', async () => {
    expect((await attempt('ppid', TEST_PASSWORD, '192.168.1.20')).status).toBe(200);
  });

  it('the lockout ends by itself, and the next one lasts twice as long', async () => {
    await sleep(1100);
    expect((await attempt('ppid', TEST_PASSWORD, '203.0.113.9')).status).toBe(200);
    const again = await guesses(6, 'ppid', '203.0.113.9');
    // The success reset this address's count for ppid; its backoff, too: the next lockout is the first again.
    expect(again.map((t) => t.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(again[5]!.retryAfter).toBe(1);
    await sleep(1100);
    const third = await guesses(6, 'ppid', '203.0.113.9');
    expect(third.map((t) => t.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(third[5]!.retryAfter).toBe(2);
  });

  it('an attack spread over many addresses locks new addresses out, never the user’s known computer', async () => {
    expect((await attempt('approver', TEST_PASSWORD, '10.20.30.40')).status).toBe(200);
    const spread: Attempt[] = [];
    for (let i = 0; i < 25; i++) spread.push(await attempt('approver', `tebakan-${i}`, `198.51.100.${i}`));
    expect(spread.slice(0, 20).every((t) => t.status === 401)).toBe(true);
    expect(spread.slice(20).every((t) => t.status === 429 && t.retryAfter !== null && t.retryAfter >= 1)).toBe(true);

    expect((await attempt('approver', TEST_PASSWORD, '10.20.30.40')).status).toBe(200);
    const newPlace = await attempt('approver', TEST_PASSWORD, '172.16.0.5');
    expect(newPlace.status).toBe(429);
    await sleep(newPlace.retryAfter! * 1000 + 100);
    expect((await attempt('approver', TEST_PASSWORD, '172.16.0.5')).status).toBe(200);
  });

  it('an unknown username is limited exactly like a real one (no username discovery)', async () => {
    const real = await guesses(7, 'ppid2', '203.0.113.50');
    const ghost = await guesses(7, 'tidak.ada', '203.0.113.51');
    expect(ghost.map((t) => [t.status, t.code])).toEqual(real.map((t) => [t.status, t.code]));
  });

  it('parallel guesses are counted before they are checked: no more than 5 get through', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('unitA', `paralel-${i}`, '203.0.113.77')));
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(25);
  });
});

describe.skipIf(!PG_URL)('login limits shared by two server processes on Postgres', () => {
  let store: TestStore;
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    store = await freshPostgres(PG_URL!);
    await seedStore(store);
    const env = { TRUST_PROXY_HOPS: '1', LOGIN_LOCK_SECONDS: '1' };
    servers = await Promise.all([startServer({ ...store.server, env }), startServer({ ...store.server, env })]);
  });
  afterAll(async () => {
    await stopAll(servers);
    await store?.dispose();
  });

  it('guesses alternating between the processes share one count and one lockout', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const r = await call(servers[i % 2]!.url, '/api/auth/login', { headers: { 'x-forwarded-for': '203.0.113.200' }, json: { username: 'admin', password: `tebakan-${i}` } });
      statuses.push(r.status);
      retryAfter ??= r.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // The real admin elsewhere is not affected, on either process.
    for (const s of servers) {
      const ok = await call(s.url, '/api/auth/login', { headers: { 'x-forwarded-for': '192.168.7.7' }, json: { username: 'admin', password: TEST_PASSWORD } });
      expect(ok.status).toBe(200);
    }
  });
});
