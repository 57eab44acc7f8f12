/**
 * Hostile input. In process (app.request, for speed): 10,000 generated requests across every write endpoint of the
 * route table — broken bodies, `__proto__`/`constructor` keys, deep nesting, odd content types, garbage uploads,
 * hostile path parameters and headers. Never a 5xx, every refusal in the error contract, no prototype pollution, and
 * the register and audit chain still verify. Over real HTTP to a real server process (transport-level cases):
 * oversized bodies with Content-Length and chunked → 413, deep nesting and malformed uploads → 4xx, memory (RSS)
 * stays bounded through a burst of big bodies, and the server keeps serving.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../server/src/audit/audit.service.js';
import { zipBomb } from '../server/src/rounds/upload/hostile-files.js';
import { testBackends } from '../server/src/testing/backends.js';
import { freshStore, seedStore, type Seed, type TestStore } from './helpers/database.js';
import { call, rawRequest } from './helpers/http.js';
import { hostileBody, hostileHeader, hostileParam, type HostileBody } from './helpers/hostile-bodies.js';
import { registerProblems } from './helpers/integrity.js';
import { ROUTES, type RouteSpec } from './helpers/routes.js';
import { startServer, stopAll, type ServerProcess } from './helpers/server-process.js';
import { buildWorld, type World } from './helpers/world.js';

// 10,000 requests in all, shared between the backends present (PGlite always, Postgres when DATABASE_URL is set).
const RUNS = Math.ceil(Number(process.env.HOSTILE_RUNS ?? 10_000) / testBackends.length);
const WRITES = Object.entries(ROUTES).filter(([key]) => !key.startsWith('GET '));
const PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTOTYPE_BEFORE = Object.getOwnPropertyNames(Array.prototype).sort();
const USER_OF = { admin: 'admin', ppid: 'ppid', approver: 'approver', unit: 'unitA' } as const;

interface Case {
  key: string;
  params: string[];
  body: HostileBody | null;
  idempotencyKey: string | null;
  ifMatch: string | null;
  /** A Content-Encoding header, and whether a text body is really compressed with gzip (else it is sent as is). */
  encoding: { coding: string; compress: boolean } | null;
}

function tokenFor(w: World, key: string, spec: RouteSpec): string | undefined {
  // Logout would revoke the token the rest of the run needs: it gets a made-up one (its body is not read anyway).
  if (spec.access === 'public' || spec.spendsToken) return spec.spendsToken ? 'x'.repeat(43) : undefined;
  return w.s.tokens[USER_OF[spec.access[0]!]] ?? (() => { throw new Error(`no token for ${key}`); })();
}

function caseArbitrary(w: World): fc.Arbitrary<Case> {
  const real: Record<string, string> = { ':ref': String(w.draft), ':id': String(w.roundId), ':sid': String(w.submissions.UA) };
  return fc.constantFrom(...WRITES).chain(([key, spec]) => {
    const names = key.match(/:[a-z]+/g) ?? [];
    return fc.record({
      key: fc.constant(key),
      params: fc.tuple(...names.map((n) => hostileParam(real[n]!))) as fc.Arbitrary<string[]>,
      body: spec.sample || key.endsWith('/submissions') || key.endsWith('/import') ? hostileBody(spec.sample?.(w)) : fc.option(hostileBody(undefined), { freq: 4 }),
      idempotencyKey: fc.option(hostileHeader),
      ifMatch: fc.option(hostileHeader),
      encoding: fc.option(fc.record({ coding: fc.constantFrom('gzip', 'GZIP', 'x-gzip', 'identity', 'br', 'deflate', 'gzip, gzip', ''), compress: fc.boolean() }), { freq: 4 }),
    });
  });
}

function requestOf(w: World, c: Case): { path: string; init: RequestInit } {
  const [method, pattern] = c.key.split(' ') as [string, string];
  let i = 0;
  const path = pattern.replace(/:[a-z]+/g, () => c.params[i++]!);
  const headers = new Headers();
  const token = tokenFor(w, c.key, ROUTES[c.key]!);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (c.idempotencyKey !== null) headers.set('idempotency-key', c.idempotencyKey);
  if (c.ifMatch !== null) headers.set('if-match', c.ifMatch);
  let body: BodyInit | null = null;
  if (c.encoding !== null) headers.set('content-encoding', c.encoding.coding);
  if (c.body?.kind === 'text') {
    body = c.encoding?.compress ? new Uint8Array(gzipSync(c.body.text)) : c.body.text;
    if (c.body.contentType !== null) headers.set('content-type', c.body.contentType);
  } else if (c.body?.kind === 'form') {
    const form = new FormData();
    for (const p of c.body.parts) form.append(p.field, new Blob([new Uint8Array(p.bytes)]), p.name);
    body = form;
  }
  return { path, init: { method, headers, body } };
}

