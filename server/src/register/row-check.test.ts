import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHORT_TEXT, MAX_TEXT, dipRowSchema } from '../../../shared/row.js';
import { anyDipRowArb, storedDipRowArb } from '../../../shared/testing/arbitraries.js';
import { fitsInUnits, isSchemaValidRow } from './row-check.js';

const zodSays = (row: unknown) => dipRowSchema.safeParse(row).success;

/** Values a field may be given instead of its own: other types, and strings at and past both length limits. */
const strayValue = fc.oneof(
  fc.constantFrom(null, true, 0, 1.5, -1, '', [], {}, ['hardcopy'], ['softcopy', 'hardcopy'], ['hardcopy', 'hardcopy'], ['hardcopy', 'softcopy', 'hardcopy'], ['pdf']),
  fc.constantFrom('berkala', 'Berkala', 'serta_merta', 'h', 'H', 'k', 'hardcopy'),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', '3F2504E0-4F89-41D3-9A0C-0305E82C3301', '3f2504e0-4f89-01d3-9a0c-0305e82c3301', '3f2504e0-4f89-41d3-9a0c-0305e82c330', 'not-a-uuid'),
  // Around each cap: an emoji is one code point and two UTF-16 units, so it tells the two counts apart.
  fc.constantFrom(MAX_SHORT_TEXT, MAX_TEXT).chain((max) =>
    fc.constantFrom('a'.repeat(max), 'a'.repeat(max + 1), '😀'.repeat(max / 2), '😀'.repeat(max / 2) + 'a', '😀'.repeat(max / 2 + 1), '\ud800'.repeat(max + 1)),
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const KEYS = ['id', 'category', 'title', 'summary', 'owningUnit', 'responsible', 'createdWhen', 'createdWhere', 'formats', 'retention', 'link', 'exemption', 'notes'];
const EXEMPTION_KEYS = ['article17', 'clause', 'otherLaw', 'consequence', 'publicInterest', 'period'];

/** One change to a valid row: a field dropped, replaced or added (at the top or inside its exemption). */
const mutation = fc.record({
  inExemption: fc.boolean(),
  key: fc.oneof(fc.constantFrom(...KEYS, ...EXEMPTION_KEYS), fc.constantFrom('extra', '__proto__', 'constructor', 'Title', '0')),
  action: fc.constantFrom('drop', 'set'),
  value: strayValue,
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(row: Record<string, unknown>, changes: Mutation[]): unknown {
  // Through JSON, as a request body arrives: "__proto__" becomes an own key, undefined disappears.
  const out = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
  for (const c of changes) {
    const target = c.inExemption && out.exemption && typeof out.exemption === 'object' ? (out.exemption as Record<string, unknown>) : out;
    if (c.action === 'drop') delete target[c.key];
    else Object.defineProperty(target, c.key, { value: c.value, enumerable: true, configurable: true, writable: true });
  }
  return JSON.parse(JSON.stringify(out));
}

describe('isSchemaValidRow (Ajv, compiled from dipRowSchema, then zod where Ajv refuses)', () => {
  it('accepts every row the schema accepts, most of them without asking zod', () => {
    fc.assert(
      fc.property(fc.oneof(anyDipRowArb, storedDipRowArb), (row) => {
        const input = JSON.parse(JSON.stringify(row)) as unknown;
        expect(isSchemaValidRow(input)).toBe(true);
        // Only text past a limit in UTF-16 units can need zod (anyDipRowArb stays far below them).
        expect(fitsInUnits(input)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer as the schema for rows with changes of every kind, and the fast check never says yes alone', () => {
    fc.assert(
      fc.property(fc.oneof(anyDipRowArb, storedDipRowArb), fc.array(mutation, { minLength: 1, maxLength: 3 }), (row, changes) => {
        const input = mutate(row as Record<string, unknown>, changes);
        const zod = zodSays(input);
        expect(isSchemaValidRow(input)).toBe(zod);
        if (fitsInUnits(input)) expect(zod).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same answer for values that are not rows at all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(isSchemaValidRow(value)).toBe(zodSays(value));
      }),
    );
  });

  it('counts text as zod does (code points): 2,000 emoji fit a short text, 2,001 do not', () => {
    const base = JSON.parse(JSON.stringify(fc.sample(storedDipRowArb, { numRuns: 1, seed: 7 })[0])) as Record<string, unknown>;
    const fits = { ...base, title: '😀'.repeat(MAX_SHORT_TEXT) };
    const over = { ...base, title: '😀'.repeat(MAX_SHORT_TEXT + 1) };
    expect([zodSays(fits), zodSays(over)]).toEqual([true, false]);
    expect([isSchemaValidRow(fits), isSchemaValidRow(over)]).toEqual([true, false]);
    // 4,000 units: the fast check cannot tell, zod decides.
    expect(fitsInUnits(fits)).toBe(false);
  });
});
