import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRowJson } from './canonical.js';
import { applyDiff, diff, diffSummary, isEmptyDiff } from './diff.js';
import type { StoredDipRow } from './row.js';
import { storedRowsArb, versionPairArb } from './testing/arbitraries.js';

/** A version's content: its canonical rows by id, order ignored. */
const content = (rows: readonly StoredDipRow[]) => new Map(rows.map((r) => [r.id, canonicalRowJson(r)]));

describe('diff', () => {
  it('of a version with itself is empty, in any row order', () => {
    fc.assert(
      fc.property(storedRowsArb(), (a) => {
        expect(isEmptyDiff(diff(a, a))).toBe(true);
        expect(isEmptyDiff(diff(a, [...a].reverse()))).toBe(true);
      }),
    );
  });

  it('applied to the first version gives the content of the second', () => {
    fc.assert(
      fc.property(versionPairArb(), ({ a, b }) => {
        const d = diff(a, b);
        const result = applyDiff(a, d);
        expect(result).toHaveLength(b.length);
        expect(content(result)).toEqual(content(b));
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly the rows added, changed and removed', () => {
    fc.assert(
      fc.property(versionPairArb(), ({ a, b }) => {
        const inA = new Set(a.map((r) => r.id));
        const inB = new Set(b.map((r) => r.id));
        const before = content(a);
        const { added, changed, removed } = diffSummary(diff(a, b));
        expect(added).toBe(b.filter((r) => !inA.has(r.id)).length);
        expect(removed).toBe(a.filter((r) => !inB.has(r.id)).length);
        expect(changed).toBe(b.filter((r) => inA.has(r.id) && before.get(r.id) !== canonicalRowJson(r)).length);
      }),
    );
  });

  it('reports field changes with their old and new values', () => {
    fc.assert(
      fc.property(versionPairArb(), ({ a, b }) => {
        const old = new Map(a.map((r) => [r.id, r]));
        for (const c of diff(a, b).changed) {
          expect(c.fields.length).toBeGreaterThan(0);
          for (const f of c.fields) expect(f.from).toEqual(old.get(c.id)![f.field] ?? null);
        }
      }),
    );
  });
});
