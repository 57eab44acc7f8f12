/**
 * Databases for the tests that run real server processes: a fresh Postgres database per test file (dropped
 * afterwards), or a PGlite data directory; seeded with one user per role and their tokens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUnit, createUser, hashToken, login, logout } from '../../server/src/auth/auth.service.js';
import { openDatabase, type Db, type DbHandle } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { createScratchDatabase } from '../../server/src/testing/scratch-database.js';
import { TEST_PASSWORD } from '../../server/src/testing/server.js';

export { TEST_PASSWORD };
export const PG_URL = process.env.DATABASE_URL;

export type UserName = 'admin' | 'ppid' | 'ppid2' | 'approver' | 'unitA' | 'unitB';
export const USERS: { name: UserName; role: 'admin' | 'ppid' | 'approver' | 'unit'; unitCode?: string }[] = [
  { name: 'admin', role: 'admin' },
  { name: 'ppid', role: 'ppid' },
  { name: 'ppid2', role: 'ppid' },
  { name: 'approver', role: 'approver' },
  { name: 'unitA', role: 'unit', unitCode: 'UA' },
  { name: 'unitB', role: 'unit', unitCode: 'UB' },
];

export interface Seed {
  tokens: Record<UserName, string>;
  /** A token of ppid that has expired, and one that was revoked by logging out. */
  expiredToken: string;
  revokedToken: string;
}

/** Where a server process keeps its data: a Postgres URL or a PGlite directory. */
export interface TestStore {
  kind: 'postgres' | 'pglite';
  /** Options for startServer. */
  server: { databaseUrl?: string; dataDir?: string };
  /** Opens the store from the test process (PGlite: only while no server has it open). */
  open(): Promise<DbHandle>;
  dispose(): Promise<void>;
}

export async function freshPostgres(baseUrl: string): Promise<TestStore> {
  const scratch = await createScratchDatabase(baseUrl, 'dip_fault');
  return {
    kind: 'postgres',
    server: { databaseUrl: scratch.url },
    open: () => openDatabase({ url: scratch.url, poolSize: 5 }),
    dispose: () => scratch.drop(),
  };
}

export function freshPglite(): TestStore {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dip-fault-'));
  return {
    kind: 'pglite',
    server: { dataDir },
    open: () => openDatabase({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Postgres when DATABASE_URL is set, PGlite otherwise. */
export const freshStore = (): Promise<TestStore> => (PG_URL ? freshPostgres(PG_URL) : Promise.resolve(freshPglite()));

/** Migrates and adds units UA, UB and one user per role (password TEST_PASSWORD), with their tokens. */
export async function seedUsers(db: Db, ttlMs = 12 * 3600_000): Promise<Seed> {
  await migrateToLatest(db);
  await createUnit(db, 'test', { code: 'UA', name: 'Bagian Umum' });
  await createUnit(db, 'test', { code: 'UB', name: 'Bidang Keuangan' });
  const tokens = {} as Record<UserName, string>;
  for (const u of USERS) {
    await createUser(db, 'test', { username: u.name, password: TEST_PASSWORD, role: u.role, ...(u.unitCode ? { unitCode: u.unitCode } : {}) });
    tokens[u.name] = (await login(db, u.name, TEST_PASSWORD, ttlMs)).token;
  }
  const expiredToken = (await login(db, 'ppid', TEST_PASSWORD, -1000)).token;
  const revoked = await login(db, 'ppid', TEST_PASSWORD, ttlMs);
  await logout(db, { id: revoked.user.id, username: 'ppid', role: 'ppid', unitCode: null }, hashToken(revoked.token));
  return { tokens, expiredToken, revokedToken: revoked.token };
}

/** Opens the store, seeds it and closes it again (so a PGlite server can take it). */
export async function seedStore(store: TestStore): Promise<Seed> {
  const handle = await store.open();
  try {
    return await seedUsers(handle.db);
  } finally {
    await handle.close();
  }
}

/** Runs `fn` with a short-lived connection to the store (Postgres only while servers run). */
export async function withDb<T>(store: TestStore, fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = await store.open();
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}
