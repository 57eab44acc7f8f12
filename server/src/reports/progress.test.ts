/**
 * Round progress and reminders over a round seeded straight into the rounds tables with known times (the rounds
 * routes stamp submissions with the database's clock, so a fixture with a late unit has to write its own times).
 *
 * Round "Pemutakhiran DIP Semester I 2025", due Senin 3 Maret 2025 (ends 23:59:59 WIB = 16:59:59 UTC); report at
 * 10 Maret 2025 12.00 WIB. By hand:
 * - UA submits 1 Mar 09.00 WIB (on time): r1, r3 accepted and r2 returned at 15.00 WIB (6 h = 360 min); resubmits
 *   4 Mar, r2 accepted 5 Mar 10.00 WIB: verified 4 d 1 h = 5,820 min after the first submission; 1 row returned.
 * - UB submits 6 Mar 08.00 WIB: 3 days late; r4 returned 8 Mar 08.00 WIB (2,880 min > 1 day), r5 still pending.
 * - UC never submits: missing, 7 days late on 10 March.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../auth/auth.service.js';
import type { Db } from '../db/database.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { roundProgress, roundReminders } from './progress.service.js';
import type { RoundProgress, RoundReminders, TimeStandard } from './reports.contract.js';

const NOW = new Date('2025-03-10T05:00:00Z');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Item {
  row: number;
  status: 'pending' | 'accepted' | 'returned';
  decidedAt?: string;
  carried?: boolean;
}

async function insertRound(db: Db, r: { title: string; dueDate: string; createdBy: number; closed?: boolean; units: string[] }): Promise<number> {
  const { id } = await db
    .insertInto('rounds')
    .values({
      title: r.title,
      due_date: r.dueDate,
      due_at: new Date(`${r.dueDate}T23:59:59.999+07:00`),
      duration_preset: null,
      base_version: null,
      created_by: r.createdBy,
      created_at: new Date('2025-02-24T02:00:00Z'),
      closed_at: r.closed ? new Date('2025-02-28T02:00:00Z') : null,
      closed_by: r.closed ? r.createdBy : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('round_units').values(r.units.map((unit_code) => ({ round_id: id, unit_code }))).execute();
  return id;
}

async function insertSubmission(db: Db, roundId: number, unit: string, seq: number, at: string, by: number, items: Item[]) {
  const { id } = await db
    .insertInto('round_submissions')
    .values({
      round_id: roundId,
      unit_code: unit,
      seq,
      receipt_number: `TT/${roundId}/${unit}/${seq}`,
      submitted_by: by,
      submitted_at: new Date(at),
      source: 'json',
      file_name: null,
      row_count: items.length,
      removed_count: 0,
      content_hash: 'f'.repeat(64),
      issues: '[]',
      summary: '{"errors":0,"warnings":0,"byCode":{}}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('round_submission_rows')
    .values(
      items.map((i, ord) => ({
        submission_id: id,
        row_id: uuid(i.row),
        kind: 'row' as const,
        ord,
        row_hash: 'e'.repeat(64),
        body: '{}',
        status: i.status,
        comment: i.status === 'returned' ? 'Ringkasan belum lengkap.' : null,
        decided_by: i.decidedAt ? by : null,
        decided_at: i.decidedAt ? new Date(i.decidedAt) : null,
        carried_over: i.carried ?? false,
      })),
    )
    .execute();
}

describe.each(testBackends)('round progress on $name', (backend) => {
  let s: TestServer;
  let round: number;
  let closed: number;

  beforeAll(async () => {
    s = await startTestServer(backend);
    const db = s.db;
    await createUnit(db, 'test', { code: 'UC', name: 'Bidang Perencanaan' });
    const users = Object.fromEntries((await db.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]));
    round = await insertRound(db, { title: 'Pemutakhiran DIP Semester I 2025', dueDate: '2025-03-03', createdBy: users.ppid!, units: ['UA', 'UB', 'UC'] });
    // A newer round that is closed: `latest` must still pick the open one.
    closed = await insertRound(db, { title: 'Putaran uji yang ditutup', dueDate: '2025-03-05', createdBy: users.ppid!, closed: true, units: ['UA'] });
    await insertSubmission(db, round, 'UA', 1, '2025-03-01T02:00:00Z', users.unitA!, [
      { row: 1, status: 'accepted', decidedAt: '2025-03-01T08:00:00Z' },
      { row: 2, status: 'returned', decidedAt: '2025-03-01T08:00:00Z' },
      { row: 3, status: 'accepted', decidedAt: '2025-03-01T08:00:00Z' },
    ]);
    await insertSubmission(db, round, 'UA', 2, '2025-03-04T03:00:00Z', users.unitA!, [
      { row: 1, status: 'accepted', decidedAt: '2025-03-01T08:00:00Z', carried: true },
      { row: 2, status: 'accepted', decidedAt: '2025-03-05T03:00:00Z' },
      { row: 3, status: 'accepted', decidedAt: '2025-03-01T08:00:00Z', carried: true },
    ]);
    await insertSubmission(db, round, 'UB', 1, '2025-03-06T01:00:00Z', users.unitB!, [
      { row: 4, status: 'returned', decidedAt: '2025-03-08T01:00:00Z' },
      { row: 5, status: 'pending' },
    ]);
  });
  afterAll(() => s.database.dispose());

  it('per unit: on time, late, missing; returned rows; receipt and verification times against the standards', async () => {
    const p = await roundProgress(s.db, String(round), NOW);
    expect(p.round).toMatchObject({ id: round, title: 'Pemutakhiran DIP Semester I 2025', dueDate: '2025-03-03', dueAt: '2025-03-03T16:59:59.999Z', closed: false });
    expect(p.standards.map((x) => [x.key, x.minutes])).toEqual([
      ['receive', 1440],
      ['verify', 10080],
    ]);
    const rows = p.units.map((u) => [
      u.unitCode, u.timing, u.daysLate, u.submissions, u.review, u.returnedRows, u.openReturned,
      u.receiveMinutes, u.verifyMinutes, u.receiveWithinStandard, u.verifyWithinStandard,
    ]);
    expect(rows).toEqual([
      ['UA', 'on_time', null, 2, 'accepted', 1, 0, 360, 5820, true, true],
      ['UB', 'late', 3, 1, 'returned', 1, 1, 2880, null, false, null],
      ['UC', 'missing', 7, 0, 'not_started', 0, 0, null, null, null, null],
    ]);
    expect(p.units[0]).toMatchObject({ unitName: 'Bagian Umum', firstSubmittedAt: '2025-03-01T02:00:00.000Z', lastSubmittedAt: '2025-03-04T03:00:00.000Z' });
    expect(p.summary).toEqual({
      units: 3, onTime: 1, late: 1, missing: 1, notYetDue: 0, accepted: 1, returnedRows: 2,
      receiveWithin: 1, receiveMeasured: 2, verifyWithin: 1, verifyMeasured: 1,
    });
  });

  it('an undecided submission older than the standard is already a breach, before any decision is made', async () => {
    // UB's r5 still pending on 14 March, 8 days after its submission: past the 7-day verification standard.
    const later = await roundProgress(s.db, String(round), new Date('2025-03-14T02:00:00Z'));
    expect(later.units[1]!.verifyWithinStandard).toBe(false);
    expect(later.units[1]!.verifyMinutes).toBeNull();
    // On 10 March (4 days) it was not yet measurable.
    expect((await roundProgress(s.db, String(round), NOW)).units[1]!.verifyWithinStandard).toBeNull();
  });

  it('the time standards are data an admin changes; the yardstick follows', async () => {
    const put = (token: string, json: unknown) => s.request('/api/reports/standards', { method: 'PUT', token, json });
    expect((await put(s.tokens.ppid, { standards: [{ key: 'receive', minutes: 60 }] })).status).toBe(403);
    expect((await put(s.tokens.admin, { standards: [{ key: 'receive', minutes: 0 }] })).status).toBe(422);
    const res = await put(s.tokens.admin, { standards: [{ key: 'receive', minutes: 3 * 1440 }] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { standards: TimeStandard[] }).standards.find((x) => x.key === 'receive')!.minutes).toBe(4320);
    const p = await roundProgress(s.db, String(round), NOW);
    expect(p.units[1]!.receiveWithinStandard).toBe(true);
    await put(s.tokens.admin, { standards: [{ key: 'receive', minutes: 1440 }] });
  });

  it('reminders: the late units with a ready-to-paste Indonesian text', async () => {
    const r = await roundReminders(s.db, String(round), NOW);
    expect(r.dueDateText).toBe('Senin, 3 Maret 2025');
    expect(r.reminders.map((x) => [x.unitCode, x.reason, x.daysLate, x.openReturned])).toEqual([
      ['UB', 'returned', 7, 1],
      ['UC', 'missing', 7, 0],
    ]);
    const uc = r.reminders[1]!.text;
    expect(uc).toContain('Yth. Pimpinan Bidang Perencanaan');
    expect(uc).toContain('putaran pemutakhiran "Pemutakhiran DIP Semester I 2025" adalah Senin, 3 Maret 2025');
    expect(uc).toContain('Sampai dengan 10 Maret 2025, data dari Bidang Perencanaan belum kami terima (terlambat 7 hari)');
    expect(r.reminders[0]!.text).toContain('Sebanyak 1 baris data dari Bidang Keuangan telah kami kembalikan');
    expect((await roundReminders(s.db, String(round), new Date('2025-03-03T16:00:00Z'))).reminders).toEqual([]);
    await expect(roundReminders(s.db, String(closed), NOW)).rejects.toMatchObject({ status: 409, code: 'round_closed' });
  });

  it('over HTTP: progress for ppid/approver/admin, `latest` is the open round, reminders for ppid/admin only', async () => {
    const get = (path: string, token?: string) => s.request(path, token ? { token } : {});
    const res = await get(`/api/rounds/${round}/progress`, s.tokens.approver);
    expect(res.status).toBe(200);
    expect(((await res.json()) as RoundProgress).units.map((u) => u.timing)).toEqual(['on_time', 'late', 'missing']);
    expect(((await (await get('/api/rounds/latest/progress', s.tokens.ppid)).json()) as RoundProgress).round.id).toBe(round);
    expect((await get(`/api/rounds/${round}/progress`, s.tokens.unitA)).status).toBe(403);
    expect((await get('/api/rounds/999/progress', s.tokens.ppid)).status).toBe(404);
    expect((await get('/api/rounds/x1/progress', s.tokens.ppid)).status).toBe(404);
    const rem = await get(`/api/rounds/${round}/reminders`, s.tokens.ppid);
    expect(rem.status).toBe(200);
    expect(((await rem.json()) as RoundReminders).reminders.map((x) => x.unitCode)).toEqual(['UB', 'UC']);
    expect((await get(`/api/rounds/${round}/reminders`, s.tokens.approver)).status).toBe(403);
    expect((await get(`/api/rounds/${closed}/reminders`, s.tokens.ppid)).status).toBe(409);
  });

  it('a round nobody has submitted to yet, before its due date: every unit not yet due, nobody to remind', async () => {
    const users = await s.db.selectFrom('users').select('id').where('username', '=', 'ppid').executeTakeFirstOrThrow();
    const fresh = await insertRound(s.db, { title: 'Putaran baru', dueDate: '2099-01-31', createdBy: users.id, units: ['UA', 'UB'] });
    const p = await roundProgress(s.db, String(fresh));
    expect(p.summary).toMatchObject({ units: 2, onTime: 0, late: 0, missing: 0, notYetDue: 2, returnedRows: 0 });
    expect(p.units.map((u) => [u.timing, u.daysLate, u.review])).toEqual([
      ['not_yet_due', null, 'not_started'],
      ['not_yet_due', null, 'not_started'],
    ]);
    expect((await roundReminders(s.db, String(fresh))).reminders).toEqual([]);
    // The fixture wrote its rows directly; nothing else has touched the rounds tables.
    const n = await sql<{ n: string }>`select count(*) as n from round_submissions`.execute(s.db);
    expect(Number(n.rows[0]!.n)).toBe(3);
  });
});
