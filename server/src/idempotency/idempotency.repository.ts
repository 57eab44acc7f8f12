import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export async function findIdempotencyKey(trx: Db, userId: number, key: string) {
  return trx.selectFrom('idempotency_keys').select(['request_hash', 'status', 'response', 'register_version']).where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
}

export async function insertIdempotencyKey(trx: Db, k: { userId: number; key: string; requestHash: string; status: number; response: string; registerVersion?: number | undefined }) {
  await trx
    .insertInto('idempotency_keys')
    .values({ user_id: k.userId, key: k.key, request_hash: k.requestHash, status: k.status, response: k.response, register_version: k.registerVersion ?? null })
    .execute();
}

/** Drops the user's keys older than `days`: a retry comes within minutes, and the table would otherwise only grow. */
export async function deleteKeysOlderThan(trx: Db, userId: number, days: number) {
  await trx
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', userId)
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .execute();
}
