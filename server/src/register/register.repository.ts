import { sql } from 'kysely';
import { copyRows, openRowSink } from '../db/bulk.js';
import type { Db } from '../db/database.js';

/** Takes the register lock for this transaction: pushes and state changes are serialised across instances. */
export async function lockRegister(trx: Db) {
  return trx.selectFrom('register').select(['head', 'published']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
}

export async function readRegister(db: Db) {
  return db.selectFrom('register').select(['head', 'published']).where('id', '=', 1).executeTakeFirstOrThrow();
}

const versionColumns = [
  'v.version',
  'v.parent',
  'u.username as author',
  'v.message',
  'v.content_hash',
  'v.row_count',
  'v.state',
  'v.created_at',
] as const;

export async function findVersion(db: Db, version: number) {
  return db.selectFrom('register_versions as v').innerJoin('users as u', 'u.id', 'v.author_id').select(versionColumns).where('v.version', '=', version).executeTakeFirst();
}

export async function listVersions(db: Db) {
  return db.selectFrom('register_versions as v').innerJoin('users as u', 'u.id', 'v.author_id').select(versionColumns).orderBy('v.version', 'desc').execute();
}

export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

/** Ids, hashes and sort keys of the rows in the head (no bodies: a push only needs to know what changed). */
export async function liveRowHashes(trx: Db) {
  return trx.selectFrom('register_rows').select(['row_id', 'row_hash', 'ord']).where('to_version', 'is', null).execute();
}

export async function liveBodiesOf(trx: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('register_rows')
    .select(['row_id', 'body'])
    .where('to_version', 'is', null)
    .where(sql<boolean>`row_id = any(${ids}::uuid[])`)
    .execute();
}

/** The rows of version N in their order (sort key, see ordering.ts; ties by id). */
export async function rowsAt(db: Db, version: number) {
  return db
    .selectFrom('register_rows')
    .select(['row_id', 'row_hash', 'body'])
    .where('from_version', '<=', version)
    .where((eb) => eb.or([eb('to_version', 'is', null), eb('to_version', '>', version)]))
    .orderBy('ord')
    .orderBy('row_id')
    .execute();
}

/** Ids of the rows of version N in their order (what `rowsAt` returns, without the bodies). */
export async function rowIdsAt(db: Db, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('register_rows')
    .select('row_id')
    .where('from_version', '<=', version)
    .where((eb) => eb.or([eb('to_version', 'is', null), eb('to_version', '>', version)]))
    .orderBy('ord')
    .orderBy('row_id')
    .execute();
  return rows.map((r) => r.row_id);
}

/**
 * Bodies of the rows version N added, in their order: stored by N under an id no row of its parent had (changed
 * and moved rows are stored by N too, but closed a row of the parent with that id).
 */
export async function addedBodiesAt(db: Db, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('register_rows as r')
    .select('r.body')
    .where('r.from_version', '=', version)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('register_rows as o').select('o.row_id').whereRef('o.row_id', '=', 'r.row_id').where('o.to_version', '=', version))),
    )
    .orderBy('r.ord')
    .orderBy('r.row_id')
    .execute();
  return rows.map((r) => r.body);
}

export async function closeRows(trx: Db, ids: string[], version: number) {
  if (ids.length === 0) return;
  await trx
    .updateTable('register_rows')
    .set({ to_version: version })
    .where('to_version', 'is', null)
    .where(sql<boolean>`row_id = any(${ids}::uuid[])`)
    .execute();
}

// Ids are schema-checked UUIDs, hashes hex, bodies canonical JSON: all plain for COPY (db/bulk.ts).
const ROW_COLUMNS = [
  { name: 'row_id', type: 'uuid', plain: true },
  { name: 'from_version', type: 'int' },
  { name: 'ord', type: 'float8' },
  { name: 'row_hash', type: 'text', plain: true },
  { name: 'body', type: 'text', plain: true },
];
export interface NewRow {
  id: string;
  ord: number;
  hash: string;
  /** Canonical JSON, as UTF-8. */
  body: Buffer;
}
const rowValues = (version: number, r: NewRow) => [r.id, version, r.ord, r.hash, r.body];

/** New row contents of `version`, by COPY where the caller opened `withBulkCopy` (db/bulk.ts). */
export async function insertRows(trx: Db, version: number, rows: readonly NewRow[]) {
  await copyRows(trx, 'register_rows', ROW_COLUMNS, rows.map((r) => rowValues(version, r)));
}

/** The same, batch by batch: the database stores one batch while the caller prepares the next (db/bulk.ts). */
export function openRowWriter(trx: Db, version: number) {
  const sink = openRowSink(trx, 'register_rows', ROW_COLUMNS);
  return {
    write: (rows: readonly NewRow[]) => sink.write(rows.map((r) => rowValues(version, r))),
    end: () => sink.end(),
    abort: (reason: Error) => sink.abort(reason),
  };
}

export async function insertVersion(trx: Db, v: { version: number; parent: number | null; authorId: number; message: string; contentHash: string; rowCount: number }) {
  await trx
    .insertInto('register_versions')
    .values({ version: v.version, parent: v.parent, author_id: v.authorId, message: v.message, content_hash: v.contentHash, row_count: v.rowCount })
    .execute();
}

export async function setHead(trx: Db, version: number) {
  await trx.updateTable('register').set({ head: version }).where('id', '=', 1).execute();
}

/** How many row contents are stored in all: the figure that proves versions share rows. */
export async function countStoredRows(db: Db): Promise<number> {
  const r = await db.selectFrom('register_rows').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
