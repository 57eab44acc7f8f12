import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow, canonicalRowJson, stableStringify } from './canonical.js';
import { dipRowSchema } from './row.js';
import { anyDipRowArb, storedDipRowArb } from './testing/arbitraries.js';

describe('canonicalRowJson (the fast path the server stores)', () => {
  it('equals the generic key-sorted serialisation of the canonical row', () => {
    fc.assert(
      fc.property(fc.oneof(anyDipRowArb, storedDipRowArb), (row) => {
        expect(canonicalRowJson(row)).toBe(stableStringify(canonicalRow(row)));
      }),
      { numRuns: 500 },
    );
  });

  it('parses back to a schema-valid row equal to the canonical row', () => {
    fc.assert(
      fc.property(storedDipRowArb, (row) => {
        const back = dipRowSchema.parse(JSON.parse(canonicalRowJson(row)));
        expect(back).toEqual(canonicalRow(row));
      }),
    );
  });

  it('does not depend on key order or on null vs absent optional fields', () => {
    const row = { link: null, formats: ['softcopy', 'hardcopy'] as ('hardcopy' | 'softcopy')[], title: 'A', summary: 'B', category: null, owningUnit: 'U', responsible: 'R', createdWhen: '2024', createdWhere: 'Jambi', retention: '5 tahun' };
    const reordered = { retention: '5 tahun', createdWhere: 'Jambi', createdWhen: '2024', responsible: 'R', owningUnit: 'U', category: null, summary: 'B', title: 'A', formats: ['hardcopy', 'softcopy'] as ('hardcopy' | 'softcopy')[] };
    expect(canonicalRowJson(row)).toBe(canonicalRowJson(reordered));
    expect(canonicalRowJson(row)).not.toContain('link');
  });
});
