import { sql } from 'kysely';
import type { AnyDb } from './any-db.js';

/** Tables that only ever grow: their history is the evidence, so no row may change or go. */
const APPEND_ONLY = ['audit_log', 'signing_keys', 'approvals', 'version_submissions', 'version_meetings', 'version_rejections', 'version_publications'];

export async function up(db: AnyDb): Promise<void> {
  // Public keys stay forever so that old approvals still verify after a key change; the private key is kept only for
  // the key this server generated itself (a key given through SIGNING_KEY_PKCS8_BASE64 never touches the database).
  await db.schema
    .createTable('signing_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull().check(sql`algorithm = 'Ed25519'`))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key_pkcs8', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('generated', 'env')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // At most one generated key: two instances starting together on an empty database agree on one.
  await sql`create unique index signing_keys_one_generated on signing_keys ((true)) where source = 'generated'`.execute(db);

  await db.schema
    .createTable('version_submissions')
    .addColumn('version', 'integer', (c) => c.primaryKey().references('register_versions.version'))
    .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('version_meetings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().references('register_versions.version'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('version_meetings_version').on('version_meetings').column('version').execute();

  // approved_at and decree_date are text: they are signed, and must re-serialise byte for byte.
  await db.schema
    .createTable('approvals')
    .addColumn('version', 'integer', (c) => c.primaryKey().references('register_versions.version'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('decree_number', 'text', (c) => c.notNull())
    .addColumn('decree_date', 'text', (c) => c.notNull())
    .addColumn('approver_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('approver', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().references('signing_keys.key_id'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('version_rejections')
    .addColumn('version', 'integer', (c) => c.primaryKey().references('register_versions.version'))
    .addColumn('rejected_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('superseded_by', 'integer', (c) => c.references('register_versions.version'))
    .addColumn('rejected_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('version_publications')
    .addColumn('version', 'integer', (c) => c.primaryKey().references('register_versions.version'))
    .addColumn('published_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Verify reads a version's audit entries by subject.
  await db.schema.createIndex('audit_log_subject').on('audit_log').column('subject').execute();

  await createTriggers(db);
}

async function createTriggers(db: AnyDb): Promise<void> {
  await sql`
    create function dip_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'dip_immutable: % pada % tidak diizinkan (hanya boleh ditambah) / % on % is not allowed (append-only)',
        tg_op, tg_table_name, tg_op, tg_table_name using errcode = 'P0001';
    end $$`.execute(db);
  for (const t of APPEND_ONLY) {
    await sql`create trigger ${sql.id(`${t}_append_only`)} before update or delete on ${sql.table(t)} for each row execute function dip_refuse_change()`.execute(db);
    // TRUNCATE skips row triggers: refuse it on its own.
    await sql`create trigger ${sql.id(`${t}_no_truncate`)} before truncate on ${sql.table(t)} for each statement execute function dip_refuse_change()`.execute(db);
  }

  // A version's content never changes once stored; its state only moves along the workflow; an approved or published
  // version changes in nothing but approved → published, and is never deleted.
  await sql`
    create function dip_versions_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.state in ('approved', 'published') then
          raise exception 'dip_immutable: versi % sudah disetujui dan tidak dapat dihapus / version % is approved and cannot be deleted',
            old.version, old.version using errcode = 'P0001';
        end if;
        return old;
      end if;
      if old.state in ('approved', 'published')
         and (to_jsonb(new) - 'state' <> to_jsonb(old) - 'state'
              or (new.state <> old.state and not (old.state = 'approved' and new.state = 'published'))) then
        raise exception 'dip_immutable: versi % sudah disetujui dan tidak dapat diubah / version % is approved and cannot be changed',
          old.version, old.version using errcode = 'P0001';
      end if;
      if new.version <> old.version or new.parent is distinct from old.parent or new.author_id <> old.author_id
         or new.message <> old.message or new.content_hash <> old.content_hash or new.row_count <> old.row_count
         or new.created_at <> old.created_at then
        raise exception 'dip_immutable: isi versi % tidak dapat diubah / the content of version % cannot be changed',
          old.version, old.version using errcode = 'P0001';
      end if;
      if new.state <> old.state and (old.state, new.state) not in
         (('draft', 'submitted'), ('submitted', 'approved'), ('submitted', 'rejected'), ('approved', 'published')) then
        raise exception 'dip_immutable: versi % tidak dapat berpindah dari % ke % / version % cannot move from % to %',
          old.version, old.state, new.state, old.version, old.state, new.state using errcode = 'P0001';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger register_versions_guard before update or delete on register_versions for each row execute function dip_versions_guard()`.execute(db);
  await sql`create trigger register_versions_no_truncate before truncate on register_versions for each statement execute function dip_refuse_change()`.execute(db);

  // Row intervals [from_version, to_version) that cover an approved or published version are frozen. Statement-level
  // with transition tables: a push that closes 10,000 rows runs one check, not 10,000.
  await sql`
    create function dip_rows_guard() returns trigger language plpgsql as $$
    declare
      bad_row uuid;
      bad_version integer;
    begin
      -- Each branch names only the transition tables its event has (an INSERT has no old_rows, a DELETE no new_rows).
      if tg_op = 'DELETE' then
        select o.row_id, p.version into bad_row, bad_version
          from old_rows o
          join register_versions p on p.state in ('approved', 'published')
            and p.version >= o.from_version and (o.to_version is null or p.version < o.to_version)
         limit 1;
      elsif tg_op = 'INSERT' then
        select n.row_id, p.version into bad_row, bad_version
          from new_rows n
          join register_versions p on p.state in ('approved', 'published')
            and p.version >= n.from_version and (n.to_version is null or p.version < n.to_version)
         limit 1;
      else
        -- Every old row that covered a protected version must still be there, unchanged, still covering it; the one
        -- change allowed is to_version going from NULL to a later version (a later push closing the row).
        select o.row_id, p.version into bad_row, bad_version
          from old_rows o
          join register_versions p on p.state in ('approved', 'published')
            and p.version >= o.from_version and (o.to_version is null or p.version < o.to_version)
         where not exists (
           select 1 from new_rows n
            where n.row_id = o.row_id and n.from_version = o.from_version and n.ord = o.ord
              and n.row_hash = o.row_hash and n.body = o.body
              and (n.to_version is not distinct from o.to_version or (o.to_version is null and n.to_version > p.version)))
         limit 1;
        if bad_row is null then
          -- And no row may newly enter a protected version.
          select n.row_id, p.version into bad_row, bad_version
            from new_rows n
            join register_versions p on p.state in ('approved', 'published')
              and p.version >= n.from_version and (n.to_version is null or p.version < n.to_version)
           where not exists (
             select 1 from old_rows o
              where o.row_id = n.row_id and o.from_version = n.from_version and o.ord = n.ord
                and o.row_hash = n.row_hash and o.body = n.body
                and o.from_version <= p.version and (o.to_version is null or o.to_version > p.version))
           limit 1;
        end if;
      end if;
      if bad_row is not null then
        raise exception 'dip_immutable: baris % termasuk versi % yang sudah disetujui / row % belongs to approved version %',
          bad_row, bad_version, bad_row, bad_version using errcode = 'P0001';
      end if;
      return null;
    end $$`.execute(db);
  // Transition tables allow one event per trigger, hence three triggers over one function.
  await sql`create trigger register_rows_guard_insert after insert on register_rows referencing new table as new_rows for each statement execute function dip_rows_guard()`.execute(db);
  await sql`create trigger register_rows_guard_update after update on register_rows referencing old table as old_rows new table as new_rows for each statement execute function dip_rows_guard()`.execute(db);
  await sql`create trigger register_rows_guard_delete after delete on register_rows referencing old table as old_rows for each statement execute function dip_rows_guard()`.execute(db);
  await sql`create trigger register_rows_no_truncate before truncate on register_rows for each statement execute function dip_refuse_change()`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [...APPEND_ONLY, 'register_versions', 'register_rows']) {
    for (const suffix of ['_append_only', '_no_truncate', '_guard', '_guard_insert', '_guard_update', '_guard_delete']) {
      await sql`drop trigger if exists ${sql.id(`${t}${suffix}`)} on ${sql.table(t)}`.execute(db);
    }
  }
  for (const t of ['version_publications', 'version_rejections', 'approvals', 'version_meetings', 'version_submissions', 'signing_keys']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('audit_log_subject').ifExists().execute();
  for (const f of ['dip_rows_guard', 'dip_versions_guard', 'dip_refuse_change']) await sql`drop function if exists ${sql.id(f)}()`.execute(db);
}
