import { sql } from 'kysely';
import type { AnyDb } from './any-db.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'ppid', 'approver', 'unit')`))
    .addColumn('unit_code', 'text', (c) => c.references('units.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .addCheckConstraint('users_unit_role', sql`(role = 'unit') = (unit_code is not null)`)
    .execute();

  await db.schema
    .createTable('auth_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('auth_tokens_user').on('auth_tokens').column('user_id').execute();

  // The single row that every push locks: it serialises writers across server instances.
  await db.schema
    .createTable('register')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('head', 'integer')
    .addColumn('published', 'integer')
    .execute();
  await db.insertInto('register').values({ id: 1, head: null, published: null }).execute();

  await db.schema
    .createTable('register_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('parent', 'integer', (c) => c.references('register_versions.version'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`state in ('draft', 'submitted', 'approved', 'published', 'rejected')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Rows are stored as intervals of versions: a row's content lives from `from_version` until the version that
  // changed or removed it (`to_version`, exclusive). A 10-row edit of a 10,000-row register adds 10 rows here.
  // No foreign keys to register_versions on purpose: a per-row FK check doubled the cost of a 10,000-row push
  // (measured), and both columns are only ever written by the push that creates that version, in its transaction.
  await db.schema
    .createTable('register_rows')
    .addColumn('row_id', 'uuid', (c) => c.notNull())
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('to_version', 'integer')
    // Sort key within a version (register/ordering.ts): a double, so rows inserted later fit between existing ones.
    .addColumn('ord', 'double precision', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('register_rows_pk', ['row_id', 'from_version'])
    .addCheckConstraint('register_rows_interval', sql`to_version is null or to_version > from_version`)
    .execute();
  await db.schema.createIndex('register_rows_live').on('register_rows').column('row_id').where(sql.ref('to_version'), 'is', null).unique().execute();
  await db.schema.createIndex('register_rows_from').on('register_rows').columns(['from_version', 'to_version']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();

  // Append-only, hash-chained. `audit_head` is locked to append, so the chain never forks.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['audit_head', 'audit_log', 'idempotency_keys', 'register_rows', 'register_versions', 'register', 'auth_tokens', 'users', 'units']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
