import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ItemStatus } from './rounds.table.js';

// ---- rounds ---------------------------------------------------------------------------------------------------------

export async function insertRound(
  trx: Db,
  r: { title: string; dueDate: string; dueAt: Date; preset: string | null; baseVersion: number | null; createdBy: number },
): Promise<number> {
  const row = await trx
    .insertInto('rounds')
    .values({ title: r.title, due_date: r.dueDate, due_at: r.dueAt, duration_preset: r.preset, base_version: r.baseVersion, created_by: r.createdBy, closed_at: null, closed_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRoundUnits(trx: Db, roundId: number, codes: readonly string[]) {
  if (codes.length === 0) return;
  await trx.insertInto('round_units').values(codes.map((unit_code) => ({ round_id: roundId, unit_code }))).execute();
}

const roundColumns = [
  'r.id',
  'r.title',
  'r.due_date',
  'r.due_at',
  'r.duration_preset',
  'r.base_version',
  'u.username as created_by',
  'r.created_at',
  'r.closed_at',
  sql<number>`(select count(*) from round_units ru where ru.round_id = r.id)::int`.as('unit_count'),
] as const;

export async function findRound(db: Db, id: number) {
  return db.selectFrom('rounds as r').innerJoin('users as u', 'u.id', 'r.created_by').select(roundColumns).where('r.id', '=', id).executeTakeFirst();
}
export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** All rounds, newest first; with `unitCode`, only the rounds that unit is asked in. */
export async function listRounds(db: Db, unitCode?: string) {
  let q = db.selectFrom('rounds as r').innerJoin('users as u', 'u.id', 'r.created_by').select(roundColumns).orderBy('r.id', 'desc');
  if (unitCode !== undefined) {
    q = q.where((eb) => eb.exists(eb.selectFrom('round_units as ru').select('ru.unit_code').whereRef('ru.round_id', '=', 'r.id').where('ru.unit_code', '=', unitCode)));
  }
  return q.execute();
}

export async function roundUnits(db: Db, roundId: number) {
  return db
    .selectFrom('round_units as ru')
    .innerJoin('units as un', 'un.code', 'ru.unit_code')
    .select(['un.code', 'un.name'])
    .where('ru.round_id', '=', roundId)
    .orderBy('un.code')
    .execute();
}

export async function closeRound(trx: Db, id: number, userId: number) {
  await trx.updateTable('rounds').set({ closed_at: new Date(), closed_by: userId }).where('id', '=', id).where('closed_at', 'is', null).execute();
}

// ---- submissions ------------------------------------------------------------------------------------------------------

const submissionColumns = [
  's.id',
  's.round_id',
  's.unit_code',
  's.seq',
  's.receipt_number',
  'u.username as submitted_by',
  's.submitted_at',
  's.source',
  's.file_name',
  's.row_count',
  's.removed_count',
  's.content_hash',
  's.summary',
] as const;

/** Submissions of a round (of one unit when given), oldest first. */
export async function listSubmissions(db: Db, roundId: number, unitCode?: string) {
  let q = db.selectFrom('round_submissions as s').innerJoin('users as u', 'u.id', 's.submitted_by').select(submissionColumns).where('s.round_id', '=', roundId);
  if (unitCode !== undefined) q = q.where('s.unit_code', '=', unitCode);
  return q.orderBy('s.unit_code').orderBy('s.seq').execute();
}
export type SubmissionRow = Awaited<ReturnType<typeof listSubmissions>>[number];

export async function findSubmission(db: Db, roundId: number, id: number) {
  return db
    .selectFrom('round_submissions as s')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .select([...submissionColumns, 's.issues'])
    .where('s.round_id', '=', roundId)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function lastSeq(trx: Db, roundId: number, unitCode: string): Promise<number> {
  const r = await trx
    .selectFrom('round_submissions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('round_id', '=', roundId)
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

export async function insertSubmission(
  trx: Db,
  s: { roundId: number; unitCode: string; seq: number; receiptNumber: string; submittedBy: number; source: 'json' | 'xlsx'; fileName: string | null; rowCount: number; removedCount: number; contentHash: string; issues: string; summary: string },
): Promise<number> {
  const row = await trx
    .insertInto('round_submissions')
    .values({
      round_id: s.roundId,
      unit_code: s.unitCode,
      seq: s.seq,
      receipt_number: s.receiptNumber,
      submitted_by: s.submittedBy,
      source: s.source,
      file_name: s.fileName,
      row_count: s.rowCount,
      removed_count: s.removedCount,
      content_hash: s.contentHash,
      issues: s.issues,
      summary: s.summary,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ItemInsert {
  rowId: string;
  kind: 'row' | 'removal';
  ord: number;
  hash: string;
  body: string;
  status: ItemStatus;
  comment: string | null;
  decidedBy: number | null;
  decidedAt: Date | null;
  carriedOver: boolean;
}

/** One statement whatever the row count (array parameters, no 65,535-parameter ceiling). */
export async function insertItems(trx: Db, submissionId: number, items: readonly ItemInsert[]) {
  if (items.length === 0) return;
  await sql`
    insert into round_submission_rows (submission_id, row_id, kind, ord, row_hash, body, status, comment, decided_by, decided_at, carried_over)
    select ${submissionId}, i.row_id, i.kind, i.ord, i.hash, i.body, i.status, i.comment, i.decided_by, i.decided_at, i.carried
    from unnest(
      ${items.map((i) => i.rowId)}::uuid[], ${items.map((i) => i.kind)}::text[], ${items.map((i) => i.ord)}::int[],
      ${items.map((i) => i.hash)}::text[], ${items.map((i) => i.body)}::text[], ${items.map((i) => i.status)}::text[],
      ${items.map((i) => i.comment)}::text[], ${items.map((i) => i.decidedBy)}::int[],
      ${items.map((i) => i.decidedAt?.toISOString() ?? null)}::timestamptz[], ${items.map((i) => i.carriedOver)}::boolean[]
    ) as i(row_id, kind, ord, hash, body, status, comment, decided_by, decided_at, carried)`.execute(trx);
}

export async function itemsOf(db: Db, submissionId: number) {
  return db
    .selectFrom('round_submission_rows')
    .select(['row_id', 'kind', 'ord', 'row_hash', 'body', 'status', 'comment', 'decided_by', 'decided_at', 'carried_over'])
    .where('submission_id', '=', submissionId)
    // Rows in the order sent, then the removals (they are numbered after the rows).
    .orderBy('ord')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

/** The items of several submissions at once (consolidation reads every unit's latest). */
export async function itemsOfMany(db: Db, submissionIds: readonly number[]) {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('round_submission_rows')
    .select(['submission_id', 'row_id', 'kind', 'body', 'status'])
    .where('submission_id', 'in', submissionIds)
    .orderBy('submission_id')
    .orderBy('ord')
    .execute();
}

/** Per submission: how many items are pending, accepted, returned. */
export async function itemCounts(db: Db, submissionIds: readonly number[]) {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('round_submission_rows')
    .select(['submission_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('submission_id', 'in', submissionIds)
    .groupBy(['submission_id', 'status'])
    .execute();
}

/** When the PPID last decided anything on this unit's submissions in the round (carried-over decisions keep their time). */
export async function lastReviewAt(db: Db, roundId: number, unitCode: string): Promise<Date | null> {
  const r = await db
    .selectFrom('round_submission_rows as i')
    .innerJoin('round_submissions as s', 's.id', 'i.submission_id')
    .select((eb) => eb.fn.max('i.decided_at').as('at'))
    .where('s.round_id', '=', roundId)
    .where('s.unit_code', '=', unitCode)
    .where('i.carried_over', '=', false)
    .executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

export async function decideItems(trx: Db, submissionId: number, userId: number, decisions: readonly { rowId: string; status: ItemStatus; comment: string | null }[]) {
  if (decisions.length === 0) return;
  await sql`
    update round_submission_rows i
       set status = d.status, comment = d.comment, decided_by = ${userId}, decided_at = now(), carried_over = false
      from unnest(${decisions.map((d) => d.rowId)}::uuid[], ${decisions.map((d) => d.status)}::text[], ${decisions.map((d) => d.comment)}::text[])
        as d(row_id, status, comment)
     where i.submission_id = ${submissionId} and i.row_id = d.row_id`.execute(trx);
}

/**
 * Of `ids`, those that already belong to someone else: a row of the register (any version), or a row another unit
 * submitted in any round. A unit may only submit ids from its own template or its own earlier submissions.
 */
export async function idsOwnedElsewhere(trx: Db, ids: readonly string[], unitCode: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ row_id: string }>`
    select distinct x.row_id from (
      select row_id from register_rows where row_id = any(${ids}::uuid[])
      union all
      select i.row_id from round_submission_rows i join round_submissions s on s.id = i.submission_id
       where i.row_id = any(${ids}::uuid[]) and s.unit_code <> ${unitCode}
    ) x`.execute(trx);
  return r.rows.map((x) => x.row_id);
}

/** Row ids this unit submitted in the round before (its own new rows stay its own). */
export async function idsSubmittedBy(trx: Db, roundId: number, unitCode: string): Promise<string[]> {
  const r = await trx
    .selectFrom('round_submission_rows as i')
    .innerJoin('round_submissions as s', 's.id', 'i.submission_id')
    .select('i.row_id')
    .distinct()
    .where('s.round_id', '=', roundId)
    .where('s.unit_code', '=', unitCode)
    .execute();
  return r.map((x) => x.row_id);
}
