/**
 * Mixed load on one real server process over loopback for `durationSec` (default 30 s), all at once:
 * - citizens reading the public DIP: /dip and /dip.json (autocannon, 16 connections each);
 * - two PPID staff pushing small edits (1–3 rows changed) to a 2,000-row register: GET the head's ETag, push with
 *   If-Match; a 412 (the other one pushed first) means pull the head and edit again, as the task pane does;
 * - two units submitting 10 rows each to the open round, again and again (each with its own Idempotency-Key).
 * Reports requests/s, p50 and p99 per kind. An error is a 5xx or a failed connection (a 412 is the protocol working,
 * counted apart); the run throws if there was any.
 *
 * `benchLoad(30)` — Postgres when `databaseUrl` (default DATABASE_URL) is given, else PGlite.
 */
import autocannon from 'autocannon';
import type { PushResponse, VersionWithRows } from '../shared/api.js';
import type { DipRow, StoredDipRow } from '../shared/row.js';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { freshPglite, freshPostgres, seedStore, type Seed, type UserName } from '../test/helpers/database.js';
import { call, type Reply } from '../test/helpers/http.js';
import { startServer } from '../test/helpers/server-process.js';

export interface BenchRow {
  [k: string]: string | number;
}

const REGISTER_ROWS = 2_000;

class Tally {
  readonly ms: number[] = [];
  errors = 0;
  conflicts = 0;
  record(start: number, status: number) {
    this.ms.push(performance.now() - start);
    if (status >= 500) this.errors++;
    if (status === 412) this.conflicts++;
  }
  pct(p: number) {
    const s = [...this.ms].sort((a, b) => a - b);
    return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!) : 0;
  }
}

async function timed<T>(t: Tally, fn: () => Promise<{ status: number } & T>): Promise<({ status: number } & T) | null> {
  const start = performance.now();
  try {
    const r = await fn();
    t.record(start, r.status);
    return r;
  } catch {
    t.errors++;
    return null;
  }
}

