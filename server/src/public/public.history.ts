/**
 * Riwayat: every published version with its SK and a readable diff to the published version before it.
 * The diff compares what citizens saw (public projections), never the stored rows: an edit to an excluded row's
 * summary is not news, and a row that became excluded does not have its old summary shown again.
 */
import type { Db } from '../db/database.js';
import { Lru } from './public.cache.js';
import { categoryLabel, displayRecord, type DikEntry, type PublicEntry } from './public.model.js';
import { loadPublished, versionKey, type Decree, type PublishedDip, type PublishedVersionRow } from './public.service.js';
import * as service from './public.service.js';

/** Items listed per kind (added / changed / removed) before "dan N lainnya": the page stays readable. */
export const DIFF_LIST_LIMIT = 100;

export interface ReadableRow {
  title: string;
  category: string;
}
export interface ReadableChange {
  title: string;
  fields: { label: string; from: string; to: string }[];
}
export interface ReadableDiff {
  counts: { added: number; changed: number; removed: number };
  added: ReadableRow[];
  changed: ReadableChange[];
  removed: ReadableRow[];
}

export interface HistoryEntry {
  version: number;
  contentHash: string;
  rowCount: number;
  createdAt: Date;
  decree: Decree | null;
  previous: number | null;
  diff: ReadableDiff;
}

type AnyEntry = PublicEntry | DikEntry;
const allOf = (d: PublishedDip): AnyEntry[] => [...d.entries, ...d.dik];
const rowOf = (e: AnyEntry): ReadableRow => ({ title: e.title, category: categoryLabel('basisText' in e ? 'dikecualikan' : e.category) });

export function readableDiff(prev: PublishedDip | null, next: PublishedDip, limit = DIFF_LIST_LIMIT): ReadableDiff {
  const before = new Map((prev ? allOf(prev) : []).map((e) => [e.id, e]));
  const out: ReadableDiff = { counts: { added: 0, changed: 0, removed: 0 }, added: [], changed: [], removed: [] };
  const seen = new Set<string>();
  for (const e of allOf(next)) {
    seen.add(e.id);
    const old = before.get(e.id);
    if (!old) {
      if (out.counts.added++ < limit) out.added.push(rowOf(e));
      continue;
    }
    const a = displayRecord(old);
    // Only the new record's fields: a field it no longer shows (the row became excluded) is not shown again.
    const fields = Object.entries(displayRecord(e))
      .filter(([label, to]) => (a[label] ?? '') !== to)
      .map(([label, to]) => ({ label, from: a[label] ?? '', to }));
    if (fields.length === 0) continue;
    if (out.counts.changed++ < limit) out.changed.push({ title: e.title, fields });
  }
  for (const [id, e] of before) {
    if (!seen.has(id) && out.counts.removed++ < limit) out.removed.push(rowOf(e));
  }
  return out;
}

export const createDiffCache = () => new Lru<ReadableDiff>(256);

/** Every published version, newest first, each with its diff to the one published before it. */
export async function publishedHistory(db: Db, dips: Lru<PublishedDip>, diffs: Lru<ReadableDiff>, versions?: PublishedVersionRow[]): Promise<HistoryEntry[]> {
  const list = versions ?? (await service.listPublished(db));
  const decrees = await service.readDecrees(db, list.map((v) => v.version));
  const out: HistoryEntry[] = [];
  // Sequential on purpose: a cold cache loads one version at a time instead of every version at once.
  for (const [i, v] of list.entries()) {
    const prev = list[i + 1] ?? null;
    const key = `${prev ? versionKey(prev) : '-'}->${versionKey(v)}`;
    const diff = await diffs.getOrLoad(key, async () => readableDiff(prev ? await loadPublished(db, dips, prev) : null, await loadPublished(db, dips, v)));
    out.push({ version: v.version, contentHash: v.content_hash, rowCount: v.row_count, createdAt: v.created_at, decree: decrees.get(v.version) ?? null, previous: prev?.version ?? null, diff });
  }
  return out;
}
