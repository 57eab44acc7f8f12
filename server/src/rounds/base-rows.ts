/**
 * The rows of a round's base version, kept in memory per database. A base is a published version, and published
 * versions never change (the approval migration's triggers refuse it), so caching is safe across instances; it
 * saves parsing the whole DIP again for every template, submission and consolidation of a round.
 */
import type { StoredDipRow } from '../../../shared/row.js';
import type { Db } from '../db/database.js';
import { rowsOf } from '../register/register.service.js';

/** A few versions per database: rounds share one base, and a new base arrives with each publication. */
const KEEP = 3;
const cache = new WeakMap<Db, Map<number, Promise<readonly StoredDipRow[]>>>();

export function baseRows(db: Db, version: number): Promise<readonly StoredDipRow[]> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(version);
  if (hit) {
    // Refresh its place: the map's order is the eviction order.
    perDb.delete(version);
    perDb.set(version, hit);
    return hit;
  }
  const loading = rowsOf(db, version);
  perDb.set(version, loading);
  loading.catch(() => perDb.delete(version));
  while (perDb.size > KEEP) perDb.delete(perDb.keys().next().value!);
  return loading;
}
