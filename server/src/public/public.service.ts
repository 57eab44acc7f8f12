/**
 * The published DIP as the public site uses it: loaded once per (version, content hash), checked against its
 * content hash, projected to what citizens may see, and indexed for search.
 */
import { contentHashFromRowHashes } from '../../../shared/canonical.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { nodeSha256 } from '../crypto.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { rowsAt } from '../register/register.repository.js';
import { Lru } from './public.cache.js';
import { fold, type IndexedDik, type IndexedEntry } from './public.filter.js';
import { projectPublic, yearsOf } from './public.model.js';
import * as repo from './public.repository.js';

export type { Decree, PublishedVersionRow } from './public.repository.js';

export interface PublishedDip {
  version: number;
  contentHash: string;
  rowCount: number;
  createdAt: Date;
  decree: repo.Decree | null;
  entries: IndexedEntry[];
  dik: IndexedDik[];
  unclassified: number;
  /** The units and years that public entries name: the filter's choices. */
  units: string[];
  years: number[];
}

/** Cache key of everything derived from one published version. */
export const versionKey = (p: { version: number; content_hash: string }) => `${p.version}:${p.content_hash}`;

/** A few parsed versions (the current one, and archive or riwayat reads): 5,000 rows parse to a few MB. */
export const createDipCache = () => new Lru<PublishedDip>(4);

/** The current published version, or the archived one asked for (null when there is none / it was never published). */
export async function resolvePublished(db: Db, versi: number | null): Promise<repo.PublishedVersionRow | null> {
  return (versi === null ? await repo.currentPublished(db) : await repo.publishedVersion(db, versi)) ?? null;
}

/**
 * The stored rows of a published version, refused when they no longer hash to the version's content hash:
 * the hash the page shows is always the hash of the rows it shows.
 */
async function verifiedRows(db: Db, p: repo.PublishedVersionRow): Promise<StoredDipRow[]> {
  const rows = await rowsAt(db, p.version);
  const recomputed = contentHashFromRowHashes(rows.map((r) => ({ id: r.row_id, hash: nodeSha256(r.body) })), nodeSha256);
  if (recomputed !== p.content_hash || rows.length !== p.row_count) {
    console.error(JSON.stringify({ level: 'error', msg: 'published version does not match its content hash', version: p.version }));
    throw new AppError(503, 'published_version_unverifiable', 'DIP terbit tidak dapat diverifikasi; hubungi PPID.', 'The published DIP failed verification; contact the PPID.');
  }
  return rows.map((r) => JSON.parse(r.body) as StoredDipRow);
}

async function build(db: Db, p: repo.PublishedVersionRow): Promise<PublishedDip> {
  const [rows, decrees] = await Promise.all([verifiedRows(db, p), repo.readDecrees(db, [p.version])]);
  const projection = projectPublic(rows);
  const units = new Map<string, string>();
  const years = new Set<number>();
  const entries: IndexedEntry[] = projection.entries.map((e) => {
    const unitKey = fold(e.owningUnit);
    if (unitKey && !units.has(unitKey)) units.set(unitKey, e.owningUnit.trim());
    const ys = yearsOf(e.createdWhen);
    ys.forEach((y) => years.add(y));
    return { ...e, haystack: fold(`${e.title}\n${e.summary}\n${e.owningUnit}`), unitKey, years: ys };
  });
  return {
    version: p.version,
    contentHash: p.content_hash,
    rowCount: p.row_count,
    createdAt: p.created_at,
    decree: decrees.get(p.version) ?? null,
    entries,
    dik: projection.dik.map((d) => ({ ...d, haystack: fold(d.title) })),
    unclassified: projection.unclassified,
    units: [...units.values()].sort((a, b) => a.localeCompare(b, 'id')),
    years: [...years].sort((a, b) => b - a),
  };
}

export function loadPublished(db: Db, cache: Lru<PublishedDip>, p: repo.PublishedVersionRow): Promise<PublishedDip> {
  return cache.getOrLoad(versionKey(p), () => build(db, p));
}

export const listPublished = (db: Db) => repo.listPublished(db);
export const readDecrees = (db: Db, versions: readonly number[]) => repo.readDecrees(db, versions);
