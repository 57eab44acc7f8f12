/**
 * Idempotency-Key handling for writes: the same key with the same request returns the first response; the same key
 * with another request is refused (422). Call both functions inside the write's own transaction, after taking the
 * lock that serialises that write, so a retry racing its original waits and then sees the stored answer.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { AppError, badRequest } from '../http/errors.js';
import { deleteKeysOlderThan, findIdempotencyKey, insertIdempotencyKey } from './idempotency.repository.js';

export interface StoredResponse {
  status: number;
  body: string;
  /** A push's answer is remembered without what its version holds (register.push.ts): that version. */
  registerVersion?: number | undefined;
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[A-Za-z0-9_.:-]{8,200}$/.test(header)) {
    throw badRequest('invalid_idempotency_key', 'Idempotency-Key harus 8–200 karakter (huruf, angka, _ . : -).', 'Idempotency-Key must be 8–200 characters of [A-Za-z0-9_.:-].');
  }
  return header;
}

/** SHA-256 of `method \n path \n body`, fed in parts: a push body of several MB is not copied into one string first. */
export const requestHash = (method: string, path: string, body: string | Uint8Array) => createHash('sha256').update(`${method}\n${path}\n`).update(body).digest('hex');

export async function replayIfSeen(trx: Db, userId: number, key: string, reqHash: string): Promise<StoredResponse | undefined> {
  const seen = await findIdempotencyKey(trx, userId, key);
  if (!seen) return undefined;
  if (seen.request_hash !== reqHash) {
    throw new AppError(422, 'idempotency_key_reused', 'Idempotency-Key ini sudah dipakai untuk permintaan lain.', 'This Idempotency-Key was already used for a different request.');
  }
  return { status: seen.status, body: seen.response, registerVersion: seen.register_version ?? undefined };
}

/**
 * How long a key is remembered. The task pane retries a push or a submission with the same key within its session
 * (minutes); a month leaves room for any client that waits longer, and keeps the table from growing for ever.
 */
export const KEY_RETENTION_DAYS = 30;

/** Remembers the answer for a key, and forgets the user's keys past KEY_RETENTION_DAYS (a retry after that is new). */
export async function rememberResponse(trx: Db, userId: number, key: string, reqHash: string, res: StoredResponse) {
  await insertIdempotencyKey(trx, { userId, key, requestHash: reqHash, status: res.status, response: res.body, registerVersion: res.registerVersion });
  await deleteKeysOlderThan(trx, userId, KEY_RETENTION_DAYS);
}