/** The error contract: JSON `{ error: { code, message } }`, no stack trace. Returns what is wrong, or null. */
function contractBreach(status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `status ${status}`;
  if (/\bat .+\.(ts|js):\d+/.test(text)) return 'a stack trace in the body';
  if (status < 400) return null;
  if (!contentType.includes('application/json')) return `error with content-type ${contentType}`;
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof e?.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code) || typeof e.message !== 'string') return 'error body without code/message';
  } catch {
    return 'error body is not JSON';
  }
  return null;
}

describe.each(testBackends)('hostile requests in process on $name', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.s.database.dispose());

  it(`${RUNS} generated requests across ${WRITES.length} write endpoints: no 5xx, every refusal in the error contract`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(caseArbitrary(w), async (c) => {
        const { path, init } = requestOf(w, c);
        const res = await w.s.app.request(path, init);
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const breach = contractBreach(res.status, res.headers.get('content-type') ?? '', text);
        if (breach) throw new Error(`${init.method} ${path}: ${breach}: ${text.slice(0, 300)}`);
      }),
      { numRuns: RUNS },
    );
    // The run reached past the permission checks and the parsers, not only into 401s and 400s.
    expect([...statuses.keys()].filter((s) => s !== 400 && s !== 401 && s !== 422).length).toBeGreaterThan(2);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(RUNS / 10);
  }, 900_000);

  it('left no prototype polluted, and the register and the audit chain still verify', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_BEFORE);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTOTYPE_BEFORE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await registerProblems(w.s.db)).toEqual([]);
    expect((await verifyAuditChain(w.s.db)).ok).toBe(true);
    const head = await w.s.request('/api/register', { token: w.s.tokens.ppid });
    expect(head.status).toBe(200);
  });
});

const MB = 1024 * 1024;
/** `size` bytes of a JSON body that is well-formed apart from being too big, in 64 KB chunks. */
function bigBody(size: number): Buffer[] {
  const head = Buffer.from('{"message":"');
  const tail = Buffer.from('"}');
  const filler = Math.max(0, size - head.length - tail.length);
  const chunks = [head];
  for (let left = filler; left > 0; left -= 64 * 1024) chunks.push(Buffer.alloc(Math.min(64 * 1024, left), 0x61));
  chunks.push(tail);
  return chunks;
}

/** A multipart body with one file part (`closing` false: cut off before the final boundary). */
function multipart(fileName: string, bytes: Buffer, closing = true): { chunks: Buffer[]; type: string } {
  const b = 'dipboundary7';
  const head = Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { chunks: [head, bytes, Buffer.from(closing ? `\r\n--${b}--\r\n` : '\r\n--')], type: `multipart/form-data; boundary=${b}` };
}

