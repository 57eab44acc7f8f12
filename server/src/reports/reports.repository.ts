/**
 * The reports' SQL: which version stood when, the checklist and the time standards, and the round figures read
 * straight from the rounds tables (read only: the rounds feature owns them and writes them).
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ReportBasis } from './reports.contract.js';
import type { ReportChecklistTable, ReportStandardsTable } from './reports.table.js';

// ---- versions ------------------------------------------------------------------------------------------------------

/**
 * The last version that stood at `at`: pushed (basis head) or published (basis published) before it, or at it when
 * `inclusive`. Versions are numbered in the order they are pushed, so the highest number is the last one.
 */
export async function versionAt(db: Db, basis: ReportBasis, at: Date, inclusive: boolean): Promise<number | null> {
  const op = inclusive ? '<=' : '<';
  const r =
    basis === 'head'
      ? await db.selectFrom('register_versions').select((eb) => eb.fn.max('version').as('v')).where('created_at', op, at).executeTakeFirst()
      : await db.selectFrom('version_publications').select((eb) => eb.fn.max('version').as('v')).where('published_at', op, at).executeTakeFirst();
  return r?.v === null || r?.v === undefined ? null : Number(r.v);
}

// ---- checklist and standards ---------------------------------------------------------------------------------------

export async function readChecklist(db: Db) {
  return db.selectFrom('report_checklist').selectAll().orderBy('ord').orderBy('key').execute();
}

export async function replaceChecklist(trx: Db, items: readonly ReportChecklistTable[]) {
  await trx.deleteFrom('report_checklist').execute();
  if (items.length > 0) await trx.insertInto('report_checklist').values([...items]).execute();
}

export async function readStandards(db: Db) {
  return db.selectFrom('report_standards').selectAll().orderBy('key').execute();
}

export async function updateStandard(trx: Db, key: ReportStandardsTable['key'], set: Partial<Omit<ReportStandardsTable, 'key'>>) {
  await trx.updateTable('report_standards').set(set).where('key', '=', key).execute();
}

// ---- rounds ---------------------------------------------------------------------------------------------------------

const roundColumns = ['id', 'title', 'due_date', 'due_at', 'created_at', 'closed_at'] as const;

export async function findRound(db: Db, id: number) {
  return db.selectFrom('rounds').select(roundColumns).where('id', '=', id).executeTakeFirst();
}
export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** The newest open round, or the newest round when all are closed. */
export async function latestRound(db: Db) {
  return db
    .selectFrom('rounds')
    .select(roundColumns)
    .orderBy(sql`closed_at is null`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function roundUnits(db: Db, roundId: number) {
  return db
    .selectFrom('round_units as ru')
    .innerJoin('units as u', 'u.code', 'ru.unit_code')
    .select(['u.code', 'u.name'])
    .where('ru.round_id', '=', roundId)
    .orderBy('u.code')
    .execute();
}

/** Every submission of the round, per unit in order. */
export async function roundSubmissions(db: Db, roundId: number) {
  return db
    .selectFrom('round_submissions')
    .select(['id', 'unit_code', 'seq', 'submitted_at'])
    .where('round_id', '=', roundId)
    .orderBy('unit_code')
    .orderBy('seq')
    .execute();
}

/** Per submission and decision: how many items, and when the last of them was decided. */
export async function itemStatusCounts(db: Db, submissionIds: readonly number[]) {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('round_submission_rows')
    .select(['submission_id', 'status', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.max('decided_at').as('last_decided')])
    .where('submission_id', 'in', submissionIds)
    .groupBy(['submission_id', 'status'])
    .execute();
}

/**
 * Per unit of the round: distinct rows returned at least once, and the first decision the PPID made itself
 * (a decision carried over from an earlier submission is not a new act of receiving).
 */
export async function unitReviewFacts(db: Db, roundId: number) {
  return db
    .selectFrom('round_submission_rows as i')
    .innerJoin('round_submissions as s', 's.id', 'i.submission_id')
    .select([
      's.unit_code',
      sql<string>`count(distinct case when i.status = 'returned' then i.row_id end)`.as('returned_rows'),
      sql<Date | null>`min(case when not i.carried_over then i.decided_at end)`.as('first_decided'),
    ])
    .where('s.round_id', '=', roundId)
    .groupBy('s.unit_code')
    .execute();
}
