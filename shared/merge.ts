/**
 * Three-way merge of DIP row lists keyed by row id: what a unit (`theirs`) changed since the rows it was given
 * (`base`) is applied to the PPID's master (`ours`, the register head), field by field. Where both sides changed
 * the same field to different values, or one removed a row the other changed, the merge keeps `ours` and reports a
 * conflict: nothing in the master is overwritten without the PPID seeing it first.
 */
import { canonicalRow, canonicalRowJson } from './canonical.js';
import { sameValue, type ChangedRow, type FieldChange } from './diff.js';
import { ROW_FIELDS, type RowField, type StoredDipRow } from './row.js';

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

/** Precomputed canonical form and JSON, so unchanged rows (the common case) are told apart by one comparison. */
interface Prepared {
  row: StoredDipRow;
  json: string;
}
function prepare(rows: readonly StoredDipRow[]): Map<string, Prepared> {
  const out = new Map<string, Prepared>();
  for (const r of rows) {
    const row = canonicalRow(r);
    out.set(row.id, { row, json: canonicalRowJson(row) });
  }
  return out;
}

function fieldChanges(from: StoredDipRow, to: StoredDipRow): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ROW_FIELDS) {
    if (!sameValue(from[field], to[field])) out.push({ field, from: valueOf(from, field), to: valueOf(to, field) });
  }
  return out;
}

/** Merges one row present in ours and theirs; base may be absent (both added it). */
function mergeRow(b: StoredDipRow | null, o: StoredDipRow, t: StoredDipRow): { row: StoredDipRow; conflicts: FieldConflict[] } {
  const next: Record<string, unknown> = { ...o };
  const conflicts: FieldConflict[] = [];
  for (const field of ROW_FIELDS) {
    const tv = valueOf(t, field);
    const ov = valueOf(o, field);
    if (sameValue(tv, ov)) continue;
    const bv = b ? valueOf(b, field) : null;
    // Without a base every field is an addition on both sides: differing values are a conflict.
    if (b && sameValue(tv, bv)) continue; // only ours changed it
    if (b && sameValue(ov, bv)) next[field] = tv ?? undefined; // only theirs changed it
    else conflicts.push({ field, base: b ? bv : null, ours: ov, theirs: tv });
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
  const B = prepare(base);
  const O = prepare(ours);
  const T = prepare(theirs);
  const out: MergeResult = { rows: [], added: [], changed: [], removed: [], conflicts: [] };
  const conflict = (id: string, kind: ConflictKind, fields: FieldConflict[]) =>
    out.conflicts.push({ id, kind, fields, base: B.get(id)?.row ?? null, ours: O.get(id)?.row ?? null, theirs: T.get(id)?.row ?? null });

  for (const [id, o] of O) {
    const b = B.get(id);
    const t = T.get(id);
    if (!t) {
      if (!b) out.rows.push(o.row); // ours alone has it
      else if (o.json === b.json) out.removed.push(o.row);
      else {
        conflict(id, 'theirs_removed_ours_changed', []);
        out.rows.push(o.row);
      }
      continue;
    }
    if (t.json === o.json || (b && t.json === b.json)) {
      out.rows.push(o.row);
      continue;
    }
    const merged = mergeRow(b?.row ?? null, o.row, t.row);
    if (merged.conflicts.length > 0) conflict(id, b ? 'both_changed' : 'both_added', merged.conflicts);
    const fields = fieldChanges(o.row, merged.row);
    if (fields.length > 0) out.changed.push({ id, fields });
    out.rows.push(merged.row);
  }

  for (const [id, t] of T) {
    if (O.has(id)) continue;
    const b = B.get(id);
    if (!b) {
      out.added.push(t.row);
      out.rows.push(t.row);
    } else if (t.json !== b.json) {
      // Ours removed it, theirs changed it: it stays removed until the PPID decides.
      conflict(id, 'ours_removed_theirs_changed', fieldChanges(b.row, t.row).map((c) => ({ field: c.field, base: c.from, ours: null, theirs: c.to })));
    }
  }
  return out;
}
