import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow } from './canonical.js';
import { applyDiff, sameValue } from './diff.js';
import { threeWayMerge, type MergeResult } from './merge.js';
import { ROW_FIELDS, type RowField, type StoredDipRow } from './row.js';
import { dipRowArb, storedDipRowArb, storedRowsArb } from './testing/arbitraries.js';

/** What one side does to one base row: keep it, remove it, or overwrite some fields with a donor's values. */
type Edit = { kind: 'keep' } | { kind: 'remove' } | { kind: 'modify'; fields: RowField[]; donor: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ kind: 'keep' }),
  fc.constant<Edit>({ kind: 'remove' }),
  fc.record({ kind: fc.constant('modify' as const), fields: fc.subarray([...ROW_FIELDS], { minLength: 1 }), donor: fc.nat(1) }),
);

function apply(row: StoredDipRow, edit: Edit, donors: StoredDipRow[]): StoredDipRow | null {
  if (edit.kind === 'keep') return row;
  if (edit.kind === 'remove') return null;
  const next: Record<string, unknown> = { ...row };
  for (const f of edit.fields) next[f] = donors[edit.donor]![f];
  // The exemption follows the kategori in real rows, but the merge treats fields independently: keep it simple.
  return canonicalRow(next as StoredDipRow);
}

/**
 * base, ours and theirs: both sides edit the same base rows independently, drawing new values from the same two
 * donor rows (so equal changes on both sides happen often), and each side adds rows; some ids are added by both.
 */
const tripleArb = fc
  .record({
    base: storedRowsArb({ maxLength: 12 }),
    donors: fc.tuple(dipRowArb({ withId: false }), dipRowArb({ withId: false })),
    edits: fc.array(fc.tuple(editArb, editArb), { minLength: 12, maxLength: 12 }),
    oursAdded: storedRowsArb({ maxLength: 3 }),
    theirsAdded: storedRowsArb({ maxLength: 3 }),
    bothAdded: fc.array(fc.tuple(storedDipRowArb, fc.boolean(), fc.subarray([...ROW_FIELDS], { minLength: 1 })), { maxLength: 2 }),
  })
  .map(({ base, donors, edits, oursAdded, theirsAdded, bothAdded }) => {
    const d = donors.map((r, i) => ({ ...r, id: `donor-${i}` })) as StoredDipRow[];
    const ours: StoredDipRow[] = [];
    const theirs: StoredDipRow[] = [];
    base.forEach((row, i) => {
      const [eo, et] = edits[i]!;
      const o = apply(row, eo, d);
      const t = apply(row, et, d);
      if (o) ours.push(o);
      if (t) theirs.push(t);
    });
    const taken = new Set(base.map((r) => r.id));
    const isFresh = (r: StoredDipRow) => !taken.has(r.id) && (taken.add(r.id), true);
    ours.push(...oursAdded.filter(isFresh));
    theirs.push(...theirsAdded.filter(isFresh));
    for (const [row, same, fields] of bothAdded.filter(([r]) => isFresh(r))) {
      ours.push(row);
      theirs.push(same ? row : apply(row, { kind: 'modify', fields, donor: 0 }, d)!);
    }
    return { base, ours, theirs };
  });

const byId = (rows: readonly StoredDipRow[]) => new Map(rows.map((r) => [r.id, canonicalRow(r)]));
const conflictFields = (res: MergeResult, id: string) => new Set(res.conflicts.filter((c) => c.id === id).flatMap((c) => c.fields.map((f) => f.field)));
const hasRowConflict = (res: MergeResult, id: string) => res.conflicts.some((c) => c.id === id);
const differs = (a: StoredDipRow | undefined, b: StoredDipRow | undefined, f: RowField) => !sameValue(a?.[f], b?.[f]);

