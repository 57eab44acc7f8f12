/**
 * Public site figures: `/dip` and `/dip.json` of a published 5,000-row DIP under 50 concurrent connections on
 * loopback, next to the same server sending a static file of the same bytes (its serveStatic catch-all) in the
 * same run. The ratio dynamic/static is the figure; absolute requests/s vary with the machine.
 *
 * The server runs on this thread (@hono/node-server, 127.0.0.1, free port); autocannon fires from a worker thread
 * so that the load generator does not share the server's event loop. Every public request reads the published
 * pointer from the database (it may move at any moment on another instance): on PGlite that read runs on the
 * server's own thread, on Postgres in another process — hence both backends when Postgres is reachable.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { publishRows, serveOnLoopback } from '../server/src/public/testing.js';
import { postgresTestBackend, testBackends, type TestBackend } from '../server/src/testing/backends.js';
import { startTestServer } from '../server/src/testing/server.js';

export interface BenchRow {
  [k: string]: string | number;
}

const ROWS = 5_000;
const CONNECTIONS = 50;

interface Load {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, durationSec: number): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: durationSec, workers: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

async function benchOn(backend: TestBackend, durationSec: number): Promise<BenchRow[]> {
  const addinDist = mkdtempSync(path.join(tmpdir(), 'dip-bench-public-'));
  const s = await startTestServer(backend, { config: { addinDist } });
  try {
    await publishRows(s, sampleRows(ROWS));
    const web = await serveOnLoopback(s.app.fetch);
    try {
      const out: BenchRow[] = [];
      for (const [route, ext] of [['/dip', 'html'], ['/dip.json', 'json']] as const) {
        // The first request fills the caches (parse, render); the static twin holds exactly the bytes served.
        const res = await fetch(`${web.url}${route}`);
        if (res.status !== 200) throw new Error(`${route}: ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        const twin = `bench-twin.${ext}`;
        writeFileSync(path.join(addinDist, twin), body);
        const check = await fetch(`${web.url}/${twin}`);
        if (check.status !== 200 || Buffer.from(await check.arrayBuffer()).length !== body.length) throw new Error(`static twin of ${route} not served`);

        const dyn = await load(`${web.url}${route}`, durationSec);
        const stat = await load(`${web.url}/${twin}`, durationSec);
        if (dyn.errors + dyn.non2xx + stat.errors + stat.non2xx > 0) throw new Error(`${route}: errors during the run ${JSON.stringify({ dyn, stat })}`);
        out.push({
          backend: backend.name,
          route,
          'body KB': Math.round(body.length / 1024),
          'req/s': Math.round(dyn.rps),
          'p99 ms': dyn.p99,
          'static req/s': Math.round(stat.rps),
          'static p99 ms': stat.p99,
          'req/s vs static': +(dyn.rps / stat.rps).toFixed(2),
        });
      }
      return out;
    } finally {
      await web.close();
    }
  } finally {
    await s.database.dispose();
    rmSync(addinDist, { recursive: true, force: true });
  }
}

/**
 * @param durationSec seconds of load per target; four targets per backend run one after another (10 for the
 *                    figures, 2–3 for a quick check).
 * @param pgUrl       a Postgres server to bench on as well (a scratch database is created there and dropped).
 */
export async function benchPublic(durationSec = 10, pgUrl?: string): Promise<BenchRow[]> {
  const rows = await benchOn(testBackends.find((b) => b.name === 'pglite')!, durationSec);
  if (pgUrl) rows.push(...(await benchOn(postgresTestBackend(pgUrl), durationSec)));
  return rows;
}
