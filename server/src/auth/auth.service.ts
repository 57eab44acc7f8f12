import { createHash, randomBytes } from 'node:crypto';
import type { CreateUserRequest, LoginResponse, UserInfo } from '../../../shared/api.js';
import { knownUnitsOf } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { AppError, unauthorized, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import * as repo from './auth.repository.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';

/** Tokens are 256 random bits; only their SHA-256 is stored, so a database leak does not leak sessions. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const toUserInfo = (u: { id: number; username: string; role: UserInfo['role']; unit_code: string | null }): UserInfo => ({
  id: u.id,
  username: u.username,
  role: u.role,
  unitCode: u.unit_code,
});

export async function login(db: Db, username: string, password: string, ttlMs: number, now = new Date()): Promise<LoginResponse> {
  const user = await repo.findUserByUsername(db, username);
  // Verify against a dummy hash when the user is unknown so both paths take the same time.
  const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok || user.disabled_at) {
    throw new AppError(401, 'invalid_credentials', 'Nama pengguna atau kata sandi salah.', 'Wrong username or password.');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.transaction().execute(async (trx) => {
    await repo.insertToken(trx, { tokenHash: hashToken(token), userId: user.id, expiresAt });
    await recordAudit(trx, { actor: user.username, action: 'auth.login', subject: `user:${user.id}` }, now);
  });
  return { token, expiresAt: expiresAt.toISOString(), user: toUserInfo(user) };
}

export async function authenticate(db: Db, token: string, now = new Date()): Promise<AuthUser> {
  const row = await repo.findUserByToken(db, hashToken(token), now);
  if (!row) throw unauthorized('Sesi tidak berlaku atau sudah berakhir. Silakan masuk lagi.', 'Session invalid or expired. Please sign in again.');
  return { id: row.id, username: row.username, role: row.role, unitCode: row.unit_code };
}

export async function logout(db: Db, user: AuthUser, tokenHash: string, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await repo.revokeToken(trx, tokenHash, now);
    await recordAudit(trx, { actor: user.username, action: 'auth.logout', subject: `user:${user.id}` }, now);
  });
}

export async function createUser(db: Db, actor: string, req: CreateUserRequest): Promise<UserInfo> {
  if (req.unitCode && !(await repo.findUnit(db, req.unitCode))) {
    throw unprocessable('unknown_unit', `Unit ${req.unitCode} belum terdaftar.`, `Unit ${req.unitCode} is not registered.`);
  }
  const passwordHash = await hashPassword(req.password);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertUser(trx, { username: req.username, passwordHash, role: req.role, unitCode: req.unitCode ?? null });
    if (!row) throw new AppError(409, 'username_taken', `Nama pengguna ${req.username} sudah dipakai.`, `Username ${req.username} is taken.`);
    await recordAudit(trx, { actor, action: 'user.create', subject: `user:${row.id}`, details: { username: row.username, role: row.role, unitCode: row.unit_code } });
    return toUserInfo(row);
  });
}

/**
 * Unit codes and names for validation's "unknown unit" warning, or undefined while no unit is set up yet (an
 * import before the units exist would otherwise flag every row).
 */
export async function knownUnitNames(db: Db): Promise<string[] | undefined> {
  return knownUnitsOf(await repo.listUnits(db));
}

export async function createUnit(db: Db, actor: string, unit: { code: string; name: string }) {
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertUnit(trx, unit);
    if (!row) throw new AppError(409, 'unit_exists', `Kode unit ${unit.code} sudah ada.`, `Unit code ${unit.code} already exists.`);
    await recordAudit(trx, { actor, action: 'unit.create', subject: `unit:${row.code}`, details: { name: row.name } });
    return row;
  });
}

/**
 * First start: with no admin yet, create one from ADMIN_USERNAME / ADMIN_PASSWORD, or with a random password that is
 * returned (and printed once by main.ts). Later starts change nothing.
 */
export async function bootstrapAdmin(db: Db, username = 'admin', password?: string): Promise<{ created: boolean; password?: string }> {
  if ((await repo.countAdmins(db)) > 0) return { created: false };
  const pw = password ?? randomBytes(12).toString('base64url');
  await createUser(db, 'system', { username, password: pw, role: 'admin' });
  return { created: true, ...(password ? {} : { password: pw }) };
}

export const listUsers = async (db: Db) =>
  (await repo.listUsers(db)).map((u) => ({ ...toUserInfo(u), createdAt: u.created_at.toISOString(), disabled: u.disabled_at !== null }));
export const listUnits = (db: Db) => repo.listUnits(db);