describe('threeWayMerge', () => {
  const a: StoredDipRow = canonicalRow({
    id: '00000000-0000-4000-8000-000000000001',
    category: 'berkala',
    title: 'Laporan Keuangan 2023',
    summary: 'Neraca',
    owningUnit: 'BPKAD',
    responsible: 'Kepala BPKAD',
    createdWhen: '2023',
    createdWhere: 'Jambi',
    formats: ['softcopy'],
    retention: '5 tahun',
  });

  it('applies a change on one side and keeps the other side’s change to another field', () => {
    const res = threeWayMerge([a], [{ ...a, title: 'PPID' }], [{ ...a, summary: 'unit' }]);
    expect(res.rows).toEqual([{ ...a, title: 'PPID', summary: 'unit' }]);
    expect(res.changed).toEqual([{ id: a.id, fields: [{ field: 'summary', from: 'Neraca', to: 'unit' }] }]);
    expect(res.conflicts).toEqual([]);
  });

  it('reports a field changed differently on both sides and keeps ours', () => {
    const res = threeWayMerge([a], [{ ...a, title: 'PPID' }], [{ ...a, title: 'unit', retention: '10 tahun' }]);
    expect(res.conflicts).toEqual([
      { id: a.id, kind: 'both_changed', fields: [{ field: 'title', base: a.title, ours: 'PPID', theirs: 'unit' }], base: a, ours: { ...a, title: 'PPID' }, theirs: { ...a, title: 'unit', retention: '10 tahun' } },
    ]);
    expect(res.rows).toEqual([{ ...a, title: 'PPID', retention: '10 tahun' }]);
  });

  it('removes a row theirs removed, unless ours changed it', () => {
    expect(threeWayMerge([a], [a], [])).toMatchObject({ rows: [], removed: [a], conflicts: [] });
    const changed = { ...a, notes: 'catatan PPID' };
    const res = threeWayMerge([a], [changed], []);
    expect(res.rows).toEqual([changed]);
    expect(res.conflicts.map((c) => c.kind)).toEqual(['theirs_removed_ours_changed']);
  });

  it('keeps a row ours removed removed, and reports it when theirs changed it', () => {
    expect(threeWayMerge([a], [], [a])).toEqual({ rows: [], added: [], changed: [], removed: [], conflicts: [] });
    const res = threeWayMerge([a], [], [{ ...a, title: 'unit' }]);
    expect(res.rows).toEqual([]);
    expect(res.conflicts).toMatchObject([{ kind: 'ours_removed_theirs_changed', fields: [{ field: 'title', base: a.title, ours: null, theirs: 'unit' }] }]);
  });

  it('adds a row only theirs has, and compares a row both added field by field', () => {
    const b = { ...a, id: '00000000-0000-4000-8000-000000000002', title: 'Baru' };
    expect(threeWayMerge([], [], [b])).toMatchObject({ rows: [b], added: [b] });
    expect(threeWayMerge([], [b], [b]).conflicts).toEqual([]);
    expect(threeWayMerge([], [b], [{ ...b, title: 'Lain' }]).conflicts).toMatchObject([{ kind: 'both_added', fields: [{ field: 'title', base: null }] }]);
  });

  it('property: a conflict is reported on a field iff both sides changed it to different values', () => {
    fc.assert(
      fc.property(tripleArb, ({ base, ours, theirs }) => {
        const res = threeWayMerge(base, ours, theirs);
        const B = byId(base);
        const O = byId(ours);
        const T = byId(theirs);
        for (const [id, o] of O) {
          const t = T.get(id);
          if (!t) continue;
          const b = B.get(id);
          const got = conflictFields(res, id);
          for (const f of ROW_FIELDS) {
            const expected = b ? differs(b, o, f) && differs(b, t, f) && differs(o, t, f) : differs(o, t, f);
            expect(got.has(f), `${id} ${f}`).toBe(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: no field theirs changed is dropped (it is in the merged row or reported as a conflict)', () => {
    fc.assert(
      fc.property(tripleArb, ({ base, ours, theirs }) => {
        const res = threeWayMerge(base, ours, theirs);
        const B = byId(base);
        const M = byId(res.rows);
        for (const t of theirs.map(canonicalRow)) {
          const b = B.get(t.id);
          const m = M.get(t.id);
          for (const f of ROW_FIELDS) {
            if (b && !differs(b, t, f)) continue;
            const kept = m !== undefined && !differs(m, t, f);
            const reported = conflictFields(res, t.id).has(f);
            expect(kept || reported, `${t.id} ${f}`).toBe(true);
          }
        }
        // A row theirs removed is gone from the result, or the removal is reported.
        for (const [id] of B) {
          if (byId(theirs).has(id)) continue;
          expect(!M.has(id) || hasRowConflict(res, id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: ours’ changes survive where theirs left the field as it was', () => {
    fc.assert(
      fc.property(tripleArb, ({ base, ours, theirs }) => {
        const res = threeWayMerge(base, ours, theirs);
        const B = byId(base);
        const T = byId(theirs);
        const M = byId(res.rows);
        for (const o of ours.map(canonicalRow)) {
          const b = B.get(o.id);
          const t = T.get(o.id);
          const m = M.get(o.id);
          if (!b || !t) continue;
          expect(m).toBeDefined();
          for (const f of ROW_FIELDS) if (!differs(b, t, f)) expect(sameValue(m![f], o[f]), f).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: added/changed/removed are exactly the way from ours to the merged rows', () => {
    fc.assert(
      fc.property(tripleArb, ({ base, ours, theirs }) => {
        const res = threeWayMerge(base, ours, theirs);
        const applied = applyDiff(ours.map(canonicalRow), { added: res.added, changed: res.changed, removed: res.removed });
        expect(applied).toEqual(res.rows);
      }),
      { numRuns: 300 },
    );
  });

  it('property: with nothing changed on one side the merge is the other side', () => {
    fc.assert(
      fc.property(tripleArb, ({ base, ours, theirs }) => {
        const noTheirs = threeWayMerge(base, ours, base);
        expect(noTheirs.rows).toEqual(ours.map(canonicalRow));
        expect(noTheirs.conflicts).toEqual([]);
        const noOurs = threeWayMerge(base, base, theirs);
        expect(noOurs.conflicts).toEqual([]);
        expect(byId(noOurs.rows)).toEqual(byId(theirs));
      }),
      { numRuns: 200 },
    );
  });
});
