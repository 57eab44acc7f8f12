import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dipRowSchema } from '../row.js';
import { anyDipRowArb, dipRowArb, storedRowsArb, versionPairArb } from './arbitraries.js';

describe('shared arbitraries', () => {
  it('only produce rows the wire schema accepts', () => {
    fc.assert(
      fc.property(dipRowArb(), anyDipRowArb, (valid, any) => {
        expect(dipRowSchema.safeParse(valid).success).toBe(true);
        expect(dipRowSchema.safeParse(any).success).toBe(true);
      }),
    );
  });

  it('cover every kategori, ids present and absent, and excluded rows with their test', () => {
    const rows = fc.sample(dipRowArb(), { numRuns: 400, seed: 42 });
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']));
    expect(rows.some((r) => r.id) && rows.some((r) => !r.id)).toBe(true);
    expect(rows.every((r) => (r.category === 'dikecualikan') === (r.exemption != null))).toBe(true);
    expect(fc.sample(dipRowArb({ categories: ['berkala'], withId: true }), 50).every((r) => r.category === 'berkala' && r.id)).toBe(true);
  });

  it('give unique ids within a version and pairs of versions that share, change and drop rows', () => {
    fc.assert(
      fc.property(storedRowsArb(), (rows) => {
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      }),
    );
    const pairs = fc.sample(versionPairArb(), { numRuns: 100, seed: 7 });
    const shared = pairs.flatMap(({ a, b }) => b.filter((r) => a.some((x) => x.id === r.id)).map((r) => [a.find((x) => x.id === r.id)!, r]));
    expect(shared.some(([x, y]) => x === y)).toBe(true);
    expect(shared.some(([x, y]) => x !== y)).toBe(true);
    expect(pairs.some(({ a, b }) => a.some((r) => !b.some((x) => x.id === r.id)))).toBe(true);
  });
});
