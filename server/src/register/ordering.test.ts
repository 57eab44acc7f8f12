import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeRows } from './ordering.js';

/** The order rowsAt() returns: by key, ties by id. */
const sorted = (ids: string[], keys: number[]) =>
  ids.map((id, i) => ({ id, key: keys[i]! })).sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1)).map((r) => r.id);

describe('placeRows', () => {
  it('gives a first push keys in order', () => {
    expect(placeRows(['a', 'b', 'c'], new Map())).toEqual([0, 1, 2]);
  });

  it('keeps existing keys and fits inserts, appends and a new first row around them', () => {
    const live = new Map([['a', 0], ['b', 1], ['c', 2]]);
    const ids = ['x', 'a', 'y', 'z', 'b', 'c', 'w'];
    const keys = placeRows(ids, live);
    expect(keys[1]).toBe(0);
    expect(keys[4]).toBe(1);
    expect(keys[5]).toBe(2);
    expect(sorted(ids, keys)).toEqual(ids);
  });

  it('follows any push that only inserts and deletes rows (no re-sort of existing ones)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), fc.array(fc.nat(5), { maxLength: 40 }), (keep, inserts) => {
        const before = Array.from({ length: keep.length }, (_, i) => `r${String(i).padStart(3, '0')}`);
        const live = new Map(before.map((id, i) => [id, i]));
        const after: string[] = [];
        before.forEach((id, i) => {
          for (let k = 0; k < (inserts[i] ?? 0); k++) after.push(`n${i}-${k}`);
          if (keep[i]) after.push(id);
        });
        after.push('tail-1', 'tail-2');
        const kept = new Map([...live].filter(([id]) => after.includes(id)));
        expect(sorted(after, placeRows(after, kept))).toEqual(after);
      }),
    );
  });

  it('survives many inserts into the same gap (ties fall back to id order, nothing breaks)', () => {
    let live = new Map([['a', 0], ['b', 1]]);
    let order = ['a', 'b'];
    for (let n = 0; n < 80; n++) {
      order = [order[0]!, `new${n}`, ...order.slice(1)];
      const keys = placeRows(order, live);
      live = new Map(order.map((id, i) => [id, keys[i]!]));
      expect(keys.every(Number.isFinite)).toBe(true);
    }
    expect(sorted(order, order.map((id) => live.get(id)!)).slice(0, 40)).toEqual(order.slice(0, 40));
  });
});
