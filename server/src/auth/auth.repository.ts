import type { Role } from '../../../shared/api.js';
import type { Db } from '../db/database.js';

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Db, u: { username: string; passwordHash: string; role: Role; unitCode: string | null }) {
  return db
    .insertInto('users')
    .values({ username: u.username, password_hash: u.passwordHash, role: u.role, unit_code: u.unitCode, disabled_at: null })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning(['id', 'username', 'role', 'unit_code'])
    .executeTakeFirst();
}

export async function listUsers(db: Db) {
  return db.selectFrom('users').select(['id', 'username', 'role', 'unit_code', 'created_at', 'disabled_at']).orderBy('id').execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertToken(db: Db, t: { tokenHash: string; userId: number; expiresAt: Date }) {
  await db.insertInto('auth_tokens').values({ token_hash: t.tokenHash, user_id: t.userId, expires_at: t.expiresAt, revoked_at: null }).execute();
}

/** The user behind a live token (not revoked, not expired, user not disabled). */
export async function findUserByToken(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('auth_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.unit_code', 't.expires_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeToken(db: Db, tokenHash: string, now: Date) {
  await db.updateTable('auth_tokens').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function insertUnit(db: Db, u: { code: string; name: string }) {
  return db.insertInto('units').values(u).onConflict((oc) => oc.column('code').doNothing()).returning(['code', 'name']).executeTakeFirst();
}

export async function listUnits(db: Db) {
  return db.selectFrom('units').select(['code', 'name']).orderBy('code').execute();
}

export async function findUnit(db: Db, code: string) {
  return db.selectFrom('units').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
}
