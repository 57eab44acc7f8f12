/**
 * Register push figures: a 10,000-row version and a 10-row edit of it, through the whole HTTP stack in-process
 * (JSON parse, schema, hashing, transaction), next to a raw COPY of the same rows into a scratch table on the same
 * database in the same run. The ratio is the figure; absolute ms vary with the machine.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PushResponse, VersionWithRows } from '../shared/api.js';
import type { DipRow } from '../shared/row.js';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { createApp } from '../server/src/app.js';
import { createUser, login } from '../server/src/auth/auth.service.js';
import { testConfig } from '../server/src/config.js';
import { openDatabase, type DbHandle } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { createScratchDatabase } from '../server/src/testing/scratch-database.js';

export interface BenchRow {
  [k: string]: string | number;
}

const ROWS = 10_000;
const RUNS = 3;
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

async function pushOnce(handle: DbHandle, rows: DipRow[]): Promise<{ fullMs: number; editMs: number; bytes: number }> {
  const db = handle.db;
  const config = testConfig();
  const name = `bench_${randomBytes(3).toString('hex')}`;
  await createUser(db, 'bench', { username: name, password: 'bench-password-1', role: 'ppid' });
  const token = (await login(db, name, 'bench-password-1', 3600_000)).token;
  const app = createApp({ db, config });
  const headRes = await app.request('/api/register', { headers: { authorization: `Bearer ${token}` } });
  const head = ((await headRes.json()) as { head: number | null }).head;
  const pre: Record<string, string> = head === null ? { 'If-None-Match': '*' } : { 'If-Match': headRes.headers.get('etag')! };
  const body = JSON.stringify({ message: 'bench full', rows });
  const post = (b: string, h: Record<string, string>) =>
    app.request('/api/register/versions', { method: 'POST', body: b, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...h } });

  let t = performance.now();
  const res = await post(body, pre);
  const fullMs = performance.now() - t;
  if (res.status !== 201) throw new Error(`push failed: ${res.status} ${await res.text()}`);
  const etag = res.headers.get('etag')!;
  const { version } = (await res.json()) as PushResponse;
  const stored = (await (await app.request(`/api/register/versions/${version.version}`, { headers: { authorization: `Bearer ${token}` } })).json()) as VersionWithRows;
  const edited = stored.rows.map((r, i) => (i % 1000 === 0 ? { ...r, notes: `edit ${Date.now()}` } : r));
  const editBody = JSON.stringify({ message: 'bench edit', rows: edited });
  t = performance.now();
  const e = await post(editBody, { 'If-Match': etag });
  const editMs = performance.now() - t;
  if (e.status !== 201) throw new Error(`edit failed: ${e.status}`);
  return { fullMs, editMs, bytes: body.length };
}

async function copyPostgres(url: string, text: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(SCRATCH);
  await client.query('truncate bench_scratch');
  const t = performance.now();
  await client.query('begin');
  await pipeline(Readable.from([text]), client.query(copyFrom('copy bench_scratch from stdin')));
  await client.query('commit');
  const ms = performance.now() - t;
  await client.query('drop table bench_scratch');
  await client.end();
  return ms;
}

async function copyPglite(text: string): Promise<number> {
  const pgl = await PGlite.create();
  await pgl.exec(SCRATCH);
  const t = performance.now();
  await pgl.query(`copy bench_scratch from '/dev/blob'`, [], { blob: new Blob([text]) });
  const ms = performance.now() - t;
  await pgl.close();
  return ms;
}

export async function benchRegister(pgUrl: string | undefined): Promise<BenchRow[]> {
  const rows = sampleRows(ROWS);
  const text = copyText(rows);
  const out: BenchRow[] = [];
  const backends: ['pglite' | 'postgres', () => Promise<{ handle: DbHandle; copy: () => Promise<number>; drop(): Promise<void> }>][] = [
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
      return { handle, copy: () => copyPostgres(fresh.url, text), drop: async () => { await handle.close(); await fresh.drop(); } };
    }]);
  }
  for (const [name, open] of backends) {
    const full: number[] = [];
    const edit: number[] = [];
    const copy: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const b = await open();
      try {
        copy.push(await b.copy());
        const r = await pushOnce(b.handle, rows);
        full.push(r.fullMs);
        edit.push(r.editMs);
        bytes = r.bytes;
      } finally {
        await b.drop();
      }
    }
    const fullMs = median(full);
    const copyMs = median(copy);
    out.push({
      backend: name,
      rows: ROWS,
      'body MB': +(bytes / 1024 / 1024).toFixed(1),
      'push 10k ms': Math.round(fullMs),
      'push rows/s': Math.round(ROWS / (fullMs / 1000)),
      'COPY 10k ms': Math.round(copyMs),
      'COPY rows/s': Math.round(ROWS / (copyMs / 1000)),
      'push/COPY': +(fullMs / copyMs).toFixed(2),
      '10-row edit ms': Math.round(median(edit)),
    });
  }
  return out;
}
