/**
 * The register's read side and its precondition: version metadata, rows, diffs, ETags. Pushing is register.push.ts.
 */
import type { RegisterInfo, VersionMeta } from '../../../shared/api.js';
import { diff, emptyDiff, type RowDiff } from '../../../shared/diff.js';
import type { StoredDipRow } from '../../../shared/row.js';
import type { Db } from '../db/database.js';
import { AppError, notFound } from '../http/errors.js';
import * as repo from './register.repository.js';

export const etagOf = (v: { version: number; content_hash: string } | undefined): string =>
  v ? `"${v.version}-${v.content_hash.slice(0, 16)}"` : '"empty"';

export function toVersionMeta(v: repo.VersionRow): VersionMeta {
  return {
    version: v.version,
    parent: v.parent,
    author: v.author,
    message: v.message,
    contentHash: v.content_hash,
    rowCount: v.row_count,
    state: v.state,
    createdAt: v.created_at.toISOString(),
  };
}

export async function registerInfo(db: Db): Promise<RegisterInfo & { etag: string }> {
  const reg = await repo.readRegister(db);
  const head = reg.head === null ? undefined : await repo.findVersion(db, reg.head);
  return { head: reg.head, published: reg.published, etag: etagOf(head) };
}

/** `N`, `head` or `published` → a version number (404 when there is none). */
export async function resolveVersion(db: Db, ref: string): Promise<number> {
  if (ref === 'head' || ref === 'published') {
    const reg = await repo.readRegister(db);
    const n = ref === 'head' ? reg.head : reg.published;
    if (n === null) throw notFound(ref === 'head' ? 'Versi terakhir' : 'Versi terbit', ref === 'head' ? 'Head version' : 'Published version');
    return n;
  }
  if (!/^[1-9][0-9]{0,8}$/.test(ref)) throw notFound(`Versi ${ref}`, `Version ${ref}`);
  return Number(ref);
}

export async function getVersionMeta(db: Db, n: number) {
  const v = await repo.findVersion(db, n);
  if (!v) throw notFound(`Versi ${n}`, `Version ${n}`);
  return v;
}

/**
 * The version's JSON, built from the stored canonical row bodies without parsing them again:
 * what was pushed is what comes back, byte for byte in content.
 */
export async function versionJson(db: Db, n: number): Promise<{ json: string; etag: string }> {
  const v = await getVersionMeta(db, n);
  const rows = await repo.rowsAt(db, n);
  return { json: `{"version":${JSON.stringify(toVersionMeta(v))},"rows":[${rows.map((r) => r.body).join(',')}]}`, etag: etagOf(v) };
}

export async function rowsOf(db: Db, n: number): Promise<StoredDipRow[]> {
  return (await repo.rowsAt(db, n)).map((r) => JSON.parse(r.body) as StoredDipRow);
}

export async function diffVersions(db: Db, from: number | null, to: number): Promise<RowDiff> {
  const [a, b] = await Promise.all([from === null ? Promise.resolve([]) : rowsOf(db, from), rowsOf(db, to)]);
  return diff(a, b);
}

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

function parseEtagVersion(tag: string): number | null {
  const m = /^(?:W\/)?"(\d+)-[0-9a-f]{16}"$/.exec(tag.trim());
  return m ? Number(m[1]) : null;
}

export async function checkPrecondition(trx: Db, head: number | null, pre: Preconditions): Promise<void> {
  if (pre.ifNoneMatch !== undefined) {
    if (pre.ifNoneMatch.trim() !== '*') throw new AppError(400, 'invalid_precondition', 'If-None-Match hanya menerima *.', 'If-None-Match only accepts *.');
    if (head === null) return;
    throw await stale(trx, null, head);
  }
  if (pre.ifMatch === undefined || pre.ifMatch.trim() === '*') {
    throw new AppError(428, 'precondition_required', 'Sertakan If-Match dengan ETag versi terakhir (atau If-None-Match: * untuk versi pertama).', 'Send If-Match with the head ETag (or If-None-Match: * for the first version).');
  }
  const headMeta = head === null ? undefined : await repo.findVersion(trx, head);
  if (pre.ifMatch.trim().replace(/^W\//, '') === etagOf(headMeta)) return;
  const base = parseEtagVersion(pre.ifMatch);
  throw await stale(trx, base !== null && base <= (head ?? 0) ? base : null, head);
}

async function stale(trx: Db, base: number | null, head: number | null): Promise<AppError> {
  const d = head === null ? emptyDiff() : await diffVersions(trx, base, head);
  return new AppError(
    412,
    'stale_base',
    `Register sudah berubah sejak versi dasar Anda (versi terakhir: ${head ?? '-'}). Tarik versi terbaru lalu terapkan ulang perubahan Anda.`,
    `The register changed since your base version (head: ${head ?? '-'}). Pull the head and re-apply your changes.`,
    { base, head, diff: d },
  );
}

export const listVersionMetas = (db: Db) => repo.listVersions(db);
