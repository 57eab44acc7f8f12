/**
 * `npm run bench`: every figure side by side in one run (not timed tests, which flake on shared machines).
 * Postgres figures need DATABASE_URL (default: the local server at 127.0.0.1:5432/test when it answers).
 */
import pg from 'pg';
import { benchRegister } from './register.bench.js';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';

async function postgresUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL ?? DEFAULT_PG;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    console.log(`(Postgres not reachable at ${url}: Postgres figures skipped)`);
    return undefined;
  }
}

const section = (title: string) => console.log(`\n## ${title}\n`);

const pgUrl = await postgresUrl();
console.log(`DIP Sync bench — ${new Date().toISOString()} — node ${process.version}, ${process.platform}/${process.arch}`);

section('Register push: 10,000 rows and a 10-row edit, next to raw COPY (median of 5; CPU per side where readable)');
console.table(await benchRegister(pgUrl));

section('API compression: a 10,000-row push body and pulling that version, plain and gzip (sample rows: a best case for size)');
const { benchCompression } = await import('./compression.bench.js');
console.table(await benchCompression());

section('Excel adapter against the mock: read/write 10,000 and 50,000 rows — syncs and largest request');
const { benchAdapter } = await import('./adapter.bench.js');
console.table(await benchAdapter());

section('Public site: /dip and /dip.json of a 5,000-row DIP, 50 connections × 10 s, next to a static file of equal size');
const { benchPublic } = await import('./public.bench.js');
console.table(await benchPublic(Number(process.env.BENCH_SECONDS ?? 10), pgUrl));

section('Update rounds: consolidation of 20 units × 500 rows and 100 units × 200 rows; a 2,000-row unit template');
const { benchRounds } = await import('./rounds.bench.js');
console.table(await benchRounds());

section('Mixed load on a real server process: public reads, pushes, submissions (30 s, loopback, 0 errors required)');
const { benchLoad } = await import('./load.bench.js');
console.table(await benchLoad(Number(process.env.BENCH_LOAD_SECONDS ?? 30), pgUrl));
