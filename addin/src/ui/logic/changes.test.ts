import { describe, expect, it } from 'vitest';
import { diff } from '../../../../shared/diff.js';
import type { DipRow, StoredDipRow } from '../../../../shared/row.js';
import { sampleRow } from '../../../../shared/testing/sample-rows.js';
import { adoptIds, assignIds, dedupeIds, isNewRowId, overlappingRows, sheetChanges, titlesById } from './changes.js';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const stored = (n: number): StoredDipRow => ({ ...sampleRow(n), id: ID(n) });

describe('sheet changes', () => {
  it('lists rows without an id as added, and never reports a stand-in id as a real one', () => {
    const base = [stored(1), stored(2)];
    const sheet: DipRow[] = [stored(1), { ...stored(2), title: 'Baru' }, sampleRow(7)];
    const d = sheetChanges(base, sheet);
    expect(d.changed).toMatchObject([{ id: ID(2), fields: [{ field: 'title', to: 'Baru' }] }]);
    expect(d.added).toHaveLength(1);
    expect(isNewRowId(d.added[0]!.id)).toBe(true);
    expect(d.removed).toEqual([]);
  });

  it('drops the id of a repeated row only', () => {
    const rows = dedupeIds([stored(1), { ...stored(1), title: 'salinan' }, stored(2)]);
    expect(rows.map((r) => r.id)).toEqual([ID(1), undefined, ID(2)]);
  });
});

describe('overlappingRows', () => {
  const base = [stored(1), stored(2), stored(3)];
  it('lists rows both sides touched, with the fields of each side, and skips rows both removed', () => {
    const mine = diff(base, [{ ...base[0]!, title: 'A' }, base[1]!]); // changed 1, removed 3
    const theirs = diff(base, [{ ...base[0]!, summary: 'B' }, { ...base[1]!, notes: 'n' }]); // changed 1 and 2, removed 3
    const o = overlappingRows(mine, theirs, titlesById(base));
    expect(o).toEqual([{ id: ID(1), title: base[0]!.title, local: { kind: 'changed', fields: ['title'] }, server: { kind: 'changed', fields: ['summary'] } }]);
  });

  it('reports a row one side removed and the other changed', () => {
    const o = overlappingRows(diff(base, [base[1]!, base[2]!]), diff(base, [{ ...base[0]!, title: 'X' }, base[1]!, base[2]!]));
    expect(o).toMatchObject([{ id: ID(1), local: { kind: 'removed' }, server: { kind: 'changed', fields: ['title'] } }]);
  });
});

describe('assignIds', () => {
  it('gives new rows their ids by content, also after rows moved', () => {
    const pushed: DipRow[] = [stored(1), sampleRow(5), sampleRow(6)];
    const ids = [ID(1), ID(5), ID(6)];
    const now = [sampleRow(6), stored(1), sampleRow(5)];
    const r = assignIds(pushed, ids, now);
    expect(r.rows.map((x) => x.id)).toEqual([ID(6), ID(1), ID(5)]);
    expect(r.unmatched).toBe(0);
  });

  it('keeps an edit typed during the push; a new row edited meanwhile stays new', () => {
    const pushed: DipRow[] = [sampleRow(5), sampleRow(6)];
    const now = [{ ...sampleRow(5), title: 'diketik saat mengirim' }, sampleRow(6)];
    const r = assignIds(pushed, [ID(5), ID(6)], now);
    expect(r.rows[0]).toMatchObject({ title: 'diketik saat mengirim' });
    expect(r.rows[0]!.id).toBeUndefined();
    expect(r.rows[1]!.id).toBe(ID(6));
    expect(r.unmatched).toBe(1);
  });

  it('also writes an id the push adopted by content, unless the sheet already holds it', () => {
    const pushed: DipRow[] = [stored(1), stored(2)]; // row 1's id was adopted: the sheet lacks it
    const r = assignIds(pushed, [ID(1), ID(2)], [sampleRow(1), stored(2)]);
    expect(r.rows.map((x) => x.id)).toEqual([ID(1), ID(2)]);
  });

  it('gives identical new rows distinct ids', () => {
    const twin = sampleRow(3);
    const r = assignIds([twin, twin], [ID(8), ID(9)], [twin, twin]);
    expect(r.rows.map((x) => x.id)).toEqual([ID(8), ID(9)]);
  });
});

describe('adoptIds', () => {
  it('gives an id-less row the id of the identical reference row, once, and never an id the sheet already has', () => {
    const rows: DipRow[] = [sampleRow(1), stored(2), sampleRow(2), sampleRow(1), { ...sampleRow(3), title: 'lain' }];
    const out = adoptIds(rows, [stored(1), stored(2), stored(3)]);
    expect(out.map((r) => r.id)).toEqual([ID(1), ID(2), undefined, undefined, undefined]);
  });

  it('searches the references in order (base before head)', () => {
    const other = { ...stored(1), id: ID(99) };
    expect(adoptIds([sampleRow(1)], [other], [stored(1)])[0]!.id).toBe(ID(99));
  });
});
