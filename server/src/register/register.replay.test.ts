import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, VersionWithRows } from '../../../shared/api.js';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';

/**
 * A remembered push answer leaves out what its version holds (added rows, ids) and a replay reads them back: the
 * replay must still be the first answer byte for byte, whatever the push did and whatever came after it.
 */
describe.each(testBackends)('idempotent push replay on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  const push = (rows: DipRow[], headers: Record<string, string>) =>
    s.request('/api/register/versions', { method: 'POST', token: s.tokens.ppid, headers, json: { message: 'ulang', rows } });
  const head = async () => {
    const res = await s.request('/api/register/versions/head', { token: s.tokens.ppid });
    return { etag: res.headers.get('etag')!, rows: ((await res.json()) as VersionWithRows).rows };
  };

  it('answers a retried push with the first answer, byte for byte, for pushes that add, change, remove and move rows', async () => {
    expect((await push(sampleRows(30), { 'If-None-Match': '*' })).status).toBe(201);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(99), { minLength: 30, maxLength: 30 }),
        fc.array(fc.constantFrom('keep', 'change', 'remove', 'blank'), { minLength: 30, maxLength: 30 }),
        fc.nat(5),
        async (sortKeys, actions, fresh) => {
          const base = await head();
          // Reorder (a re-sort of the sheet), then change, blank (an issue) or drop rows, then add new ones here and there.
          const order = base.rows.map((r, i) => [sortKeys[i % sortKeys.length]!, r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
          const rows: (DipRow | StoredDipRow)[] = [];
          order.forEach((r, i) => {
            const a = actions[i % actions.length]!;
            if (a === 'keep') rows.push(r);
            else if (a === 'change') rows.push({ ...r, summary: `${r.summary} (${n})` });
            else if (a === 'blank') rows.push({ ...r, title: '' });
            if (i % 7 === 3 && fresh > 0) rows.push(...sampleRows(1, 5000 + n * 10 + i));
          });
          rows.push(...sampleRows(fresh, 9000 + n * 10));
          const key = `replay-key-${backend.name}-${n++}`;
          const headers = { 'If-Match': base.etag, 'Idempotency-Key': key };
          const first = await push(rows, headers);
          expect(first.status).toBe(201);
          const firstText = await first.text();
          // Someone else pushes after it, closing some of its rows: the replay must not see that.
          const later = await head();
          expect((await push([...later.rows.slice(1), ...sampleRows(1, 20_000 + n)], { 'If-Match': later.etag })).status).toBe(201);

          const again = await push(rows, headers);
          expect(again.status).toBe(201);
          expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
          expect(await again.text()).toBe(firstText);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('remembers a first push of many rows without storing its rows a second time', async () => {
    const fresh = await startTestServer(backend);
    try {
      const res = await fresh.request('/api/register/versions', {
        method: 'POST', token: fresh.tokens.ppid, headers: { 'If-None-Match': '*', 'Idempotency-Key': 'first-push-big-01' },
        json: { message: 'awal', rows: sampleRows(500) },
      });
      expect(res.status).toBe(201);
      const answerText = await res.text();
      const answer = JSON.parse(answerText) as PushResponse;
      expect(answer.diff.added).toHaveLength(500);
      const stored = await sql<{ response: string }>`select response from idempotency_keys where key = 'first-push-big-01'`.execute(fresh.database.handle.db);
      const remembered = JSON.parse(stored.rows[0]!.response) as PushResponse;
      // Its issues and the version stay; none of its 500 rows and none of their ids are stored a second time.
      expect(remembered.diff.added).toEqual([]);
      expect(remembered.ids).toEqual([]);
      expect(remembered.issues).toEqual(answer.issues);
      expect(stored.rows[0]!.response).not.toContain(answer.ids[0]);
      expect(stored.rows[0]!.response.length).toBeLessThan(answerText.length / 3);
    } finally {
      await fresh.database.dispose();
    }
  });
});
