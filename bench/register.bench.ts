/**
 * Register push figures: a 10,000-row version and a 10-row edit of it, through the whole HTTP stack in-process
 * (JSON parse, schema, hashing, transaction), next to a raw COPY of the same rows into a scratch table on the same
 * database in the same run. The ratio is the figure; absolute ms vary with the machine. On Postgres a second COPY, of
 * the same rows in the form the register stores them into a table shaped like register_rows, says how much of the
 * ratio the stored form costs by itself; the push's required JavaScript timed alone (`requiredWorkMs`) and that
 * COPY give the floor: the least any push could take here, with both shared perfectly over the machine's cores.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pushRequestJson, type PushResponse, type VersionWithRows } from '../shared/api.js';
import type { DipRow } from '../shared/row.js';
import { canonicalRowJson, contentHashFromRowHashes } from '../shared/canonical.js';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { rowValidator } from '../shared/validate.js';
import { createApp } from '../server/src/app.js';
import { createUser, login } from '../server/src/auth/auth.service.js';
import { testConfig } from '../server/src/config.js';
import { nodeSha256, sha256HexOfBytes } from '../server/src/crypto.js';
import { COPY_OPTIONS } from '../server/src/db/bulk.js';
import { openDatabase, type DbHandle } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { fitsInUnits } from '../server/src/register/row-check.js';
import { createScratchDatabase } from '../server/src/testing/scratch-database.js';

export interface BenchRow {
  [k: string]: string | number;
}

const ROWS = 10_000;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The same rows as a scratch table would hold them: id + one text column per field, tab-separated. */
function copyText(rows: DipRow[]): string {
  const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return rows
    .map((r) =>
      [randomUUID(), r.category ?? '', r.title, r.summary, r.owningUnit, r.responsible, r.createdWhen, r.createdWhere, r.formats.join(','), r.retention, r.link ?? '', r.exemption ? JSON.stringify(r.exemption) : '', r.notes ?? '']
        .map((v) => esc(String(v)))
        .join('\t'),
    )
    .join('\n') + '\n';
}
const SCRATCH = `create table if not exists bench_scratch (id uuid, category text, title text, summary text, owning_unit text, responsible text,
  created_when text, created_where text, formats text, retention text, link text, exemption text, notes text)`;

/**
 * CPU time (ms) used so far by the Postgres backends `pids`, read from /proc (Postgres on this Linux machine, as the
 * bench's loopback server is); undefined where it cannot be read. Wall time says how long a push took; CPU time says
 * how much work each side did, which is what bounds the ratio on a 2-core machine.
 */
function backendCpuMs(pids: readonly number[]): number | undefined {
  try {
    return pids.reduce((sum, pid) => sum + Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6, 0);
  } catch {
    return undefined;
  }
}

async function backendPids(url: string | undefined): Promise<number[]> {
  if (!url) return [];
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

interface PushFigures {
  fullMs: number;
  editMs: number;
  bytes: number;
  /** CPU of this process (every thread: JavaScript, collector, driver) during the 10,000-row push. */
  nodeCpuMs: number;
  /** CPU of the Postgres backends during that push (Postgres only). */
  pgCpuMs: number | undefined;
}

async function pushOnce(handle: DbHandle, rows: DipRow[], pgUrl?: string): Promise<PushFigures> {
  const db = handle.db;
  const config = testConfig();
  const name = `bench_${randomBytes(3).toString('hex')}`;
  await createUser(db, 'bench', { username: name, password: 'bench-password-1', role: 'ppid' });
  const token = (await login(db, name, 'bench-password-1', 3600_000)).token;
  const app = createApp({ db, config });
  const headRes = await app.request('/api/register', { headers: { authorization: `Bearer ${token}` } });
  const head = ((await headRes.json()) as { head: number | null }).head;
  const pre: Record<string, string> = head === null ? { 'If-None-Match': '*' } : { 'If-Match': headRes.headers.get('etag')! };
  // The body as the task pane sends it (ApiClient.push): rows in canonical JSON.
  const body = pushRequestJson({ message: 'bench full', rows });
  // The request is built before the clock starts: encoding the body is the client's work. It carries its
  // Content-Length, as every push from the task pane does (fetch sets it for a string body).
  const request = (b: string, h: Record<string, string>) =>
    new Request('http://localhost/api/register/versions', {
      method: 'POST',
      body: b,
      // An Idempotency-Key, as with every push from the task pane: the response is remembered in the same transaction.
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(b)), 'idempotency-key': `bench-${randomUUID()}`, ...h },
    });

  const first = request(body, pre);
  // The app's pool holds the one connection the requests above used; the push runs on it.
  const pids = await backendPids(pgUrl);
  const pg0 = backendCpuMs(pids);
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  const res = await app.fetch(first);
  const fullMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = backendCpuMs(pids);
  if (res.status !== 201) throw new Error(`push failed: ${res.status} ${await res.text()}`);
  const etag = res.headers.get('etag')!;
  const { version } = (await res.json()) as PushResponse;
  const stored = (await (await app.request(`/api/register/versions/${version.version}`, { headers: { authorization: `Bearer ${token}` } })).json()) as VersionWithRows;
  const edited = stored.rows.map((r, i) => (i % 1000 === 0 ? { ...r, notes: `edit ${Date.now()}` } : r));
  const edit = request(pushRequestJson({ message: 'bench edit', rows: edited }), { 'If-Match': etag });
  t = performance.now();
  const e = await app.fetch(edit);
  const editMs = performance.now() - t;
  if (e.status !== 201) throw new Error(`edit failed: ${e.status}`);
  return {
    fullMs,
    editMs,
    bytes: body.length,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    pgCpuMs: pg0 !== undefined && pg1 !== undefined && pids.length > 0 ? pg1 - pg0 : undefined,
  };
}