describe('hostile transport against a real server process', () => {
  let store: TestStore;
  let seed: Seed;
  let server: ServerProcess | undefined;
  let roundId = 0;
  beforeAll(async () => {
    store = await freshStore();
    seed = await seedStore(store);
    server = await startServer(store.server);
    const round = await call<{ id: number }>(server.url, '/api/rounds', {
      token: seed.tokens.ppid,
      json: { title: 'Putaran uji', dueDate: '2099-12-31', unitCodes: ['UA'] },
    });
    roundId = round.json.id;
  });
  afterAll(async () => {
    await stopAll([server]);
    await store?.dispose();
  });

  const send = (path: string, user: keyof Seed['tokens'] | null, chunks: Buffer[], opts: { chunked?: boolean; type?: string } = {}) =>
    rawRequest(server!.port, {
      path,
      chunks,
      chunked: opts.chunked ?? false,
      headers: { 'content-type': opts.type ?? 'application/json', ...(user ? { authorization: `Bearer ${seed.tokens[user]}` } : {}) },
      timeoutMs: 60_000,
    });

  it.each([
    ['login, no token', '/api/auth/login', null, 5 * 1024],
    ['units, admin', '/api/units', 'admin', 2 * MB],
    ['push, ppid', '/api/register/versions', 'ppid', 17 * MB],
    ['submission, unit', '/api/rounds/1/submissions', 'unitA', 11 * MB],
    ['import, ppid', '/api/import', 'ppid', 11 * MB],
  ] as const)('oversized body (%s) → 413, by Content-Length and chunked', async (_name, path, user, size) => {
    for (const chunked of [false, true]) {
      const res = await send(path.replace('/1/', `/${roundId}/`), user, bigBody(size), { chunked });
      expect(res.status, `${chunked ? 'chunked' : 'content-length'}: ${res.body.slice(0, 200)}`).toBe(413);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('payload_too_large');
    }
  });

  it('deep nesting, broken JSON and malformed uploads over the wire get a 4xx', async () => {
    const deepArray = (n: number) => [Buffer.from('['.repeat(n)), Buffer.from(']'.repeat(n))];
    const deepObject = (n: number) => [Buffer.from('{"rows":'), Buffer.from('{"a":'.repeat(n)), Buffer.from('1'), Buffer.from('}'.repeat(n + 1))];
    const garbage = Buffer.from('PK\u0003\u0004 bukan berkas xlsx', 'latin1');
    const cases: [string, string, keyof Seed['tokens'] | null, Buffer[], string?][] = [
      ['login nested 400k deep', '/api/auth/login', null, deepArray(400_000)],
      ['units nested 150k deep', '/api/units', 'admin', deepObject(150_000)],
      ['push nested 2M deep', '/api/register/versions', 'ppid', deepObject(2_000_000)],
      ['push cut-off JSON', '/api/register/versions', 'ppid', [Buffer.from('{"message":"x","rows":[{"title":')]],
      ['import truncated multipart', '/api/import', 'ppid', ...((m) => [m.chunks, m.type] as const)(multipart('dip.xlsx', garbage, false))],
      ['import garbage .xlsx', '/api/import', 'ppid', ...((m) => [m.chunks, m.type] as const)(multipart('dip.xlsx', garbage))],
      ['import zip bomb', '/api/import', 'ppid', ...((m) => [m.chunks, m.type] as const)(multipart('dip.xlsx', zipBomb({ lie: true })))],
      ['submission zip bomb', `/api/rounds/${roundId}/submissions`, 'unitA', ...((m) => [m.chunks, m.type] as const)(multipart('t.xlsx', zipBomb({ lie: false })))],
      ['submission multipart without boundary', `/api/rounds/${roundId}/submissions`, 'unitA', [garbage], 'multipart/form-data'],
    ];
    for (const [name, path, user, chunks, type] of cases) {
      const res = await send(path, user, chunks, type ? { type } : {});
      expect(res.status, `${name}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${name}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    }
  });

  it('memory stays bounded through a burst of big bodies, and the server keeps serving', async () => {
    const s = server!;
    /** Runs `burst` while sampling the server's RSS; returns how far it rose above where it started. */
    const rise = async (burst: () => Promise<number[]>) => {
      const baseline = s.rssBytes();
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, s.rssBytes())), 20);
      try {
        const statuses = await burst();
        expect(statuses.filter((x) => x >= 500)).toEqual([]);
        return { statuses, rise: peak - baseline, baseline, peak };
      } finally {
        clearInterval(sampler);
      }
    };
    const all = (reqs: Promise<{ status: number }>[]) => Promise.all(reqs).then((rs) => rs.map((r) => r.status));

    // 140 oversized bodies at once, half chunked: refused at the cap (4 KB for login, 1 MB for units), never buffered whole.
    const refused = await rise(() =>
      all([
        ...Array.from({ length: 100 }, (_, i) => send('/api/auth/login', null, bigBody(2 * MB), { chunked: i % 2 === 0 })),
        ...Array.from({ length: 40 }, (_, i) => send('/api/units', 'admin', bigBody(3 * MB), { chunked: i % 2 === 0 })),
      ]),
    );
    expect(refused.statuses.every((x) => x === 413)).toBe(true);
    // 8 pushes of 15 MB at once pass the cap and are parsed: a few hundred MB, never unbounded.
    const parsed = await rise(() => all(Array.from({ length: 8 }, () => send('/api/register/versions', 'ppid', bigBody(15 * MB)))));
    expect(parsed.statuses.every((x) => x === 422)).toBe(true);
    console.info(`RSS rise: 140 refused bodies ${refused.rise >> 20} MB, 8 × 15 MB pushes ${parsed.rise >> 20} MB (baseline ${refused.baseline >> 20} MB)`);
    expect(refused.rise).toBeLessThan(150 * MB);
    expect(parsed.rise).toBeLessThan(600 * MB);
    expect((await call(s.url, '/healthz')).status).toBe(200);
    const head = await call(s.url, '/api/register', { token: seed.tokens.ppid });
    expect(head.status).toBe(200);
    const pushed = await call(s.url, '/api/register/versions', { token: seed.tokens.ppid, headers: { 'if-none-match': '*' }, json: { message: 'setelah badai', rows: [] } });
    expect(pushed.status).toBe(201);
  });
});
