import { sql } from 'kysely';
import type { AnyDb } from './any-db.js';

export async function up(db: AnyDb): Promise<void> {
  // The task pane sends an Idempotency-Key with every push, and the first push of a 10,000-row DIP answers with all
  // its rows (~6 MB), every later one with the ids of all rows. A remembered push answer now leaves out what the
  // stored version itself holds — the rows it added and the ids of all its rows — and names that version; a replay
  // reads them back (register.push.ts). Storing the whole answer cost a push ~60 ms (measured, docs/benchmarks.md)
  // and kept megabytes per push for ever.
  await db.schema.alterTable('idempotency_keys').addColumn('register_version', 'integer').execute();
  // What is still remembered (a submission's receipt, a push's changes and issues) is stored as it is, out of line:
  // pglz-compressing a large answer cost Postgres more CPU than storing it. lz4 would be cheaper still, but PGlite is
  // built without it.
  await sql`alter table idempotency_keys alter column response set storage external`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`alter table idempotency_keys alter column response set storage extended`.execute(db);
  await db.schema.alterTable('idempotency_keys').dropColumn('register_version').execute();
}
