/**
 * The databases a server test runs against: PGlite always, and real Postgres when DATABASE_URL is set
 * (CI sets it). Each test file gets a fresh, migrated database that is dropped afterwards.
 */
import { openDatabase, type DbHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createScratchDatabase } from './scratch-database.js';

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

/** Real Postgres at `url`: each create() is a fresh scratch database. */
export function postgresTestBackend(url: string, prefix = 'dip_test'): TestBackend {
  return {
    name: 'postgres',
    async create() {
      const scratch = await createScratchDatabase(url, prefix);
      const open = async () => {
        const h = await openDatabase({ url: scratch.url, poolSize: 20 });
        await migrateToLatest(h.db);
        return h;
      };
      let handle = await open();
      return {
        get handle() {
          return handle;
        },
        async reopen() {
          await handle.close();
          handle = await open();
          return handle;
        },
        async dispose() {
          await handle.close();
          await scratch.drop();
        },
      };
    },
  };
}

export const testBackends: TestBackend[] = [pglite, ...(process.env.DATABASE_URL ? [postgresTestBackend(process.env.DATABASE_URL)] : [])];
export const postgresBackend = (): TestBackend | undefined => testBackends.find((b) => b.name === 'postgres');
