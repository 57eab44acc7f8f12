/**
 * What the public site reads: the published pointer, the versions that were ever published, and their decrees (SK).
 * Reads only: publishing is the approval workflow's (server/src/approval).
 */
import type { Db } from '../db/database.js';

export interface PublishedVersionRow {
  version: number;
  content_hash: string;
  row_count: number;
  created_at: Date;
}

/** The version citizens see now (register.published), or undefined when nothing is published yet. */
export async function currentPublished(db: Db): Promise<PublishedVersionRow | undefined> {
  return db
    .selectFrom('register as r')
    .innerJoin('register_versions as v', 'v.version', 'r.published')
    .select(['v.version', 'v.content_hash', 'v.row_count', 'v.created_at'])
    .where('r.id', '=', 1)
    .executeTakeFirst();
}

// A version counts as published when its state says so or when it is the register's published pointer (the
// pointer is what /publish moves; the state is what stays behind when a later version is published).
const wasPublished = (db: Db) =>
  db
    .selectFrom('register_versions as v')
    .select(['v.version', 'v.content_hash', 'v.row_count', 'v.created_at'])
    .where((eb) =>
      eb.or([eb('v.state', '=', 'published'), eb('v.version', '=', eb.selectFrom('register').select('published').where('id', '=', 1))]),
    );

/** A version from the archive, only if it was published (a draft is never public). */
export async function publishedVersion(db: Db, version: number): Promise<PublishedVersionRow | undefined> {
  return wasPublished(db).where('v.version', '=', version).executeTakeFirst();
}

/** Every published version, newest first. */
export async function listPublished(db: Db): Promise<PublishedVersionRow[]> {
  return wasPublished(db).orderBy('v.version', 'desc').execute();
}

export interface Decree {
  /** Nomor SK, as typed by the approver. */
  number: string;
  /** Tanggal SK (YYYY-MM-DD). */
  date: string;
  /** When the approval was recorded. */
  approvedAt: Date | null;
}

/**
 * The SK (number, date) and approval time of each given version: the ONE place that knows where approvals are
 * stored (the approval workflow's `approvals` table), so the public site adapts to it here and nowhere else.
 */
export async function readDecrees(db: Db, versions: readonly number[]): Promise<Map<number, Decree>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .selectFrom('approvals')
    .select(['version', 'decree_number', 'decree_date', 'approved_at'])
    .where('version', 'in', [...versions])
    .execute();
  return new Map(
    rows.map((r) => {
      const at = new Date(r.approved_at);
      return [r.version, { number: r.decree_number, date: r.decree_date, approvedAt: Number.isNaN(at.getTime()) ? null : at }];
    }),
  );
}
