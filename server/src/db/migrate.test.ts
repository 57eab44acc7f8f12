import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { MIGRATIONS, migrateToLatest } from './migrate.js';

describe('migrations', () => {
  it('bring a database that has a later migration but not an earlier one up to date', async () => {
    // A dev data dir from when 0005 existed and 0004 did not yet.
    const handle = await openDatabase({});
    try {
      const { '0004_reports': _skipped, ...without0004 } = MIGRATIONS;
      await migrateToLatest(handle.db, without0004);
      await migrateToLatest(handle.db);
      const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
      expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      await handle.close();
    }
  });

  it('keep a remembered response uncompressed (a push answer of several MB is not compressed on every push)', async () => {
    const handle = await openDatabase({});
    try {
      await migrateToLatest(handle.db);
      const r = await sql<{ attstorage: string }>`
        select attstorage from pg_attribute where attrelid = 'idempotency_keys'::regclass and attname = 'response'`.execute(handle.db);
      expect(r.rows[0]?.attstorage).toBe('e');
    } finally {
      await handle.close();
    }
  });
});
