/**
 * Row-level diff between two versions of the register, keyed by row id.
 */
import { canonicalRow, stableStringify } from './canonical.js';
import { ROW_FIELDS, type RowField, type StoredDipRow } from './row.js';

export interface FieldChange<F extends RowField = RowField> {
  field: F;
  from: StoredDipRow[F] | null;
  to: StoredDipRow[F] | null;
}
export interface ChangedRow {
  id: string;
  fields: FieldChange[];
}
export interface RowDiff {
  added: StoredDipRow[];
  changed: ChangedRow[];
  removed: StoredDipRow[];
}

export const emptyDiff = (): RowDiff => ({ added: [], changed: [], removed: [] });

export function isEmptyDiff(d: RowDiff): boolean {
  return d.added.length === 0 && d.changed.length === 0 && d.removed.length === 0;
}

/** Field values compared by content (null and absent are the same; key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableStringify(a ?? null) === stableStringify(b ?? null);
}

/** The fields that differ between two rows with the same id. */
export function changedFields(a: StoredDipRow, b: StoredDipRow): FieldChange[] {
  const ca = canonicalRow(a);
  const cb = canonicalRow(b);
  const out: FieldChange[] = [];
  for (const field of ROW_FIELDS) {
    if (!sameValue(ca[field], cb[field])) out.push({ field, from: ca[field] ?? null, to: cb[field] ?? null });
  }
  return out;
}

/**
 * What changes from `a` to `b`: rows added, changed field by field, and removed. Order of rows is ignored.
 *
 * @example diff(v1, v2) // { added: [rowX], changed: [{ id, fields: [{ field: 'title', from: 'A', to: 'B' }] }], removed: [] }
 */
export function diff(a: readonly StoredDipRow[], b: readonly StoredDipRow[]): RowDiff {
  const before = new Map(a.map((r) => [r.id, r]));
  const out = emptyDiff();
  const seen = new Set<string>();
  for (const row of b) {
    seen.add(row.id);
    const old = before.get(row.id);
    if (!old) {
      out.added.push(row);
      continue;
    }
    const fields = changedFields(old, row);
    if (fields.length > 0) out.changed.push({ id: row.id, fields });
  }
  for (const row of a) if (!seen.has(row.id)) out.removed.push(row);
  return out;
}

/**
 * Applies a diff to a list of rows (the inverse of `diff`): `applyDiff(a, diff(a, b))` has the content of `b`.
 * Rows keep `a`'s order; added rows go at the end.
 */
export function applyDiff(rows: readonly StoredDipRow[], d: RowDiff): StoredDipRow[] {
  const removed = new Set(d.removed.map((r) => r.id));
  const changes = new Map(d.changed.map((c) => [c.id, c.fields]));
  const out: StoredDipRow[] = [];
  for (const row of rows) {
    if (removed.has(row.id)) continue;
    const fields = changes.get(row.id);
    if (!fields) {
      out.push(row);
      continue;
    }
    const next: Record<string, unknown> = { ...row };
    for (const f of fields) next[f.field] = f.to ?? undefined;
    out.push(canonicalRow(next as StoredDipRow));
  }
  return out.concat(d.added);
}

/** Counts for a one-line summary ("3 ditambah, 2 diubah, 1 dihapus"). */
export function diffSummary(d: RowDiff): { added: number; changed: number; removed: number } {
  return { added: d.added.length, changed: d.changed.length, removed: d.removed.length };
}
