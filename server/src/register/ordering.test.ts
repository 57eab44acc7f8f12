import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeRows } from './ordering.js';

/** The order rowsAt() returns: by key, ties by id. */
const sorted = (ids: readonly string[], keys: readonly number[]) =>
  ids.map((id, i) => ({ id, key: keys[i]! })).sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1)).map((r) => r.id);

/** One push on top of `live`: the head after it, and how many existing rows it had to store again. */
function pushOrder(ids: string[], live: Map<string, number>) {
  const { keys, moved } = placeRows(ids, live);
  return { keys, rewritten: moved.filter(Boolean).length, next: new Map(ids.map((id, i) => [id, keys[i]!])) };
}

describe('placeRows', () => {
  it('gives a first push keys in order', () => {
    expect(placeRows(['a', 'b', 'c'], new Map())).toEqual({ keys: [0, 1, 2], moved: [false, false, false] });
  });

  it('keeps existing keys and fits inserts, appends and a new first row around them', () => {
    const live = new Map([['a', 0], ['b', 1], ['c', 2]]);
    const ids = ['x', 'a', 'y', 'z', 'b', 'c', 'w'];
    const { keys, moved } = placeRows(ids, live);
    expect([keys[1], keys[4], keys[5]]).toEqual([0, 1, 2]);
    expect(moved.some(Boolean)).toBe(false);
    expect(sorted(ids, keys)).toEqual(ids);
  });

  it('follows any push that only inserts and deletes rows, rewriting none', () => {
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
        const { keys, rewritten } = pushOrder(after, kept);
        expect(sorted(after, keys)).toEqual(after);
        expect(rewritten).toBe(0);
      }),
    );
  });

  it('follows a re-sort, rewriting only the rows that moved', () => {
    const live = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => [id, i]));
    // One row cut and pasted elsewhere: only that row is stored again.
    const cut = ['a', 'c', 'd', 'b', 'e', 'f'];
    const once = pushOrder(cut, live);
    expect(sorted(cut, once.keys)).toEqual(cut);
    expect(once.rewritten).toBe(1);
    // A full reversal keeps one row and moves the rest.
    const reversed = ['f', 'e', 'd', 'c', 'b', 'a'];
    const rev = pushOrder(reversed, live);
    expect(sorted(reversed, rev.keys)).toEqual(reversed);
    expect(rev.rewritten).toBe(5);
  });

  it('reads back in the pushed order after any sequence of pushes (shuffles, inserts, deletions)', () => {
    const step = fc.record({
      order: fc.array(fc.nat(), { maxLength: 30 }),
      drop: fc.array(fc.boolean(), { maxLength: 30 }),
      add: fc.nat(4),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        let live = new Map<string, number>();
        let head: string[] = [];
        let fresh = 0;
        for (const s of steps) {
          // Shuffle the head by the drawn sort values, drop some rows, add new ones at drawn places.
          const kept = head.map((id, i) => ({ id, v: s.order[i] ?? i })).filter((_, i) => !s.drop[i]).sort((a, b) => a.v - b.v).map((r) => r.id);
          for (let k = 0; k < s.add; k++) kept.splice((s.order[k] ?? 0) % (kept.length + 1), 0, `n${fresh++}`);
          const { keys, next } = pushOrder(kept, new Map([...live].filter(([id]) => kept.includes(id))));
          expect(sorted(kept, keys)).toEqual(kept);
          live = next;
          head = kept;
        }
      }),
    );
  });

  it('keeps the order through many inserts into the same gap (the gap is widened when doubles run out)', () => {
    // Inserting just before the last row: keys crowd towards 1 and run out of doubles after ~50 pushes.
    let live = new Map([['a', 0], ['b', 1]]);
    let order = ['a', 'b'];
    let rewritten = 0;
    for (let n = 0; n < 200; n++) {
      order = [...order.slice(0, -1), `new${String(n).padStart(3, '0')}`, order[order.length - 1]!];
      const r = pushOrder(order, live);
      expect(r.keys.every(Number.isFinite)).toBe(true);
      expect(sorted(order, r.keys)).toEqual(order);
      rewritten += r.rewritten;
      live = r.next;
    }
    // Widening moved the last row now and then (so it happened), never the whole sheet each time.
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(10);
  });
});
