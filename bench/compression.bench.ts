/**
 * What gzip on the API saves and costs (server/src/http/encoding.ts, addin/src/api/client.ts): a 10,000-row push body
 * compressed as the task pane does it (CompressionStream), and pulling that version with and without
 * `Accept-Encoding: gzip` (the server compresses at level 1), in process on PGlite. The sample rows repeat more than
 * a real DIP does: real bodies compress less, so the sizes here are a best case and the ms a lower bound.
 */
import { pushRequestJson } from '../shared/api.js';
import { sampleRows } from '../shared/testing/sample-rows.js';
import { testBackends } from '../server/src/testing/backends.js';
import { startTestServer } from '../server/src/testing/server.js';
import type { BenchRow } from './register.bench.js';

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(2);

export async function benchCompression(): Promise<BenchRow[]> {
  const body = pushRequestJson({ message: 'bench', rows: sampleRows(10_000) });
  const plain = Buffer.byteLength(body);
  const gzipMs: number[] = [];
  let gzBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    gzBytes = (await new Response(new Response(body).body!.pipeThrough(new CompressionStream('gzip'))).arrayBuffer()).byteLength;
    gzipMs.push(performance.now() - t);
  }
  const out: BenchRow[] = [{ what: 'push body, 10,000 rows (task pane: CompressionStream)', 'plain MB': mb(plain), 'gzip MB': mb(gzBytes), 'smaller by': +(plain / gzBytes).toFixed(1), 'plain ms': '–', 'gzip ms': Math.round(median(gzipMs)) }];

  const s = await startTestServer(testBackends[0]!);
  try {
    const pushed = await s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers: { 'content-type': 'application/json', 'if-none-match': '*' }, body });
    if (pushed.status !== 201) throw new Error(`push failed: ${pushed.status}`);
    const pull = async (gzip: boolean) => {
      const t = performance.now();
      const res = await s.request('/api/register/versions/head', { token: s.tokens.ppid, headers: gzip ? { 'accept-encoding': 'gzip' } : {} });
      const bytes = (await res.arrayBuffer()).byteLength;
      return { ms: performance.now() - t, bytes };
    };
    const plainMs: number[] = [];
    const gzMs: number[] = [];
    let sizes = { plain: 0, gzip: 0 };
    // Alternated, so both see the same machine.
    for (let i = 0; i < RUNS; i++) {
      const a = await pull(false);
      const b = await pull(true);
      plainMs.push(a.ms);
      gzMs.push(b.ms);
      sizes = { plain: a.bytes, gzip: b.bytes };
    }
    out.push({ what: 'pull of that version (server: gzip level 1)', 'plain MB': mb(sizes.plain), 'gzip MB': mb(sizes.gzip), 'smaller by': +(sizes.plain / sizes.gzip).toFixed(1), 'plain ms': Math.round(median(plainMs)), 'gzip ms': Math.round(median(gzMs)) });
  } finally {
    await s.database.dispose();
  }
  return out;
}
