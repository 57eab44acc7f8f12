import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the code sees it now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // A remembered response is kept as it is, out of line, without compression: the task pane sends an
  // Idempotency-Key with every push, and the first push of a 10,000-row DIP answers with all its rows (~6 MB).
  // Compressing that with pglz cost Postgres ~30 ms of CPU per push, about as much as storing the rows (measured,
  // docs/benchmarks.md); it is read back only when a push is retried. lz4 would be cheaper still, but PGlite is
  // built without it.
  await sql`alter table idempotency_keys alter column response set storage external`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`alter table idempotency_keys alter column response set storage extended`.execute(db);
}