/** Publishes the register's first version through the real workflow (push → submit → approve → publish). */
async function publishFirst(url: string, seed: Seed): Promise<void> {
  const pushed = await call<PushResponse>(url, '/api/register/versions', {
    token: seed.tokens.ppid,
    headers: { 'if-none-match': '*' },
    json: { message: 'DIP awal', rows: sampleRows(REGISTER_ROWS) },
  });
  const n = pushed.json.version.version;
  const step = async (path: string, user: UserName, json?: unknown) => {
    const r = await call(url, `/api/register/versions/${n}/${path}`, { method: 'POST', token: seed.tokens[user], ...(json ? { json } : {}) });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text.slice(0, 300)}`);
  };
  await step('submit', 'ppid2');
  await step('approve', 'approver', { contentHash: pushed.json.version.contentHash, decreeNumber: '188.4/1/KPTS/PPID/2025', decreeDate: '2025-01-15' });
  await step('publish', 'ppid');
}

interface Pulled {
  etag: string;
  rows: StoredDipRow[];
}

/** A PPID staff member: pull, change 1–3 titles, push; on 412 pull again. */
async function pusher(url: string, token: string, id: number, until: number, pulls: Tally, pushes: Tally) {
  let head: Pulled | null = null;
  for (let i = 0; performance.now() < until; i++) {
    if (!head) {
      const info = await timed(pulls, () => call(url, '/api/register', { token }));
      const v = await timed(pulls, () => call<VersionWithRows>(url, '/api/register/versions/head', { token }));
      if (!info || !v || v.status !== 200) continue;
      head = { etag: info.headers.get('etag')!, rows: v.json.rows };
    }
    const base: Pulled = head;
    const edited: StoredDipRow[] = base.rows.map((r, k) =>
      k % 997 === (i * 7 + id) % 997 || k === (i * 13 + id) % base.rows.length ? { ...r, title: `${r.title.split(' · ')[0]} · ${id}-${i}` } : r,
    );
    const res: Reply<PushResponse> | null = await timed(pushes, () => call<PushResponse>(url, '/api/register/versions', { token, headers: { 'if-match': base.etag }, json: { message: `suntingan ${id}-${i}`, rows: edited } }));
    head = res?.status === 201 ? { etag: res.headers.get('etag')!, rows: edited } : null;
  }
}

/** A unit sending its 10 rows to the open round again and again. */
async function submitter(url: string, token: string, roundId: number, unit: string, until: number, t: Tally) {
  for (let i = 0; performance.now() < until; i++) {
    const rows: DipRow[] = sampleRows(10, 5000 + i).map((r) => ({ ...r, owningUnit: unit, title: `${r.title} (${unit} kiriman ${i})` }));
    await timed(t, () => call(url, `/api/rounds/${roundId}/submissions`, { token, headers: { 'idempotency-key': `load-${unit}-${i}-${Date.now()}` }, json: { rows } }));
  }
}

async function reads(url: string, durationSec: number): Promise<BenchRow> {
  // From a worker thread: on this one, its 16 connections would starve the writers' clients of their event loop
  // (a gzip answer is decoded chunk by chunk there, and each chunk waited behind the readers' sockets).
  const r = await autocannon({ url, connections: 16, duration: durationSec, workers: 1 });
  return {
    kind: `GET ${new URL(url).pathname}`,
    requests: r.requests.total,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    errors: r.errors + r.timeouts + r['5xx'],
    'stale (412)': 0,
  };
}

const row = (kind: string, t: Tally, durationSec: number): BenchRow => ({
  kind,
  requests: t.ms.length,
  'req/s': Math.round((t.ms.length / durationSec) * 10) / 10,
  'p50 ms': t.pct(50),
  'p99 ms': t.pct(99),
  errors: t.errors,
  'stale (412)': t.conflicts,
});

export async function benchLoad(durationSec = 30, databaseUrl = process.env.DATABASE_URL): Promise<BenchRow[]> {
  const store = databaseUrl ? await freshPostgres(databaseUrl) : freshPglite();
  const seed = await seedStore(store);
  const server = await startServer(store.server);
  try {
    await publishFirst(server.url, seed);
    const round = await call<{ id: number }>(server.url, '/api/rounds', { token: seed.tokens.ppid, json: { title: 'Pemutakhiran (beban)', dueDate: '2099-12-31', unitCodes: ['UA', 'UB'] } });
    if (round.status !== 201) throw new Error(`round: ${round.status} ${round.text}`);

    const until = performance.now() + durationSec * 1000;
    const pulls = new Tally();
    const pushes = new Tally();
    const submissions = new Tally();
    const [dip, dipJson] = await Promise.all([
      reads(`${server.url}/dip`, durationSec),
      reads(`${server.url}/dip.json`, durationSec),
      pusher(server.url, seed.tokens.ppid, 1, until, pulls, pushes),
      pusher(server.url, seed.tokens.ppid2, 2, until, pulls, pushes),
      submitter(server.url, seed.tokens.unitA, round.json.id, 'Bagian Umum', until, submissions),
      submitter(server.url, seed.tokens.unitB, round.json.id, 'Bidang Keuangan', until, submissions),
    ]);
    const rows = [
      dip!,
      dipJson!,
      row('GET register + head (pull)', pulls, durationSec),
      row('POST register/versions (push)', pushes, durationSec),
      row('POST rounds/:id/submissions', submissions, durationSec),
    ];
    for (const r of rows) r.backend = store.kind;
    const errors = rows.reduce((n, r) => n + Number(r.errors), 0);
    if (errors > 0) throw new Error(`load bench: ${errors} errors\n${JSON.stringify(rows, null, 1)}\n${server.output()}`);
    return rows;
  } finally {
    await server.stop();
    await store.dispose();
  }
}
