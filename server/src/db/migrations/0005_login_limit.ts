import { sql } from 'kysely';
import type { AnyDb } from './any-db.js';

export async function up(db: AnyDb): Promise<void> {
  // Login attempt counters, shared by every server instance (auth/login-limit.ts). One row per limited subject:
  // a username at a client, a client, or a username from anywhere. `key` is a hash, never the raw username or
  // address, so attacker-chosen text is not stored (and a NUL byte cannot break the insert).
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    // Only on username-at-client rows: that client signed in as that user (the "known client" exemption).
    .addColumn('last_success_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('login_throttle_last_attempt').on('login_throttle').column('last_attempt_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('login_throttle').ifExists().execute();
}
