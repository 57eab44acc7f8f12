/**
 * "Tarik lalu terapkan ulang": a three-way re-apply of the user's sheet edits (local, relative to the base version
 * the sheet was pulled from) onto the server's head. Fields changed on one side only are taken from that side; a
 * field changed differently on both sides is a conflict the user decides. Nothing is dropped without a decision.
 */
import { canonicalRow } from '../../../../shared/canonical.js';
import { sameValue } from '../../../../shared/diff.js';
import { ROW_FIELDS, type DipRow, type RowField, type StoredDipRow } from '../../../../shared/row.js';

export type Choice = 'local' | 'head';

interface ConflictBase {
  /** Stable key for the choices map. */
  key: string;
  id: string;
  title: string;
}
/** Both sides changed one field of the same row to different values. */
export interface FieldConflict extends ConflictBase {
  kind: 'field';
  field: RowField;
  base: unknown;
  local: unknown;
  head: unknown;
}
/** The user edited a row the server removed. Keeping it re-adds it as a new row. */
export interface EditedRemovedConflict extends ConflictBase {
  kind: 'editedRemoved';
  local: DipRow;
}
/** The user removed a row the server edited. */
export interface RemovedEditedConflict extends ConflictBase {
  kind: 'removedEdited';
  head: StoredDipRow;
}
export type MergeConflict = FieldConflict | EditedRemovedConflict | RemovedEditedConflict;

type Slot =
  | { type: 'row'; row: DipRow }
  | { type: 'fields'; row: DipRow; conflicts: FieldConflict[]; head: StoredDipRow }
  | { type: 'editedRemoved'; conflict: EditedRemovedConflict }
  | { type: 'removedEdited'; conflict: RemovedEditedConflict };

export interface ReapplyResult {
  /** One entry per output position, in the sheet's order; rows only the server added come last. */
  slots: Slot[];
  conflicts: MergeConflict[];
}

function sameRow(a: DipRow, b: DipRow): boolean {
  const ca = canonicalRow(a);
  const cb = canonicalRow(b);
  return ROW_FIELDS.every((f) => sameValue(ca[f], cb[f]));
}

function withoutId(row: DipRow): DipRow {
  const { id: _id, ...rest } = row;
  return rest;
}

/** Merges one row present on both sides; `base` is undefined when there is no common ancestor. */
function mergeFields(id: string, base: StoredDipRow | undefined, local: DipRow, head: StoredDipRow): Slot {
  const cb = base ? canonicalRow(base) : undefined;
  const cl = canonicalRow(local);
  const ch = canonicalRow(head);
  const merged: Record<string, unknown> = { ...cl, id };
  const conflicts: FieldConflict[] = [];
  for (const field of ROW_FIELDS) {
    const b = cb?.[field];
    const l = cl[field];
    const h = ch[field];
    if (sameValue(l, h)) continue;
    if (cb && sameValue(l, b)) merged[field] = h;
    else if (cb && sameValue(h, b)) continue;
    else conflicts.push({ kind: 'field', key: `${id}:${field}`, id, title: String(cl.title || ch.title), field, base: b ?? null, local: l ?? null, head: h ?? null });
  }
  const row = canonicalRow(merged as StoredDipRow);
  return conflicts.length ? { type: 'fields', row, conflicts, head } : { type: 'row', row };
}

/**
 * @param base the rows of the version the sheet was pulled from ([] when unknown or none)
 * @param local the sheet's rows now (rows without id are new)
 * @param head the server's head rows
 * @example reapply(v1, sheet, v2).conflicts // [] when the user and the server touched different fields
 */
export function reapply(base: readonly StoredDipRow[], local: readonly DipRow[], head: readonly StoredDipRow[]): ReapplyResult {
  const baseById = new Map(base.map((r) => [r.id, r]));
  const headById = new Map(head.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const slots: Slot[] = [];
  for (const row of local) {
    // A row copied together with its hidden ID is a new row: only the first occurrence keeps the id.
    if (!row.id || seen.has(row.id)) {
      slots.push({ type: 'row', row: canonicalRow(withoutId(row)) });
      continue;
    }
    const id = row.id;
    seen.add(id);
    const b = baseById.get(id);
    const h = headById.get(id);
    if (h) slots.push(mergeFields(id, b, row, h));
    else if (!b) slots.push({ type: 'row', row: canonicalRow(row) });
    else if (!sameRow(row, b)) {
      const conflict: EditedRemovedConflict = { kind: 'editedRemoved', key: `${id}:row`, id, title: row.title || b.title, local: row };
      slots.push({ type: 'editedRemoved', conflict });
    }
    // else: removed on the server and untouched here → gone.
  }
  for (const h of head) {
    if (seen.has(h.id)) continue;
    const b = baseById.get(h.id);
    if (!b) slots.push({ type: 'row', row: canonicalRow(h) });
    else if (!sameRow(h, b)) {
      const conflict: RemovedEditedConflict = { kind: 'removedEdited', key: `${h.id}:row`, id: h.id, title: h.title || b.title, head: h };
      slots.push({ type: 'removedEdited', conflict });
    }
    // else: removed here, untouched on the server → stays removed.
  }
  const conflicts = slots.flatMap((s): MergeConflict[] =>
    s.type === 'fields' ? s.conflicts : s.type === 'row' ? [] : [s.conflict],
  );
  return { slots, conflicts };
}

/**
 * The merged rows once every conflict has a choice (missing choices take `fallback`, the user's own edit by default:
 * re-applying is the user's intent).
 */
export function resolveReapply(result: ReapplyResult, choices: Readonly<Record<string, Choice>>, fallback: Choice = 'local'): DipRow[] {
  const pick = (key: string): Choice => choices[key] ?? fallback;
  const out: DipRow[] = [];
  for (const slot of result.slots) {
    switch (slot.type) {
      case 'row':
        out.push(slot.row);
        break;
      case 'fields': {
        const next: Record<string, unknown> = { ...slot.row };
        for (const c of slot.conflicts) next[c.field] = pick(c.key) === 'head' ? (c.head ?? undefined) : (c.local ?? undefined);
        out.push(canonicalRow(next as DipRow));
        break;
      }
      case 'editedRemoved':
        // The id is dead on the server (ids are never reused), so a kept row comes back as a new one.
        if (pick(slot.conflict.key) === 'local') out.push(canonicalRow(withoutId(slot.conflict.local)));
        break;
      case 'removedEdited':
        if (pick(slot.conflict.key) === 'head') out.push(canonicalRow(slot.conflict.head));
        break;
    }
  }
  return out;
}