/**
 * The same rows as the push stores them (id, version, sort key, SHA-256, canonical JSON body), built beforehand, in
 * the COPY form db/bulk.ts sends.
 */
function storedText(rows: DipRow[]): string {
  return rows
    .map((r, i) => {
      const id = randomUUID();
      const body = canonicalRowJson({ ...r, id });
      return `${id}\t1\t${i + 1}\t${createHash('sha256').update(body).digest('hex')}\t${body}\n`;
    })
    .join('');
}

/**
 * The part of a push no implementation can leave out, timed alone on this thread: decode and parse the body, check
 * every row against the schema, run the content rules (the response carries their issues), SHA-256 every row's
 * canonical bytes (taken as they came, as the push does) and the version's content hash. Nothing is stored and no
 * response is built: a lower bound for the push's JavaScript, not an estimate of it.
 */
function requiredWorkMs(body: Buffer, rowBytes: readonly Buffer[], ids: readonly string[]): number {
  const t = performance.now();
  const parsed = JSON.parse(body.toString('utf8')) as { rows: DipRow[] };
  const validator = rowValidator({ idsUnique: true });
  for (let i = 0; i < parsed.rows.length; i++) {
    if (!fitsInUnits(parsed.rows[i])) throw new Error(`bench row ${i} does not fit the schema`);
    validator.check(parsed.rows[i]!, i);
  }
  const hashes = rowBytes.map((b) => sha256HexOfBytes(b));
  contentHashFromRowHashes(ids.map((id, i) => ({ id, hash: hashes[i]! })), nodeSha256);
  return performance.now() - t;
}

interface CopyFigures {
  ms: number;
  pgCpuMs: number | undefined;
  /** COPY of the stored form into a table shaped and indexed like register_rows (Postgres only). */
  storedMs?: number;
  /** The Postgres CPU that COPY took. */
  storedPgCpuMs?: number | undefined;
}

async function copyPostgres(url: string, text: string, stored: string): Promise<CopyFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(SCRATCH);
  await client.query('truncate bench_scratch');
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const cpu0 = backendCpuMs([pid]);
  let t = performance.now();
  await client.query('begin');
  await pipeline(Readable.from([text]), client.query(copyFrom('copy bench_scratch from stdin')));
  await client.query('commit');
  const ms = performance.now() - t;
  const cpu1 = backendCpuMs([pid]);
  await client.query('drop table bench_scratch');
  // Not a target, a breakdown: how much of the ratio the stored form (more bytes, three indexes) costs by itself.
  // LIKE copies columns, constraints and indexes, not the trigger.
  await client.query('create table bench_stored (like register_rows including all)');
  const stored0 = backendCpuMs([pid]);
  t = performance.now();
  await client.query('begin');
  await pipeline(Readable.from([stored]), client.query(copyFrom(`copy bench_stored (row_id, from_version, ord, row_hash, body) from stdin ${COPY_OPTIONS}`)));
  await client.query('commit');
  const storedMs = performance.now() - t;
  const stored1 = backendCpuMs([pid]);
  await client.query('drop table bench_stored');
  await client.end();
  return {
    ms,
    pgCpuMs: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined,
    storedMs,
    storedPgCpuMs: stored0 !== undefined && stored1 !== undefined ? stored1 - stored0 : undefined,
  };
}

async function copyPglite(text: string): Promise<CopyFigures> {
  const pgl = await PGlite.create();
  await pgl.exec(SCRATCH);
  const t = performance.now();
  await pgl.query(`copy bench_scratch from '/dev/blob'`, [], { blob: new Blob([text]) });
  const ms = performance.now() - t;
  await pgl.close();
  return { ms, pgCpuMs: undefined };
}

