import { sql } from 'kysely';
import type { AnyDb } from './any-db.js';

export async function up(db: AnyDb): Promise<void> {
  // An update round (pemutakhiran). due_date is the date people agreed on (text: no time-zone drift through
  // drivers); due_at is the instant it ends, used for "late".
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull().check(sql`due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_preset', 'text')
    // The published version the templates are cut from: the base of the three-way merge.
    .addColumn('base_version', 'integer', (c) => c.references('register_versions.version'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('round_units')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
    .addPrimaryKeyConstraint('round_units_pk', ['round_id', 'unit_code'])
    .execute();

  // One row per submission (tanda terima). History is kept: a resubmission is a new row with the next seq.
  await db.schema
    .createTable('round_submissions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('json', 'xlsx')`))
    .addColumn('file_name', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('removed_count', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // JSON: the issues found reading and validating the rows, and their counts (what the receipt shows).
    .addColumn('issues', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('round_submissions_unit', ['round_id', 'unit_code'], 'round_units', ['round_id', 'unit_code'])
    .addUniqueConstraint('round_submissions_seq', ['round_id', 'unit_code', 'seq'])
    .execute();

  // The rows of a submission, and the rows of the unit's template it left out (kind 'removal'), each with the
  // PPID's decision. A decision binds the row's content: a later submission carries it over only for equal content.
  await db.schema
    .createTable('round_submission_rows')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('round_submissions.id'))
    .addColumn('row_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('row', 'removal')`))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('row_hash', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'returned')`))
    .addColumn('comment', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('carried_over', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('round_submission_rows_pk', ['submission_id', 'row_id'])
    .addCheckConstraint('round_submission_rows_returned_comment', sql`status <> 'returned' or comment is not null`)
    .execute();
  await db.schema.createIndex('round_submission_rows_row').on('round_submission_rows').column('row_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['round_submission_rows', 'round_submissions', 'round_units', 'rounds']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
