import type { Generated } from 'kysely';

export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  /** SHA-256 of method, path and body: the same key with another body is refused. */
  request_hash: string;
  status: number;
  /** The JSON body first returned; for a push (register_version set), without what that version holds. */
  response: string;
  /** Set for a push: the version it created, from which a replay fills in the added rows and the ids. */
  register_version: number | null;
  created_at: Generated<Date>;
}
export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
