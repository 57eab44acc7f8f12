/**
 * Diffs that involve the sheet, whose new rows have no id yet, and the overlap between the user's changes and the
 * server's (the rows a stale push conflicts on).
 */
import { canonicalRow, stableStringify } from '../../../../shared/canonical.js';
import { diff, type RowDiff } from '../../../../shared/diff.js';
import type { DipRow, RowField, StoredDipRow } from '../../../../shared/row.js';

function contentKey(row: DipRow): string {
  const { id: _id, ...rest } = row;
  return stableStringify(canonicalRow(rest));
}

/** Prefix of the stand-in ids given to rows not pushed yet; never sent, only used to diff. */
export const NEW_ROW_PREFIX = '~baru-';
export const isNewRowId = (id: string): boolean => id.startsWith(NEW_ROW_PREFIX);

/**
 * Drops the id of every repeated occurrence: a row copied with its hidden ID cell is a new row, not the same one twice.
 */
export function dedupeIds(rows: readonly DipRow[]): DipRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (!row.id) return row;
    if (!seen.has(row.id)) {
      seen.add(row.id);
      return row;
    }
    const { id: _id, ...rest } = row;
    return rest;
  });
}

/**
 * Gives a row without an id the id of a reference row with exactly the same content, when that id is not in the
 * sheet already: a row whose hidden ID cell was cleared, or a workbook typed again from a printed DIP, is the same
 * row, not a new one (pushing it as new would retire the old id and churn the register).
 *
 * @param references searched in order (e.g. the base, then the head)
 */
export function adoptIds(rows: readonly DipRow[], ...references: readonly (readonly StoredDipRow[])[]): DipRow[] {
  const used = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
  const byContent = new Map<string, string[]>();
  for (const list of references) {
    for (const r of list) {
      if (used.has(r.id)) continue;
      const k = contentKey(r);
      const ids = byContent.get(k) ?? [];
      if (!ids.includes(r.id)) byContent.set(k, [...ids, r.id]);
    }
  }
  return rows.map((row) => {
    if (row.id) return row;
    const ids = byContent.get(contentKey(row));
    let id = ids?.shift();
    while (id && used.has(id)) id = ids?.shift();
    if (!id) return row;
    used.add(id);
    return { ...row, id };
  });
}

/** Gives each id-less row a stand-in id (by its position) so `diff` can list it as added. */
export function withStandInIds(rows: readonly DipRow[]): StoredDipRow[] {
  return dedupeIds(rows).map((r, i) => (r.id ? (r as StoredDipRow) : { ...r, id: `${NEW_ROW_PREFIX}${i}` }));
}

/** What the sheet changes relative to `from` (base or head). */
export function sheetChanges(from: readonly StoredDipRow[], sheet: readonly DipRow[]): RowDiff {
  return diff(from, withStandInIds(sheet));
}

export type TouchKind = 'changed' | 'removed';
export interface OverlapRow {
  id: string;
  title: string;
  local: { kind: TouchKind; fields: RowField[] };
  server: { kind: TouchKind; fields: RowField[] };
}

function touches(d: RowDiff): Map<string, { kind: TouchKind; fields: RowField[]; title: string | null }> {
  const m = new Map<string, { kind: TouchKind; fields: RowField[]; title: string | null }>();
  for (const c of d.changed) {
    const t = c.fields.find((f) => f.field === 'title');
    m.set(c.id, { kind: 'changed', fields: c.fields.map((f) => f.field), title: typeof t?.to === 'string' ? t.to : null });
  }
  for (const r of d.removed) m.set(r.id, { kind: 'removed', fields: [], title: r.title });
  return m;
}

/**
 * Rows both the user and the server touched since the base: what a stale push conflicts on. Rows touched on
 * one side only re-apply cleanly, so they are not listed.
 *
 * @param titles titles by id (e.g. from the base) for rows whose diff entry does not carry one
 */
export function overlappingRows(local: RowDiff, server: RowDiff, titles: ReadonlyMap<string, string> = new Map()): OverlapRow[] {
  const mine = touches(local);
  const theirs = touches(server);
  const out: OverlapRow[] = [];
  for (const [id, l] of mine) {
    const s = theirs.get(id);
    if (!s) continue;
    // Both removed it: they agree, nothing to decide.
    if (l.kind === 'removed' && s.kind === 'removed') continue;
    const title = titles.get(id) ?? l.title ?? s.title ?? id;
    out.push({ id, title, local: { kind: l.kind, fields: l.fields }, server: { kind: s.kind, fields: s.fields } });
  }
  return out;
}

/** Titles by id, to label changed rows whose diff entries carry only the changed fields. */
export function titlesById(...lists: readonly (readonly DipRow[])[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const list of lists) for (const r of list) if (r.id && r.title && !m.has(r.id)) m.set(r.id, r.title);
  return m;
}

/**
 * Writes the ids of a push into the rows of the sheet as it is *now*, matched by content: the user may have
 * typed while the push was on its way, and those edits must survive the write-back. Rows that already had an id
 * keep it; a new row edited meanwhile cannot be matched and stays new (`unmatched` counts them).
 */
export function assignIds(pushed: readonly DipRow[], ids: readonly string[], now: readonly DipRow[]): { rows: DipRow[]; unmatched: number } {
  const inSheet = new Set(now.flatMap((r) => (r.id ? [r.id] : [])));
  const queue = new Map<string, string[]>();
  pushed.forEach((row, i) => {
    const id = ids[i];
    // Rows pushed with an id the sheet lacks (adopted by content, see adoptIds) need it written too.
    if (!id || inSheet.has(id)) return;
    const k = contentKey(row);
    queue.set(k, [...(queue.get(k) ?? []), id]);
  });
  let unmatched = 0;
  const rows = now.map((row) => {
    if (row.id) return row;
    const id = queue.get(contentKey(row))?.shift();
    if (id) return { ...row, id };
    unmatched += 1;
    return row;
  });
  return { rows, unmatched };
}
