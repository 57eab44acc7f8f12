import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionWithRows } from '../../../shared/api.js';
import type { RowDiff } from '../../../shared/diff.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import type { KeyDocument } from '../signing/signing.service.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { expectStatus, SK, workflow } from './approval.testkit.js';

describe.each(testBackends)('approval workflow on $name', (backend) => {
  let s: TestServer;
  let w: ReturnType<typeof workflow>;

  beforeAll(async () => {
    s = await startTestServer(backend);
    w = workflow(s);
  });
  afterAll(() => s.database.dispose());

  const setRole = (username: string, role: 'ppid' | 'approver') => s.db.updateTable('users').set({ role }).where('username', '=', username).execute();
  const getVersion = async (n: number) => (await (await s.request(`/api/register/versions/${n}`, { token: s.tokens.ppid })).json()) as VersionWithRows;

  it('push → submit → meeting → approve → publish, then a second version published with the first still readable', async () => {
    const v1 = await w.push(sampleRows(6));
    const submitted = expectStatus(await w.submit(v1.version, s.tokens.ppid2), 200).body;
    expect(submitted.version.state).toBe('submitted');
    expect(submitted.submission?.submittedBy).toBe('ppid2');

    const m1 = { date: '2025-03-10', participants: ['Kepala Dinas', 'PPID Utama', 'Bagian Umum'], decision: 'DIP disepakati dengan dua perbaikan.' };
    const m2 = { date: '2025-03-12', participants: ['Kepala Dinas', 'PPID Utama'], decision: 'Perbaikan diterima; diajukan untuk ditetapkan.' };
    expectStatus(await w.meeting(v1.version, m1), 201);
    const afterMeetings = expectStatus(await w.meeting(v1.version, m2), 201).body;
    expect(afterMeetings.meetings.map((m) => ({ date: m.date, participants: m.participants, decision: m.decision }))).toEqual([m1, m2]);
    expect(afterMeetings.meetings.every((m) => m.recordedBy === 'ppid')).toBe(true);

    const approved = expectStatus(await w.approve(v1.version, v1.contentHash), 200).body;
    expect(approved.version.state).toBe('approved');
    expect(approved.approval).toMatchObject({ version: v1.version, contentHash: v1.contentHash, ...SK, approver: 'approver' });

    // Anyone can check the signature with the published key, without logging in.
    const keysRes = await s.request('/.well-known/dip-sync-keys.json');
    expect(keysRes.status).toBe(200);
    const keys = (await keysRes.json()) as KeyDocument;
    const key = keys.keys.find((k) => k.keyId === approved.approval!.keyId)!;
    expect(key.active).toBe(true);
    const pub = await crypto.subtle.importKey('raw', new Uint8Array(Buffer.from(key.publicKey, 'base64url')), { name: 'Ed25519' }, false, ['verify']);
    const a = approved.approval!;
    expect(JSON.parse(a.payload)).toEqual({ version: a.version, contentHash: a.contentHash, decreeNumber: a.decreeNumber, decreeDate: a.decreeDate, approver: a.approver, approvedAt: a.approvedAt });
    const sig = new Uint8Array(Buffer.from(a.signature, 'base64url'));
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, pub, sig, new TextEncoder().encode(a.payload))).toBe(true);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, pub, sig, new TextEncoder().encode(a.payload.replace(SK.decreeNumber, 'SK palsu')))).toBe(false);

    const published = expectStatus(await w.publish(v1.version), 200).body;
    expect(published.version.state).toBe('published');
    expect(published.publication?.publishedBy).toBe('ppid');
    expect(await w.register()).toMatchObject({ published: v1.version });
    expect(expectStatus(await w.verify(v1.version), 200).body).toMatchObject({ ok: true, state: 'published', signature: 'valid' });

    // Version 2: one row changed; pushing it closes that row's interval in version 1, which must not change version 1.
    const rows1 = (await getVersion(v1.version)).rows;
    const v2 = await w.approved(rows1.map((r, i) => (i === 2 ? { ...r, summary: 'Ringkasan yang diperbarui.' } : r)));
    expectStatus(await w.publish(v2.version), 200);
    expect(await w.register()).toMatchObject({ published: v2.version });

    const archived = await getVersion(v1.version);
    expect(archived.version.state).toBe('published');
    expect(archived.rows).toEqual(rows1);
    expect(expectStatus(await w.verify(v1.version), 200).body.ok).toBe(true);
    expect(expectStatus(await w.verify('published'), 200).body).toMatchObject({ ok: true, version: v2.version });
    const d = (await (await s.request(`/api/register/diff?from=${v1.version}&to=${v2.version}`, { token: s.tokens.ppid })).json()) as RowDiff;
    expect(d.changed).toEqual([{ id: rows1[2]!.id, fields: [{ field: 'summary', from: rows1[2]!.summary, to: 'Ringkasan yang diperbarui.' }] }]);

    // Every step left an audit entry, and the chain still verifies.
    const audit = (await (await s.request('/api/audit/verify', { token: s.tokens.admin })).json()) as { ok: boolean };
    expect(audit.ok).toBe(true);
    const actions = (await s.db.selectFrom('audit_log').select('action').where('subject', '=', `version:${v1.version}`).orderBy('seq').execute()).map((e) => e.action);
    expect(actions).toEqual(['register.push', 'approval.submit', 'approval.meeting', 'approval.meeting', 'approval.approve', 'approval.publish']);
  });

  it('rejection: a rejected version takes no further step', async () => {
    const v = await w.push(sampleRows(3, 50));
    expectStatus(await w.submit(v.version), 200);
    const rejected = expectStatus(await w.reject(v.version, 'Uji konsekuensi baris 2 belum lengkap.'), 200).body;
    expect(rejected.version.state).toBe('rejected');
    expect(rejected.rejection).toMatchObject({ rejectedBy: 'approver', reason: 'Uji konsekuensi baris 2 belum lengkap.', supersededBy: null });

    const refusals: [Promise<{ status: number; body: { error?: { code: string } } }>, number, string][] = [
      [w.approve(v.version, v.contentHash), 409, 'version_not_submitted'],
      [w.reject(v.version, 'lagi'), 409, 'version_not_submitted'],
      [w.meeting(v.version, { date: '2025-01-02', participants: ['A'], decision: 'x' }), 409, 'version_not_submitted'],
      [w.submit(v.version), 409, 'version_not_draft'],
      [w.publish(v.version), 409, 'version_not_approved'],
    ];
    for (const [p, status, code] of refusals) {
      const r = await p;
      expect([r.status, r.body.error?.code]).toEqual([status, code]);
    }
    expect(expectStatus(await w.verify(v.version), 200).body).toMatchObject({ ok: true, state: 'rejected' });
  });

  it('submitting a newer version supersedes the waiting one; older submissions are refused', async () => {
    const older = await w.push(sampleRows(3, 60));
    const waiting = await w.push(sampleRows(3, 61));
    expectStatus(await w.submit(waiting.version), 200);
    const refused = await w.submit(older.version);
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'newer_version_submitted']);

    const newer = await w.push(sampleRows(3, 62));
    expectStatus(await w.submit(newer.version), 200);
    const set = expectStatus(await w.info(waiting.version), 200).body;
    expect(set.version.state).toBe('rejected');
    expect(set.rejection).toMatchObject({ supersededBy: newer.version, rejectedBy: 'ppid' });
    expect(expectStatus(await w.verify(waiting.version), 200).body.ok).toBe(true);

    // Once the newer one is published, the older draft can no longer be submitted.
    expectStatus(await w.approve(newer.version, newer.contentHash), 200);
    expectStatus(await w.publish(newer.version), 200);
    const stale = await w.submit(older.version);
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'older_than_published']);
  });

  it('four-eyes: whoever pushed or submitted a version may not approve it', async () => {
    const v = await w.push(sampleRows(4, 70)); // pushed by ppid
    expectStatus(await w.submit(v.version, s.tokens.ppid2), 200);
    try {
      for (const who of ['ppid', 'ppid2'] as const) {
        await setRole(who, 'approver'); // promoted to Atasan PPID: the role allows approving, the history does not
        const r = await w.approve(v.version, v.contentHash, s.tokens[who]);
        expect([who, r.status, r.body.error?.code]).toEqual([who, 409, 'four_eyes_violation']);
        await setRole(who, 'ppid');
      }
    } finally {
      await setRole('ppid', 'ppid');
      await setRole('ppid2', 'ppid');
    }
    expect((await w.info(v.version)).body.version.state).toBe('submitted');
    expectStatus(await w.approve(v.version, v.contentHash), 200);
  });

  it('refuses a content hash that is not the version\'s', async () => {
    const v = await w.push(sampleRows(4, 80));
    expectStatus(await w.submit(v.version), 200);
    const other = (await getVersion(v.version - 1)).version.contentHash;
    const r = await w.approve(v.version, other);
    expect([r.status, r.body.error?.code]).toEqual([409, 'content_hash_mismatch']);
    expect((await w.info(v.version)).body).toMatchObject({ version: { state: 'submitted' }, approval: null });
    expectStatus(await w.reject(v.version, 'dibersihkan untuk uji berikutnya'), 200);
  });

  it('refuses to approve a version with validation errors, naming them', async () => {
    const rows = sampleRows(4, 90);
    rows[1] = { ...rows[1]!, title: '   ' };
    rows[3] = { ...rows[3]!, category: null };
    const v = await w.push(rows);
    expectStatus(await w.submit(v.version), 200);
    const r = await w.approve(v.version, v.contentHash);
    expect([r.status, r.body.error?.code]).toEqual([422, 'version_has_errors']);
    const details = r.body.error as unknown as { details: { summary: { errors: number }; issues: { rowIndex: number; field: string; severity: string }[] } };
    expect(details.details.summary.errors).toBeGreaterThanOrEqual(2);
    expect(details.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ rowIndex: 1, field: 'title', severity: 'error' }), expect.objectContaining({ rowIndex: 3, field: 'category', severity: 'error' })]));
    expect((await w.info(v.version)).body.version.state).toBe('submitted');
    expectStatus(await w.reject(v.version, 'Judul dan kategori kosong.'), 200);
  });

  it('checks roles: only ppid submits, records meetings and publishes; only the approver approves or rejects', async () => {
    const v = await w.push(sampleRows(2, 100));
    const m = { date: '2025-05-01', participants: ['A'], decision: 'setuju' };
    const forbidden: [string, Promise<{ status: number }>][] = [
      ['unit submits', w.submit(v.version, s.tokens.unitA)],
      ['approver submits', w.submit(v.version, s.tokens.approver)],
      ['admin submits', w.submit(v.version, s.tokens.admin)],
    ];
    for (const [what, p] of forbidden) expect([what, (await p).status]).toEqual([what, 403]);

    expectStatus(await w.submit(v.version), 200);
    const afterSubmit: [string, Promise<{ status: number }>][] = [
      ['ppid approves', w.approve(v.version, v.contentHash, s.tokens.ppid2)],
      ['unit approves', w.approve(v.version, v.contentHash, s.tokens.unitA)],
      ['admin approves', w.approve(v.version, v.contentHash, s.tokens.admin)],
      ['ppid rejects', w.reject(v.version, 'tidak', s.tokens.ppid2)],
      ['approver records a meeting', w.meeting(v.version, m, s.tokens.approver)],
      ['unit reads the records', w.info(v.version, s.tokens.unitA)],
    ];
    for (const [what, p] of afterSubmit) expect([what, (await p).status]).toEqual([what, 403]);
    expect((await s.request(`/api/register/versions/${v.version}/approve`, { method: 'POST', json: { contentHash: v.contentHash, ...SK } })).status).toBe(401);

    expectStatus(await w.approve(v.version, v.contentHash), 200);
    for (const token of [s.tokens.approver, s.tokens.unitA, s.tokens.admin]) expect((await w.publish(v.version, token)).status).toBe(403);
    expect((await w.info(v.version, s.tokens.admin)).body.version.state).toBe('approved');
    expectStatus(await w.publish(v.version), 200);
  });

  it('answers bad input with a clear error', async () => {
    const v = await w.push(sampleRows(2, 110));
    expectStatus(await w.submit(v.version), 200);
    const cases: [string, Promise<{ status: number; body: { error?: { code: string } } }>, number, string][] = [
      ['impossible SK date', w.approve(v.version, v.contentHash, s.tokens.approver, { ...SK, decreeDate: '2025-02-30' }), 422, 'invalid_body'],
      ['empty SK number', w.approve(v.version, v.contentHash, s.tokens.approver, { ...SK, decreeNumber: '  ' }), 422, 'invalid_body'],
      ['hash not hex', w.approve(v.version, 'abc', s.tokens.approver), 422, 'invalid_body'],
      ['no participants', w.meeting(v.version, { date: '2025-01-01', participants: [], decision: 'x' }), 422, 'invalid_body'],
      ['unknown field', w.meeting(v.version, { date: '2025-01-01', participants: ['A'], decision: 'x', extra: 1 }), 422, 'invalid_body'],
      ['empty reason', w.reject(v.version, ''), 422, 'invalid_body'],
      ['no such version', w.submit(99_999), 404, 'not_found'],
      ['not a version', w.submit('abc' as unknown as number), 404, 'not_found'],
    ];
    for (const [what, p, status, code] of cases) {
      const r = await p;
      expect([what, r.status, r.body.error?.code]).toEqual([what, status, code]);
    }
    expect((await w.info(v.version)).body).toMatchObject({ version: { state: 'submitted' }, meetings: [], approval: null });
    expectStatus(await w.reject(v.version, 'selesai'), 200);
  });
});