export async function benchRegister(pgUrl: string | undefined): Promise<BenchRow[]> {
  const rows = sampleRows(ROWS);
  const text = copyText(rows);
  const stored = storedText(rows);
  // What requiredWorkMs gets: the body as the bench pushes it, and each row's canonical bytes with the id it is given.
  const pushBody = Buffer.from(pushRequestJson({ message: 'bench full', rows }));
  const ids = rows.map(() => randomUUID());
  const rowBytes = rows.map((r, i) => Buffer.from(canonicalRowJson({ ...r, id: ids[i]! })));
  const out: BenchRow[] = [];
  const backends: ['pglite' | 'postgres', () => Promise<{ handle: DbHandle; url?: string; copy: () => Promise<CopyFigures>; drop(): Promise<void> }>][] = [
    ['pglite', async () => {
      const handle = await openDatabase({});
      await migrateToLatest(handle.db);
      return { handle, copy: () => copyPglite(text), drop: () => handle.close() };
    }],
  ];
  if (pgUrl) {
    backends.push(['postgres', async () => {
      const fresh = await createScratchDatabase(pgUrl, 'dip_bench');
      const handle = await openDatabase({ url: fresh.url });
      await migrateToLatest(handle.db);
      return { handle, url: fresh.url, copy: () => copyPostgres(fresh.url, text, stored), drop: async () => { await handle.close(); await fresh.drop(); } };
    }]);
  }
  for (const [name, open] of backends) {
    const full: number[] = [];
    const edit: number[] = [];
    const copy: number[] = [];
    const copyStored: number[] = [];
    const copyStoredPgCpu: number[] = [];
    const required: number[] = [];
    const nodeCpu: number[] = [];
    const pushPgCpu: number[] = [];
    const copyPgCpu: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const b = await open();
      try {
        const c = await b.copy();
        copy.push(c.ms);
        if (c.storedMs !== undefined) copyStored.push(c.storedMs);
        if (c.storedPgCpuMs !== undefined) copyStoredPgCpu.push(c.storedPgCpuMs);
        required.push(requiredWorkMs(pushBody, rowBytes, ids));
        if (c.pgCpuMs !== undefined) copyPgCpu.push(c.pgCpuMs);
        const r = await pushOnce(b.handle, rows, b.url);
        full.push(r.fullMs);
        edit.push(r.editMs);
        nodeCpu.push(r.nodeCpuMs);
        if (r.pgCpuMs !== undefined) pushPgCpu.push(r.pgCpuMs);
        bytes = r.bytes;
      } finally {
        await b.drop();
      }
    }
    const fullMs = median(full);
    const copyMs = median(copy);
    const cpu = (xs: number[]) => (xs.length > 0 ? Math.round(median(xs)) : '–');
    const requiredMs = median(required);
    // The least a push could take on this machine: its required JavaScript on one core, the stored form's COPY, and
    // both together shared perfectly over the cores (one thread and one backend use two at most; Postgres only:
    // PGlite runs on this thread).
    const lanes = Math.min(2, availableParallelism());
    const floorMs =
      copyStored.length > 0 && copyStoredPgCpu.length > 0
        ? Math.max(requiredMs, median(copyStored), (requiredMs + median(copyStoredPgCpu)) / lanes)
        : undefined;
    out.push({
      backend: name,
      rows: ROWS,
      'body MB': +(bytes / 1024 / 1024).toFixed(1),
      'push 10k ms': Math.round(fullMs),
      'push rows/s': Math.round(ROWS / (fullMs / 1000)),
      'COPY 10k ms': Math.round(copyMs),
      'COPY rows/s': Math.round(ROWS / (copyMs / 1000)),
      'push/COPY': +(fullMs / copyMs).toFixed(2),
      'COPY as stored / COPY': copyStored.length > 0 ? +(median(copyStored) / copyMs).toFixed(2) : '–',
      'push / COPY as stored': copyStored.length > 0 ? +(fullMs / median(copyStored)).toFixed(2) : '–',
      'required JS ms': Math.round(requiredMs),
      'required JS / COPY': +(requiredMs / copyMs).toFixed(2),
      'floor / COPY': floorMs !== undefined ? +(floorMs / copyMs).toFixed(2) : '–',
      '10-row edit ms': Math.round(median(edit)),
      'push: node CPU ms': cpu(nodeCpu),
      'push: PG CPU ms': cpu(pushPgCpu),
      'COPY: PG CPU ms': cpu(copyPgCpu),
    });
  }
  return out;
}
