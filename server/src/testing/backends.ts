/**
 * The databases a server test runs against: PGlite always, and real Postgres when DATABASE_URL is set
 * (CI sets it). Each test file gets a fresh, migrated database that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database. `dataDir` (PGlite) makes it persistent so a test can reopen it. */
  create(opts?: { dataDir?: string }): Promise<TestDatabase>;
}

export interface TestDatabase {
  handle: DbHandle;
  /** Closes and opens the same database again (what a server restart does). */
  reopen(): Promise<DbHandle>;
  dispose(): Promise<void>;
}

const pglite: TestBackend = {
  name: 'pglite',
  async create(opts = {}) {
    let handle = await openDatabase({ dataDir: opts.dataDir });
    await migrateToLatest(handle.db);
    return {
      get handle() {
        return handle;
      },
      async reopen() {
        if (!opts.dataDir) throw new Error('reopen needs a dataDir');
        await handle.close();
        handle = await openDatabase({ dataDir: opts.dataDir });
        await migrateToLatest(handle.db);
        return handle;
      },
      dispose: () => handle.close(),
    };
  },
};

function postgres(url: string): TestBackend {
  return {
    name: 'postgres',
    async create() {
      const name = `dip_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      let handle = await openDatabase({ url: dbUrl.toString(), poolSize: 20 });
      await migrateToLatest(handle.db);
      return {
        get handle() {
          return handle;
        },
        async reopen() {
          await handle.close();
          handle = await openDatabase({ url: dbUrl.toString(), poolSize: 20 });
          await migrateToLatest(handle.db);
          return handle;
        },
        async dispose() {
          await handle.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

export const testBackends: TestBackend[] = [pglite, ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : [])];
export const postgresBackend = (): TestBackend | undefined => testBackends.find((b) => b.name === 'postgres');
