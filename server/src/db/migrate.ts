/**
 * Migrations are plain modules listed here (no directory scanning: the same list runs from tsx, a bundle or tests).
 * They run at start; Kysely's migrator takes a lock, so two instances starting together do not race.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_approval.js';
import * as m0003 from './migrations/0003_rounds.js';
import * as m0004 from './migrations/0004_reports.js';
import * as m0005 from './migrations/0005_login_limit.js';
import * as m0006 from './migrations/0006_idempotency_storage.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_approval': m0002,
  '0003_rounds': m0003,
  '0004_reports': m0004,
  '0005_login_limit': m0005,
  '0006_idempotency_storage': m0006,
};

const provider = (migrations: Record<string, Migration>): MigrationProvider => ({ getMigrations: async () => migrations });

/**
 * Brings the schema up to date. `migrations` is for tests (a database as an older build left it).
 *
 * Unordered migrations are allowed: 0004 and 0005 were added in the opposite order during development, so a data dir
 * from between the two has 0005 without 0004. Each migration here stands on its own (none reads what a later-named
 * one made), so running a missing earlier one after a later one is safe; the list order is still the order on a
 * fresh database.
 */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration> = MIGRATIONS): Promise<void> {
  const migrator = new Migrator({ db, provider: provider(migrations), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
