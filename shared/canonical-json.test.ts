import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow, canonicalRowJson, canonicalRowJsonWithId, stableStringify } from './canonical.js';
import { dipRowSchema, type DipRow } from './row.js';
import { anyDipRowArb, dipRowArb, storedDipRowArb } from './testing/arbitraries.js';

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

  it('writes a row that is already in canonical shape (keys sorted, no nulls) exactly as the generic path would', () => {
    fc.assert(
      fc.property(fc.oneof(anyDipRowArb, storedDipRowArb), fc.infiniteStream(fc.nat()), (row, randoms) => {
        // As it arrives from a client that sent canonical JSON: keys already sorted.
        const wire = JSON.parse(canonicalRowJson(row)) as DipRow;
        expect(canonicalRowJson(wire)).toBe(stableStringify(canonicalRow(wire)));
        // Sorted keys but formats as sent (either order, a repeat).
        const formatsAsSent = { ...wire, formats: [...row.formats] };
        expect(canonicalRowJson(formatsAsSent)).toBe(stableStringify(canonicalRow(formatsAsSent)));
        // And in any other key order, with nulls for absent fields.
        const keys = Object.keys(row).sort(() => ((randoms.next().value as number) % 3) - 1);
        const shuffled = Object.fromEntries(keys.map((k) => [k, row[k as keyof DipRow] ?? null])) as DipRow;
        expect(canonicalRowJson(shuffled)).toBe(stableStringify(canonicalRow(shuffled)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives a new row its id where the sorted keys put it, as if the row had carried it', () => {
    fc.assert(
      fc.property(dipRowArb({ withId: false }), anyDipRowArb, fc.uuid({ version: 4 }), (plain, odd, id) => {
        for (const row of [plain, odd]) {
          const { id: _, ...withoutId } = row;
          const expected = stableStringify(canonicalRow({ ...withoutId, id }));
          expect(canonicalRowJsonWithId(JSON.parse(canonicalRowJson(withoutId)) as DipRow, id)).toBe(expected);
          expect(canonicalRowJsonWithId(withoutId, id)).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is not fooled by text that looks like the formats key, nor by values that are not text', () => {
    const row = JSON.parse(canonicalRowJson({
      category: 'dikecualikan', title: 'T', summary: 'S', owningUnit: 'U', responsible: 'R', createdWhen: 'x,"formats":["hardcopy"],"id":"y"',
      createdWhere: ',"formats":', formats: ['softcopy'], retention: '5 tahun',
      exemption: { article17: 'h', consequence: ',"formats":[]', publicInterest: 'P', period: '5 tahun' },
    })) as DipRow;
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    expect(canonicalRowJsonWithId(row, id)).toBe(stableStringify(canonicalRow({ ...row, id })));
    // Not schema-valid (an object where text belongs): still the same bytes as the generic path.
    const odd = { ...row, exemption: { ...row.exemption!, consequence: { formats: ['x'] } } } as unknown as DipRow;
    expect(canonicalRowJsonWithId(odd, id)).toBe(stableStringify(canonicalRow({ ...odd, id })));
    const unknownFormat = { ...row, formats: ['pdf'] } as unknown as DipRow;
    expect(canonicalRowJson(unknownFormat)).toBe(stableStringify(canonicalRow(unknownFormat)));
  });
});
