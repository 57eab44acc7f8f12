/**
 * Concurrent workflow steps on real Postgres (PGlite has a single connection, so nothing there runs concurrently):
 * two approvers on one version, approve against reject, two publishers, two submissions — exactly one wins each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { createUser, login } from '../auth/auth.service.js';
import { postgresBackend } from '../testing/backends.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/server.js';
import { expectStatus, workflow, type Reply } from './approval.testkit.js';

const pg = postgresBackend();

if (!pg) {
  it('needs DATABASE_URL to race approvers on Postgres (CI sets it)', () => {
    expect(process.env.CI ?? '').toBe('');
  });
} else {
  describe('approval races on postgres', () => {
    let s: TestServer;
    let w: ReturnType<typeof workflow>;
    let approver2: string;

    beforeAll(async () => {
      s = await startTestServer(pg);
      w = workflow(s);
      await createUser(s.db, 'test', { username: 'approver2', password: TEST_PASSWORD, role: 'approver' });
      approver2 = (await login(s.db, 'approver2', TEST_PASSWORD, s.config.tokenTtlMs)).token;
    });
    afterAll(() => s.database.dispose());

    const outcome = (rs: Reply<unknown>[]) => rs.map((r) => `${r.status} ${r.body.error?.code ?? ''}`.trim()).sort();
    const count = async (table: 'approvals' | 'version_rejections' | 'version_publications', version: number) =>
      Number((await s.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('version', '=', version).executeTakeFirstOrThrow()).n);
    const audited = async (action: string, version: number) =>
      (await s.db.selectFrom('audit_log').select('seq').where('action', '=', action).where('subject', '=', `version:${version}`).execute()).length;

    it('two approvers on one version: exactly one approval', async () => {
      for (let i = 0; i < 8; i++) {
        const v = await w.push(sampleRows(20, i * 20));
        expectStatus(await w.submit(v.version), 200);
        const rs = await Promise.all([w.approve(v.version, v.contentHash), w.approve(v.version, v.contentHash, approver2, { decreeNumber: `SK-${i}-B`, decreeDate: '2025-07-01' })]);
        expect(outcome(rs)).toEqual(['200', '409 version_not_submitted']);
        expect(await count('approvals', v.version)).toBe(1);
        expect(await audited('approval.approve', v.version)).toBe(1);
        // The record names the approver whose request won.
        const winner = rs.findIndex((r) => r.status === 200);
        expect((await w.info(v.version)).body.approval?.approver).toBe(winner === 0 ? 'approver' : 'approver2');
        expect((await w.verify(v.version)).body.ok).toBe(true);
      }
    });

    it('approve against reject: one wins and the state matches it', async () => {
      for (let i = 0; i < 6; i++) {
        const v = await w.push(sampleRows(10, 500 + i * 10));
        expectStatus(await w.submit(v.version), 200);
        const [a, r] = await Promise.all([w.approve(v.version, v.contentHash), w.reject(v.version, 'Belum lengkap.', approver2)]);
        expect([a.status, r.status].sort()).toEqual([200, 409]);
        const info = (await w.info(v.version)).body;
        expect(info.version.state).toBe(a.status === 200 ? 'approved' : 'rejected');
        expect((await count('approvals', v.version)) + (await count('version_rejections', v.version))).toBe(1);
      }
    });

    it('two publishers on one approved version: published once', async () => {
      const v = await w.approved(sampleRows(10, 900));
      const rs = await Promise.all([w.publish(v.version), w.publish(v.version, s.tokens.ppid2)]);
      expect(outcome(rs)).toEqual(['200', '409 version_not_approved']);
      expect(await count('version_publications', v.version)).toBe(1);
      expect(await w.register()).toMatchObject({ published: v.version });
    });

    it('two submissions at once: one version waits for approval, the other was superseded or refused', async () => {
      const a = await w.push(sampleRows(5, 1000));
      const b = await w.push(sampleRows(5, 1005));
      const rs = await Promise.all([w.submit(a.version), w.submit(b.version, s.tokens.ppid2)]);
      expect(rs[1]!.status).toBe(200); // the newer one always ends up waiting
      const states = await Promise.all([a.version, b.version].map(async (n) => (await w.info(n)).body.version.state));
      expect(states[1]).toBe('submitted');
      // Either a went first and was superseded (rejected), or b went first and a was refused (still a draft).
      expect(rs[0]!.status === 200 ? states[0] : `${rs[0]!.body.error?.code} ${states[0]}`).toBe(rs[0]!.status === 200 ? 'rejected' : 'newer_version_submitted draft');
      const submitted = await s.db.selectFrom('register_versions').select('version').where('state', '=', 'submitted').execute();
      expect(submitted.map((x) => x.version)).toEqual([b.version]);
    });

    it('leaves the audit chain whole', async () => {
      const res = (await (await s.request('/api/audit/verify', { token: s.tokens.admin })).json()) as { ok: boolean };
      expect(res.ok).toBe(true);
    });
  });
}
