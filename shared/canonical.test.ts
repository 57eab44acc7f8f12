import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow, canonicalRowJson, contentHash, contentHashFromRowHashes, rowHash, sha256Hex, stableStringify } from './canonical.js';
import { changedFields } from './diff.js';
import type { StoredDipRow } from './row.js';
import { anyDipRowArb, storedDipRowArb, storedRowsArb } from './testing/arbitraries.js';

/** The same row with its keys (and its exemption's keys) in reverse order. */
function reverseKeys(row: StoredDipRow): StoredDipRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row).reverse()) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v;
  }
  return out as StoredDipRow;
}

describe('sha256Hex', () => {
  it('is SHA-256 (known vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonical form', () => {
  it('drops null optionals, orders formats, and is idempotent', () => {
    fc.assert(
      fc.property(anyDipRowArb, (row) => {
        const c = canonicalRow(row);
        expect(canonicalRow(c)).toStrictEqual(c);
        for (const key of ['link', 'exemption', 'notes'] as const) {
          expect(key in c && c[key] == null, key).toBe(false);
        }
        expect(c.formats).toEqual(['hardcopy', 'softcopy'].filter((f) => row.formats.includes(f as 'hardcopy')));
      }),
    );
  });

  it('stores exactly the key-sorted canonical row', () => {
    fc.assert(
      fc.property(anyDipRowArb, (row) => {
        expect(canonicalRowJson(row)).toBe(stableStringify(canonicalRow(row)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same bytes whatever the key order', () => {
    fc.assert(
      fc.property(storedDipRowArb, (row) => {
        expect(canonicalRowJson(reverseKeys(row))).toBe(canonicalRowJson(row));
        expect(stableStringify(reverseKeys(row))).toBe(stableStringify(row));
      }),
    );
  });
});

describe('contentHash', () => {
  it('ignores row order and key order', () => {
    fc.assert(
      fc.property(storedRowsArb(), fc.infiniteStream(fc.nat()), (rows, randoms) => {
        const shuffled = rows.map((r) => [randoms.next().value as number, reverseKeys(r)] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        expect(contentHash(shuffled)).toBe(contentHash(rows));
      }),
    );
  });

  it('changes when any field of any row changes', () => {
    fc.assert(
      fc.property(storedRowsArb({ minLength: 1 }), fc.nat(), storedDipRowArb, (rows, pick, other) => {
        const i = pick % rows.length;
        const changed = { ...other, id: rows[i]!.id };
        fc.pre(changedFields(rows[i]!, changed).length > 0);
        for (const f of changedFields(rows[i]!, changed)) {
          // One field at a time, so every field is shown to count on its own.
          const next = rows.slice();
          next[i] = canonicalRow({ ...rows[i]!, [f.field]: f.to ?? undefined } as StoredDipRow);
          expect(contentHash(next), f.field).not.toBe(contentHash(rows));
        }
      }),
    );
  });

  it('changes when a row is added or removed, and with the row id', () => {
    fc.assert(
      fc.property(storedRowsArb({ minLength: 1 }), storedDipRowArb, (rows, extra) => {
        fc.pre(!rows.some((r) => r.id === extra.id));
        expect(contentHash([...rows, extra])).not.toBe(contentHash(rows));
        expect(contentHash(rows.slice(1))).not.toBe(contentHash(rows));
        expect(contentHash([{ ...rows[0]!, id: extra.id }, ...rows.slice(1)])).not.toBe(contentHash(rows));
      }),
    );
  });

  it('equals the hash built from row hashes (how the server verifies stored versions)', () => {
    fc.assert(
      fc.property(storedRowsArb(), (rows) => {
        expect(contentHashFromRowHashes(rows.map((r) => ({ id: r.id, hash: rowHash(r) })))).toBe(contentHash(rows));
      }),
    );
  });

  it('treats null and absent optionals as the same content', () => {
    fc.assert(
      fc.property(storedDipRowArb, (row) => {
        const withNulls = { ...row, link: row.link ?? null, notes: row.notes ?? null, exemption: row.exemption ?? null };
        expect(contentHash([withNulls])).toBe(contentHash([canonicalRow(row)]));
      }),
    );
  });
});
