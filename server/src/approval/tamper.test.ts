/**
 * Tamper evidence: with the triggers on, the database refuses edits to approved or published versions, their rows,
 * approvals, workflow records and the audit log; with the triggers off (what someone with the database owner's
 * rights could do), every edit is caught by GET …/verify or GET /api/audit/verify, which name what does not match.
 */
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionVerifyReport } from '../../../shared/api.js';
import { contentHashFromRowHashes } from '../../../shared/canonical.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { auditEntryHash, type AuditVerifyResult } from '../audit/audit.service.js';
import { nodeSha256 } from '../crypto.js';
import { rowsAt } from '../register/register.repository.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { expectStatus, workflow } from './approval.testkit.js';

describe.each(testBackends)('tamper evidence on $name', (backend) => {
  let s: TestServer;
  let w: ReturnType<typeof workflow>;
  let published: number;
  let approved: number;
  let meetingId: number;

  beforeAll(async () => {
    s = await startTestServer(backend);
    w = workflow(s);
    const v1 = await w.push(sampleRows(8));
    expectStatus(await w.submit(v1.version, s.tokens.ppid2), 200);
    meetingId = expectStatus(await w.meeting(v1.version, { date: '2025-06-02', participants: ['Kepala Dinas', 'PPID'], decision: 'Disepakati.' }), 201).body.meetings[0]!.id;
    expectStatus(await w.approve(v1.version, v1.contentHash), 200);
    expectStatus(await w.publish(v1.version), 200);
    published = v1.version;
    const rows = (await rowsAt(s.db, published)).map((r) => JSON.parse(r.body) as Record<string, unknown>);
    approved = (await w.approved(rows.map((r, i) => (i === 7 ? { ...r, notes: 'diubah' } : r)) as never)).version;
  });
  afterAll(() => s.database.dispose());

  const run = (q: RawBuilder<unknown>) => q.execute(s.db);
  const verify = async (n: number) => expectStatus(await w.verify(n), 200).body;
  const auditVerify = async () => (await (await s.request('/api/audit/verify', { token: s.tokens.admin })).json()) as AuditVerifyResult;
  /** A row of the published version that is still live in the approved one. */
  const target = () => s.db.selectFrom('register_rows').selectAll().where('from_version', '=', published).where('to_version', 'is', null).orderBy('ord').executeTakeFirstOrThrow();

  /** Runs statements with the user triggers of `tables` off: an edit behind the application's back. */
  async function behindTheBack(tables: string[], ...statements: RawBuilder<unknown>[]) {
    for (const t of tables) await run(sql`alter table ${sql.table(t)} disable trigger user`);
    try {
      for (const q of statements) await run(q);
    } finally {
      for (const t of tables) await run(sql`alter table ${sql.table(t)} enable trigger user`);
    }
  }

  describe('the triggers refuse edits', () => {
    const refused: [string, () => Promise<RawBuilder<unknown>>][] = [
      ['a row body of a published version', async () => sql`update register_rows set body = replace(body, 'Ringkasan', 'Palsu') where row_id = ${(await target()).row_id}::uuid`],
      ['a row hash', async () => sql`update register_rows set row_hash = ${'0'.repeat(64)} where row_id = ${(await target()).row_id}::uuid`],
      ['a row leaving a version (to_version)', async () => sql`update register_rows set to_version = ${published + 1} where row_id = ${(await target()).row_id}::uuid and to_version is null`],
      ['a row deleted', async () => sql`delete from register_rows where row_id = ${(await target()).row_id}::uuid`],
      ['a row slipped into a published version', async () => sql`insert into register_rows (row_id, from_version, to_version, ord, row_hash, body) values ('00000000-0000-4000-8000-000000000001', ${published}, ${published + 1}, 99, 'x', '{}')`],
      ['the content hash of a version', async () => sql`update register_versions set content_hash = ${'1'.repeat(64)} where version = ${published}`],
      ['the message of a version', async () => sql`update register_versions set message = 'lain' where version = ${approved}`],
      ['an approved version moved back', async () => sql`update register_versions set state = 'submitted' where version = ${approved}`],
      ['a published version deleted', async () => sql`delete from register_versions where version = ${published}`],
      ['an approval\'s SK number', async () => sql`update approvals set decree_number = 'SK palsu' where version = ${published}`],
      ['an approval deleted', async () => sql`delete from approvals where version = ${approved}`],
      ['a meeting record', async () => sql`update version_meetings set decision = 'Ditolak.' where id = ${meetingId}`],
      ['a submission record', async () => sql`delete from version_submissions where version = ${approved}`],
      ['a publication record', async () => sql`update version_publications set published_by = published_by where version = ${published}`],
      ['an audit entry', async () => sql`update audit_log set details = '{}' where seq = 1`],
      ['an audit entry deleted', async () => sql`delete from audit_log where seq = 1`],
      ['the audit log truncated', async () => sql`truncate audit_log`],
      ['a public key', async () => sql`update signing_keys set public_key = 'x'`],
    ];
    it.each(refused)('%s', async (_what, statement) => {
      await expect(run(await statement())).rejects.toThrow(/dip_immutable/);
    });

    it('still let a push close a published row (to_version NULL → the new version), leaving that version intact', async () => {
      const rows = (await rowsAt(s.db, approved)).map((r) => JSON.parse(r.body) as Record<string, unknown>);
      const next = await w.push(rows.slice(1) as never); // removes the first row: its interval is closed
      expect((await target()).row_id).not.toBe(rows[0]!.id);
      expect(await verify(published)).toMatchObject({ ok: true });
      expect(await verify(approved)).toMatchObject({ ok: true });
      expectStatus(await w.submit(next.version), 200); // a draft's state still moves on
    });
  });

  describe('verify names every edit made behind the application\'s back', () => {
    /** Tamper, check what verify says, undo, check that verify is happy again. */
    async function caught(tables: string[], tamper: RawBuilder<unknown>[], undo: RawBuilder<unknown>[], check: () => Promise<void>) {
      await behindTheBack(tables, ...tamper);
      try {
        await check();
      } finally {
        await behindTheBack(tables, ...undo);
      }
      expect(await verify(published)).toMatchObject({ ok: true });
      expect((await auditVerify()).ok).toBe(true);
    }

    it('a row body', async () => {
      const r = await target();
      const forged = r.body.replace('Ringkasan', 'Ringkasan palsu');
      expect(forged).not.toBe(r.body);
      await caught(['register_rows'], [sql`update register_rows set body = ${forged} where row_id = ${r.row_id}::uuid and from_version = ${r.from_version}`], [sql`update register_rows set body = ${r.body} where row_id = ${r.row_id}::uuid and from_version = ${r.from_version}`], async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'row', id: r.row_id, reason: 'row_hash_mismatch' });
        expect((await verify(approved)).firstBad).toEqual({ kind: 'row', id: r.row_id, reason: 'row_hash_mismatch' });
      });
    });

    it('a row hash', async () => {
      const r = await target();
      await caught(['register_rows'], [sql`update register_rows set row_hash = ${nodeSha256('x')} where row_id = ${r.row_id}::uuid and from_version = ${r.from_version}`], [sql`update register_rows set row_hash = ${r.row_hash} where row_id = ${r.row_id}::uuid and from_version = ${r.from_version}`], async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'row', id: r.row_id, reason: 'row_hash_mismatch' });
      });
    });

    /** A careful forger: body, row hash, content hash and even the approval's hash, all consistent with each other. */
    it('a consistent forgery of body, row hash, content hash and approval hash is caught by the signature', async () => {
      const r = await target();
      const forged = r.body.replace('Ringkasan', 'Ringkasan palsu');
      const forgedHash = nodeSha256(forged);
      const rows = await rowsAt(s.db, published);
      const forgedContent = contentHashFromRowHashes(rows.map((x) => ({ id: x.row_id, hash: x.row_id === r.row_id ? forgedHash : x.row_hash })), nodeSha256);
      const original = (await s.db.selectFrom('register_versions').select('content_hash').where('version', '=', published).executeTakeFirstOrThrow()).content_hash;
      const setRow = (body: string, hash: string) => sql`update register_rows set body = ${body}, row_hash = ${hash} where row_id = ${r.row_id}::uuid and from_version = ${r.from_version}`;
      const setVersion = (h: string) => sql`update register_versions set content_hash = ${h} where version = ${published}`;
      const setApproval = (h: string) => sql`update approvals set content_hash = ${h} where version = ${published}`;
      const undo = [setRow(r.body, r.row_hash), setVersion(original), setApproval(original)];

      await caught(['register_rows'], [setRow(forged, forgedHash)], [setRow(r.body, r.row_hash)], async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'version', id: String(published), reason: 'content_hash_mismatch' });
      });
      await caught(['register_rows', 'register_versions', 'approvals'], [setRow(forged, forgedHash), setVersion(forgedContent)], undo, async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'approval', id: String(published), reason: 'content_hash_binding' });
      });
      await caught(['register_rows', 'register_versions', 'approvals'], [setRow(forged, forgedHash), setVersion(forgedContent), setApproval(forgedContent)], undo, async () => {
        expect(await verify(published)).toMatchObject({ ok: false, signature: 'invalid', firstBad: { kind: 'approval', id: String(published), reason: 'signature_invalid' } });
      });
    });

    it('the version\'s content hash', async () => {
      const original = (await s.db.selectFrom('register_versions').select('content_hash').where('version', '=', approved).executeTakeFirstOrThrow()).content_hash;
      await caught(['register_versions'], [sql`update register_versions set content_hash = ${'2'.repeat(64)} where version = ${approved}`], [sql`update register_versions set content_hash = ${original} where version = ${approved}`], async () => {
        expect(await verify(approved)).toMatchObject({ ok: false, recomputedHash: original, firstBad: { kind: 'version', id: String(approved), reason: 'content_hash_mismatch' } });
      });
    });

    it('a row removed from a version', async () => {
      const r = await target();
      await caught(['register_rows'], [sql`delete from register_rows where row_id = ${r.row_id}::uuid and from_version = ${r.from_version}`], [sql`insert into register_rows (row_id, from_version, to_version, ord, row_hash, body) values (${r.row_id}::uuid, ${r.from_version}, ${r.to_version}, ${r.ord}, ${r.row_hash}, ${r.body})`], async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'version', id: String(published), reason: 'row_count_mismatch' });
      });
    });

    it('an approval\'s SK number', async () => {
      await caught(['approvals'], [sql`update approvals set decree_number = 'SK/PALSU/2025' where version = ${published}`], [sql`update approvals set decree_number = (select details::json->>'decreeNumber' from audit_log where action = 'approval.approve' and subject = ${`version:${published}`}) where version = ${published}`], async () => {
        expect(await verify(published)).toMatchObject({ signature: 'invalid', firstBad: { kind: 'approval', id: String(published), reason: 'signature_invalid' } });
      });
    });

    it('a meeting record, edited or deleted', async () => {
      const m = await s.db.selectFrom('version_meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
      await caught(['version_meetings'], [sql`update version_meetings set decision = 'Ditolak.' where id = ${meetingId}`], [sql`update version_meetings set decision = ${m.decision} where id = ${meetingId}`], async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'meeting', id: String(meetingId), reason: 'audit_mismatch' });
      });
      await caught(['version_meetings'], [sql`delete from version_meetings where id = ${meetingId}`], [sql`insert into version_meetings (id, version, held_on, participants, decision, recorded_by, recorded_at) values (${m.id}, ${m.version}, ${m.held_on}, ${m.participants}, ${m.decision}, ${m.recorded_by}, ${m.recorded_at})`], async () => {
        expect((await verify(published)).firstBad).toEqual({ kind: 'meeting', id: String(meetingId), reason: 'missing' });
      });
    });

    it('an approved version moved back to submitted', async () => {
      await caught(['register_versions'], [sql`update register_versions set state = 'submitted' where version = ${approved}`], [sql`update register_versions set state = 'approved' where version = ${approved}`], async () => {
        expect((await verify(approved)).firstBad).toEqual({ kind: 'version', id: String(approved), reason: 'state_mismatch' });
      });
    });

    it('an audit entry\'s details, even with its own hash recomputed', async () => {
      const e = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'approval.approve').where('subject', '=', `version:${published}`).executeTakeFirstOrThrow();
      const forged = e.details.replace(/"decreeNumber":"[^"]*"/, '"decreeNumber":"SK/PALSU"');
      expect(forged).not.toBe(e.details);
      const restore = sql`update audit_log set details = ${e.details}, hash = ${e.hash} where seq = ${e.seq}`;
      await caught(['audit_log'], [sql`update audit_log set details = ${forged} where seq = ${e.seq}`], [restore], async () => {
        expect((await auditVerify()).firstBad).toEqual({ seq: e.seq, reason: 'hash_mismatch' });
        // The approval record no longer matches what the log says was approved.
        expect((await verify(published)).firstBad).toEqual({ kind: 'approval', id: String(published), reason: 'audit_mismatch' });
      });
      const rehashed = auditEntryHash({ ...e, details: forged });
      await caught(['audit_log'], [sql`update audit_log set details = ${forged}, hash = ${rehashed} where seq = ${e.seq}`], [restore], async () => {
        expect((await auditVerify()).firstBad).toEqual({ seq: e.seq + 1, reason: 'broken_link' });
      });
    });

    it('an audit entry deleted, in the middle or at the end', async () => {
      const all = await s.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      const middle = all[Math.floor(all.length / 2)]!;
      const last = all[all.length - 1]!;
      const reinsert = (e: typeof middle) => sql`insert into audit_log (seq, at, actor, action, subject, details, prev_hash, hash) values (${e.seq}, ${e.at}, ${e.actor}, ${e.action}, ${e.subject}, ${e.details}, ${e.prev_hash}, ${e.hash})`;
      await caught(['audit_log'], [sql`delete from audit_log where seq = ${middle.seq}`], [reinsert(middle)], async () => {
        expect((await auditVerify()).firstBad).toEqual({ seq: middle.seq, reason: 'gap' });
      });
      await caught(['audit_log'], [sql`delete from audit_log where seq = ${last.seq}`], [reinsert(last)], async () => {
        expect((await auditVerify()).firstBad).toEqual({ seq: last.seq, reason: 'head_mismatch' });
      });
    });
  });

  it('reports a clean register as clean', async () => {
    const reports: VersionVerifyReport[] = await Promise.all([published, approved].map(verify));
    expect(reports.map((r) => [r.ok, r.signature])).toEqual([[true, 'valid'], [true, 'valid']]);
  });
});
