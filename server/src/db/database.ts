/**
 * One Kysely code path for both databases: Postgres through `pg` when DATABASE_URL is set, embedded PGlite otherwise.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { recordClient } from './bulk.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface DbOptions {
  /** Postgres connection string; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; undefined = in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for Postgres. */
  poolSize?: number;
}

// pg returns BIGINT (int8) as strings by default; our bigints (audit seq) fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(opts: DbOptions): Promise<DbHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // A dropped idle connection must not crash the process: pg emits 'error' on the pool.
    pool.on('error', (err) => console.error(JSON.stringify({ level: 'error', msg: 'pg pool error', err: err.message })));
    // The pool listens for errors only on idle clients. A client checked out (inside a transaction) whose connection
    // drops (Postgres restarted) also emits 'error', and with no listener that kills the process. The query in
    // flight fails by itself and the pool discards the broken client on release: logging is all that is left to do.
    pool.on('connect', (client) =>
      client.on('error', (err) => console.error(JSON.stringify({ level: 'error', msg: 'pg connection lost', err: err.message }))),
    );
    // Every client Kysely takes is noted for COPY inside a `withBulkCopy` scope (see bulk.ts).
    const pooled = {
      connect: async () => {
        const client = await pool.connect();
        recordClient(client);
        return client;
      },
      end: () => pool.end(),
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pooled }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await PGlite.create(opts.dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** For /healthz: the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
