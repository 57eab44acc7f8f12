import type { Generated } from 'kysely';

export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  /** SHA-256 of method, path and body: the same key with another body is refused. */
  request_hash: string;
  status: number;
  /** The JSON body first returned. */
  response: string;
  created_at: Generated<Date>;
}
export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
