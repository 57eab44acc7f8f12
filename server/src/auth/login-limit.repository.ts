import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface ThrottleRow {
  key: string;
  failures: number;
  window_start: Date;
  locked_until: Date | null;
  lockouts: number;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
}

/**
 * The rows of `keys`, created if missing, locked for this transaction in key order (so two instances locking the
 * same keys cannot deadlock): concurrent attempts on one subject are counted one after the other.
 */
export async function lockThrottleRows(trx: Db, keys: string[], now: Date): Promise<ThrottleRow[]> {
  await trx
    .insertInto('login_throttle')
    .values([...keys].sort().map((key) => ({ key, window_start: now, locked_until: null, last_attempt_at: null, last_success_at: null })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return trx.selectFrom('login_throttle').selectAll().where('key', 'in', keys).orderBy('key').forUpdate().execute();
}

export async function saveThrottleRow(trx: Db, row: ThrottleRow): Promise<void> {
  const { key, ...rest } = row;
  await trx.updateTable('login_throttle').set(rest).where('key', '=', key).execute();
}

/** Drops counters nobody touched for `idleBefore` unless they remember a recent successful sign-in. */
export async function pruneThrottleRows(db: Db, idleBefore: Date, successBefore: Date): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('last_attempt_at', '<', idleBefore)
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', successBefore)]))
    .where(sql<boolean>`(locked_until is null or locked_until < ${idleBefore})`)
    .execute();
}
