/**
 * Three-way merge of DIP row lists keyed by row id: what a unit (`theirs`) changed since the rows it was given
 * (`base`) is applied to the PPID's master (`ours`, the register head), field by field. Where both sides changed
 * the same field to different values, or one removed a row the other changed, the merge keeps `ours` and reports a
 * conflict: nothing in the master is overwritten without the PPID seeing it first.
 */
import { canonicalRow } from './canonical.js';
import { sameValue, type ChangedRow, type FieldChange } from './diff.js';
import { FORMATS, ROW_FIELDS, type RowField, type StoredDipRow } from './row.js';

export interface FieldConflict<F extends RowField = RowField> {
  field: F;
  /** null when the row was not in base (both sides added it). */
  base: StoredDipRow[F] | null;
  ours: StoredDipRow[F] | null;
  theirs: StoredDipRow[F] | null;
}

/**
 * - `both_changed`: the same field changed differently on both sides (`fields` lists them);
 * - `both_added`: a row absent from base was added on both sides with different content (`fields` lists them);
 * - `theirs_removed_ours_changed`: theirs removed a row ours changed since base (the row stays);
 * - `ours_removed_theirs_changed`: ours removed a row theirs changed (the row stays removed).
 */
export type ConflictKind = 'both_changed' | 'both_added' | 'theirs_removed_ours_changed' | 'ours_removed_theirs_changed';

export interface MergeConflict {
  id: string;
  kind: ConflictKind;
  fields: FieldConflict[];
  base: StoredDipRow | null;
  ours: StoredDipRow | null;
  theirs: StoredDipRow | null;
}

export interface MergeResult {
  /** `ours` with every non-conflicting change of `theirs` applied; conflicting fields keep `ours`' value. */
  rows: StoredDipRow[];
  /** Rows theirs added (not in base, not in ours): appended to `rows`. */
  added: StoredDipRow[];
  /** Rows of ours that theirs changed, as the change from `ours` to the merged row (a row may also be in `conflicts`). */
  changed: ChangedRow[];
  /** Rows theirs removed that ours had left as they were in base: dropped from `rows`. */
  removed: StoredDipRow[];
  conflicts: MergeConflict[];
}

type Field = RowField;
const valueOf = (row: StoredDipRow, f: Field): StoredDipRow[Field] | null => row[f] ?? null;

/**
 * Field equality with the meaning of `canonicalRow` (absent = null, formats as a set) without serialising: most
 * fields are strings, compared directly; only an exemption (an object) goes through `sameValue`. A 10,000-row merge
 * compares every field of every row, so this is the hot path.
 */
function sameField(a: StoredDipRow, b: StoredDipRow, f: Field): boolean {
  const x = a[f];
  const y = b[f];
  if (x === y) return true;
  if (x == null || y == null) return x == null && y == null;
  if (f === 'formats') {
    const fx = x as StoredDipRow['formats'];
    const fy = y as StoredDipRow['formats'];
    return FORMATS.every((v) => fx.includes(v) === fy.includes(v));
  }
  return f === 'exemption' && sameValue(x, y);
}

const sameRow = (a: StoredDipRow, b: StoredDipRow) => ROW_FIELDS.every((f) => sameField(a, b, f));
const byId = (rows: readonly StoredDipRow[]) => new Map(rows.map((r) => [r.id, r]));

function fieldChanges(from: StoredDipRow, to: StoredDipRow): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ROW_FIELDS) {
    if (!sameField(from, to, field)) out.push({ field, from: valueOf(from, field), to: valueOf(to, field) });
  }
  return out;
}

/** Merges one row present in ours and theirs; base may be absent (both added it). */
function mergeRow(b: StoredDipRow | null, o: StoredDipRow, t: StoredDipRow): { row: StoredDipRow; conflicts: FieldConflict[] } {
  const next: Record<string, unknown> = { ...o };
  const conflicts: FieldConflict[] = [];
  for (const field of ROW_FIELDS) {
    if (sameField(t, o, field)) continue;
    // Without a base every field is an addition on both sides: differing values are a conflict.
    if (b && sameField(t, b, field)) continue; // only ours changed it
    if (b && sameField(o, b, field)) next[field] = t[field] ?? undefined; // only theirs changed it
    else conflicts.push({ field, base: b ? valueOf(b, field) : null, ours: valueOf(o, field), theirs: valueOf(t, field) });
  }
  return { row: canonicalRow(next as StoredDipRow), conflicts };
}

/**
 * Merges theirs' changes since base into ours. Rows are matched by id; a row of base missing from theirs was
 * removed by theirs (pass only the rows in theirs' scope as base). The merged list keeps ours' order, with the
 * rows theirs added at the end in theirs' order.
 *
 * @example
 * threeWayMerge([a], [{ ...a, title: 'PPID' }], [{ ...a, summary: 'unit' }]).rows
 *   // [{ ...a, title: 'PPID', summary: 'unit' }], no conflict
 * threeWayMerge([a], [{ ...a, title: 'PPID' }], [{ ...a, title: 'unit' }]).conflicts
 *   // [{ id: a.id, kind: 'both_changed', fields: [{ field: 'title', base: a.title, ours: 'PPID', theirs: 'unit' }], … }]
 */
export function threeWayMerge(
  base: readonly StoredDipRow[],
  ours: readonly StoredDipRow[],
  theirs: readonly StoredDipRow[],
): MergeResult {
  // Canonical copies of ours and theirs (the result is made of them); base is only compared against.
  const B = byId(base);
  const O = byId(ours.map(canonicalRow));
  const T = byId(theirs.map(canonicalRow));
  const out: MergeResult = { rows: [], added: [], changed: [], removed: [], conflicts: [] };
  const conflict = (id: string, kind: ConflictKind, fields: FieldConflict[]) => {
    const b = B.get(id);
    out.conflicts.push({ id, kind, fields, base: b ? canonicalRow(b) : null, ours: O.get(id) ?? null, theirs: T.get(id) ?? null });
  };

  for (const [id, o] of O) {
    const b = B.get(id);
    const t = T.get(id);
    if (!t) {
      if (!b) out.rows.push(o); // ours alone has it
      else if (sameRow(o, b)) out.removed.push(o);
      else {
        conflict(id, 'theirs_removed_ours_changed', []);
        out.rows.push(o);
      }
      continue;
    }
    if ((b && sameRow(t, b)) || sameRow(t, o)) {
      out.rows.push(o);
      continue;
    }
    const merged = mergeRow(b ?? null, o, t);
    if (merged.conflicts.length > 0) conflict(id, b ? 'both_changed' : 'both_added', merged.conflicts);
    const fields = fieldChanges(o, merged.row);
    if (fields.length > 0) out.changed.push({ id, fields });
    out.rows.push(merged.row);
  }

  for (const [id, t] of T) {
    if (O.has(id)) continue;
    const b = B.get(id);
    if (!b) {
      out.added.push(t);
      out.rows.push(t);
    } else if (!sameRow(t, b)) {
      // Ours removed it, theirs changed it: it stays removed until the PPID decides.
      conflict(id, 'ours_removed_theirs_changed', fieldChanges(b, t).map((c) => ({ field: c.field, base: c.from, ours: null, theirs: c.to })));
    }
  }
  return out;
}
