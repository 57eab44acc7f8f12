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

const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_approval': m0002,
  '0003_rounds': m0003,
  '0004_reports': m0004,
  '0005_login_limit': m0005,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
