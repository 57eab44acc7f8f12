import { describe, expect, it } from 'vitest';
import type { DipRow, StoredDipRow } from '../../../../shared/row.js';
import { sampleRow } from '../../../../shared/testing/sample-rows.js';
import { reapply, resolveReapply } from './reapply.js';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const stored = (n: number): StoredDipRow => ({ ...sampleRow(n), id: ID(n) });
const titles = (rows: readonly DipRow[]) => rows.map((r) => r.title);

describe('reapply', () => {
  const base = [stored(1), stored(2), stored(3)];

  it('takes each side’s edits to different fields of the same row without asking', () => {
    const local = [{ ...base[0]!, title: 'Judul baru (lokal)' }, base[1]!, base[2]!];
    const head = [{ ...base[0]!, summary: 'Ringkasan baru (server)' }, base[1]!, base[2]!];
    const r = reapply(base, local, head);
    expect(r.conflicts).toEqual([]);
    const rows = resolveReapply(r, {});
    expect(rows[0]).toMatchObject({ id: ID(1), title: 'Judul baru (lokal)', summary: 'Ringkasan baru (server)' });
    expect(rows).toHaveLength(3);
  });

  it('asks about a field both sides changed differently, and honours each choice', () => {
    const local = [{ ...base[0]!, title: 'Lokal' }, base[1]!, base[2]!];
    const head = [{ ...base[0]!, title: 'Server' }, base[1]!, base[2]!];
    const r = reapply(base, local, head);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c).toMatchObject({ kind: 'field', id: ID(1), field: 'title', base: base[0]!.title, local: 'Lokal', head: 'Server' });
    expect(resolveReapply(r, {})[0]!.title).toBe('Lokal'); // default: the user's own edit
    expect(resolveReapply(r, { [c.key]: 'head' })[0]!.title).toBe('Server');
  });

  it('does not call it a conflict when both sides made the same change', () => {
    const local = [{ ...base[0]!, retention: '10 tahun' }, base[1]!, base[2]!];
    const head = [{ ...base[0]!, retention: '10 tahun' }, base[1]!, base[2]!];
    const r = reapply(base, local, head);
    expect(r.conflicts).toEqual([]);
    expect(resolveReapply(r, {})[0]!.retention).toBe('10 tahun');
  });

  it('keeps rows the user added (no id) and rows the server added, and drops rows removed on one side only', () => {
    const fresh: DipRow = { ...sampleRow(9), title: 'Baris baru di lembar' };
    const local = [base[0]!, base[2]!, fresh]; // the user removed row 2
    const head = [base[0]!, base[1]!, stored(4)]; // the server removed row 3 and added row 4
    const r = reapply(base, local, head);
    expect(r.conflicts).toEqual([]);
    expect(titles(resolveReapply(r, {}))).toEqual([base[0]!.title, 'Baris baru di lembar', stored(4).title]);
  });

  it('asks when the user edited a row the server removed; keeping it re-adds it without the dead id', () => {
    const local = [{ ...base[0]!, notes: 'catatan lokal' }, base[1]!, base[2]!];
    const head = [base[1]!, base[2]!];
    const r = reapply(base, local, head);
    expect(r.conflicts).toMatchObject([{ kind: 'editedRemoved', id: ID(1) }]);
    const key = r.conflicts[0]!.key;
    const kept = resolveReapply(r, { [key]: 'local' });
    expect(kept[0]).toMatchObject({ title: base[0]!.title, notes: 'catatan lokal' });
    expect(kept[0]!.id).toBeUndefined();
    expect(resolveReapply(r, { [key]: 'head' })).toHaveLength(2);
  });

  it('asks when the user removed a row the server edited', () => {
    const local = [base[1]!, base[2]!];
    const head = [{ ...base[0]!, title: 'Diubah server' }, base[1]!, base[2]!];
    const r = reapply(base, local, head);
    expect(r.conflicts).toMatchObject([{ kind: 'removedEdited', id: ID(1), title: 'Diubah server' }]);
    const key = r.conflicts[0]!.key;
    expect(titles(resolveReapply(r, { [key]: 'head' }))).toContain('Diubah server');
    expect(titles(resolveReapply(r, { [key]: 'local' }))).not.toContain('Diubah server');
  });

  it('without a base, compares rows with ids directly against the head', () => {
    const local = [{ ...base[0]!, title: 'Beda' }, base[1]!];
    const r = reapply([], local, base);
    expect(r.conflicts.map((c) => c.kind === 'field' && c.field)).toEqual(['title']);
    // The server's row 3 is kept (nothing says the user removed it).
    expect(resolveReapply(r, {})).toHaveLength(3);
  });

  it('treats a second row with the same id (a copied row) as a new row', () => {
    const copy = { ...base[0]!, title: 'Salinan' };
    const r = reapply(base, [base[0]!, copy, base[1]!, base[2]!], base);
    const rows = resolveReapply(r, {});
    expect(rows[1]).toMatchObject({ title: 'Salinan' });
    expect(rows[1]!.id).toBeUndefined();
    expect(rows.filter((x) => x.id === ID(1))).toHaveLength(1);
  });

  it('compares exemption and formats by content, not by key order', () => {
    const b = stored(3); // dikecualikan in the sample
    const reordered: StoredDipRow = { ...b, formats: [...b.formats].reverse(), exemption: { ...b.exemption!, period: b.exemption!.period } };
    const r = reapply([b], [reordered], [{ ...b, title: 'Server' }]);
    expect(r.conflicts).toEqual([]);
    expect(resolveReapply(r, {})[0]!.title).toBe('Server');
  });
});
