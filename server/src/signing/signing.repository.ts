import type { Db } from '../db/database.js';
import type { SigningKeysTable } from './signing.table.js';

type NewKey = Omit<SigningKeysTable, 'created_at' | 'algorithm'>;

/** Inserts a key unless one with its id (or, for a generated key, any generated key) exists already. */
export async function insertKeyIfAbsent(db: Db, k: NewKey) {
  await db
    .insertInto('signing_keys')
    .values({ ...k, algorithm: 'Ed25519' })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findGeneratedKey(db: Db) {
  return db.selectFrom('signing_keys').select(['key_id', 'public_key', 'private_key_pkcs8']).where('source', '=', 'generated').executeTakeFirst();
}

export async function findPublicKey(db: Db, keyId: string) {
  return db.selectFrom('signing_keys').select(['key_id', 'public_key']).where('key_id', '=', keyId).executeTakeFirst();
}

export async function listPublicKeys(db: Db) {
  return db.selectFrom('signing_keys').select(['key_id', 'algorithm', 'public_key', 'source', 'created_at']).orderBy('created_at').orderBy('key_id').execute();
}
