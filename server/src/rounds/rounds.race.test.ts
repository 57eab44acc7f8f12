/**
 * Concurrent round traffic on real Postgres (PGlite has one connection, so nothing there runs concurrently): a unit
 * double-submitting, retries racing with the same Idempotency-Key, and a review racing a resubmission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRow } from '../../../shared/canonical.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { postgresBackend } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { Receipt, RoundSummary, SubmitResponse } from './rounds.contract.js';
import { json, publish } from './rounds.testkit.js';

const pg = postgresBackend();

if (!pg) {
  it('needs DATABASE_URL to race submissions on Postgres (CI sets it)', () => {
    expect(process.env.CI ?? '').toBe('');
  });
} else {
  describe('round races on postgres', () => {
    let s: TestServer;
    let v1: StoredDipRow[];
    let round: RoundSummary;

    beforeAll(async () => {
      s = await startTestServer(pg);
      const published = await publish(s, sampleRows(10));
      v1 = published.ids.map((id, i) => canonicalRow({ ...sampleRows(10)[i]!, id }));
      round = await json<RoundSummary>(await s.request('/api/rounds', { method: 'POST', token: s.tokens.ppid, json: { title: 'Balapan', dueDate: '2099-01-31' } }), 201);
    });
    afterAll(() => s.database.dispose());

    const mine = () => v1.filter((r) => r.owningUnit === 'Bagian Umum');
    const submit = (headers: Record<string, string> = {}, rows = mine()) =>
      s.request(`/api/rounds/${round.id}/submissions`, { method: 'POST', token: s.tokens.unitA, headers, json: { rows } });
    const receipts = async () => (await json<{ receipts: Receipt[] }>(await s.request(`/api/rounds/${round.id}/submissions`, { token: s.tokens.unitA }), 200)).receipts;

    it('simultaneous submissions get consecutive receipts, none lost, none doubled', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => submit()));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect((await receipts()).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('retries racing with one Idempotency-Key make one submission', async () => {
      const before = (await receipts()).length;
      const results = await Promise.all(Array.from({ length: 5 }, () => submit({ 'Idempotency-Key': 'balapan-kunci-01' })));
      const bodies = await Promise.all(results.map((r) => json<SubmitResponse>(r, 201)));
      expect(new Set(bodies.map((b) => b.receipt.number)).size).toBe(1);
      expect((await receipts()).length).toBe(before + 1);
    });

    it('a review racing a resubmission either lands on the latest submission or is refused as superseded', async () => {
      for (let i = 0; i < 5; i++) {
        const latest = (await receipts()).at(-1)!;
        const [review, resubmit] = await Promise.all([
          s.request(`/api/rounds/${round.id}/submissions/${latest.submissionId}/review`, {
            method: 'POST',
            token: s.tokens.ppid,
            json: { decisions: [{ rowId: mine()[0]!.id, status: 'accepted' }] },
          }),
          submit({}, mine().map((r, k) => (k === 0 ? { ...r, notes: `ubah ${i}` } : r))),
        ]);
        expect(resubmit.status).toBe(201);
        expect([200, 409]).toContain(review.status);
      }
    });
  });
}
