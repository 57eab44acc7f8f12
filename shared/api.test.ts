import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestJson, pushRequestSchema } from './api.js';
import { canonicalRow, canonicalRowJson } from './canonical.js';
import { anyDipRowArb } from './testing/arbitraries.js';

describe('pushRequestJson (the push body the task pane sends)', () => {
  it('is a valid push request whose rows are the canonical rows, each written in its stored form', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((m) => m.trim() !== ''), fc.array(anyDipRowArb, { maxLength: 5 }), (message, rows) => {
        const json = pushRequestJson({ message, rows });
        const parsed = pushRequestSchema.parse(JSON.parse(json));
        expect(parsed.rows).toEqual(rows.map((r) => canonicalRow(r)));
        // Sorted keys, nothing null left to drop: what the server can store without rebuilding the row.
        expect((JSON.parse(json) as { rows: unknown[] }).rows.map((r) => JSON.stringify(r))).toEqual(rows.map((r) => canonicalRowJson(r)));
      }),
    );
  });
});
