import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestJson } from '../../../shared/api.js';
import { canonicalRowJson, canonicalRowJsonWithId } from '../../../shared/canonical.js';
import type { DipRow } from '../../../shared/row.js';
import { anyDipRowArb, dipRowArb } from '../../../shared/testing/arbitraries.js';
import { isSchemaValidRow } from './row-check.js';
import { asFetchText, canonicalBytesOfSpan, parsePushBody } from './push-body.js';
import { Utf8Arena } from './utf8-arena.js';

const NEW_ID = '0190f5c2-7a1b-7c3d-8e4f-1234567890ab';

/** Text JSON.parse reads as the same value, written in one of the ways a client could: whitespace, escapes, key order. */
function writeJson(value: unknown, style: { indent: number; slashes: boolean; unicode: boolean; reverseKeys: boolean }): string {
  const reorder = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(reorder);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v).map(([k, x]) => [k, reorder(x)] as const);
    return Object.fromEntries(style.reverseKeys ? entries.reverse() : entries);
  };
  let text = JSON.stringify(reorder(value), null, style.indent);
  // Escapes JSON.stringify never writes, which parse to the same characters (in values: no key holds these).
  if (style.slashes) text = text.replace(/\//g, '\\/');
  if (style.unicode) text = text.replace(/J/g, '\\u004A').replace(/é/g, '\\u00e9');
  return text;
}

const styleArb = fc.record({ indent: fc.constantFrom(0, 2), slashes: fc.boolean(), unicode: fc.boolean(), reverseKeys: fc.boolean() });
// Rows with text a sheet can hold: quotes, backslashes, tabs, newlines, emoji, non-Latin script.
const oddTextArb = fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', '\t', '\n', '/', 'é', '😀', '中', ' ', ']', '}', ','), maxLength: 12 });
const rowArb: fc.Arbitrary<DipRow> = fc.oneof(
  dipRowArb(),
  anyDipRowArb,
  fc.tuple(dipRowArb(), oddTextArb, oddTextArb).map(([r, title, notes]) => ({ ...r, title: `T ${title}`, notes: `N ${notes}` })),
);

describe('parsePushBody', () => {
  it('gives what JSON.parse gives, however the body is written', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 6 }), styleArb, (rows, style) => {
        const text = writeJson({ message: 'm', rows }, style);
        const body = parsePushBody(Buffer.from(text));
        expect(body.value).toEqual(JSON.parse(text));
        expect(body.spans!.rows.length).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps for a row only bytes that are its canonical JSON, and keeps them for rows sent in canonical JSON', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 6 }), styleArb, fc.constantFrom('canonical', 'keys sorted', 'as drawn'), (rows, style, form) => {
        const canonical = form === 'canonical';
        // Keys sorted but written with whitespace or other escapes: close to canonical, not it.
        const sorted = rows.map((r) => JSON.parse(canonicalRowJson(r)) as DipRow);
        const text = canonical ? pushRequestJson({ message: 'm', rows }) : writeJson({ message: 'm', rows: form === 'keys sorted' ? sorted : rows }, style);
        const bytes = Buffer.from(text);
        const body = parsePushBody(bytes);
        const parsed = (body.value as { rows: DipRow[] }).rows;
        const arena = new Utf8Arena();
        parsed.forEach((row, i) => {
          if (!isSchemaValidRow(row)) return;
          const id = row.id ?? NEW_ID;
          const got = canonicalBytesOfSpan(bytes, body.spans!.rows[i]!, row, id, arena);
          const expected = row.id === undefined ? canonicalRowJsonWithId(row, id) : canonicalRowJson(row);
          if (got !== undefined) expect(got.toString('utf8')).toBe(expected);
          // Sent in canonical JSON, only a \u escape (a control character) keeps a row from its bytes.
          if (canonical && !expected.includes('\\u')) expect(got).toBeDefined();
        });
      }),
      { numRuns: 300 },
    );
  });

  it('does not take the bytes of a row that names a key twice (JSON.parse keeps the last)', () => {
    const row = JSON.parse(canonicalRowJson({ category: 'berkala', title: 'B', summary: 'S', owningUnit: 'U', responsible: 'R', createdWhen: '2024', createdWhere: 'Jambi', formats: [], retention: '5 tahun' })) as DipRow;
    const rowText = JSON.stringify(row).replace('"title":"B"', '"title":"A","title":"B"');
    const bytes = Buffer.from(`{"message":"m","rows":[${rowText}]}`);
    const body = parsePushBody(bytes);
    const parsed = (body.value as { rows: DipRow[] }).rows[0]!;
    expect(parsed.title).toBe('B');
    expect(canonicalBytesOfSpan(bytes, body.spans!.rows[0]!, parsed, NEW_ID, new Utf8Arena())).toBeUndefined();
  });

  it.each([
    ['a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"message":"m","rows":[{"a":1}]}')]), true],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"message":"'), Buffer.from([0xff]), Buffer.from('","rows":[]}')]), false],
    ['rows spelled with an escape', Buffer.from('{"rows":[{"a":1}],"r\\u006fws":[{"b":2}]}'), false],
    ['rows twice', Buffer.from('{"rows":[{"a":1}],"rows":[{"b":2}]}'), false],
    ['no rows', Buffer.from('{"message":"m"}'), false],
    ['an array at the top', Buffer.from('[{"rows":[]}]'), false],
    ['rows deeper than JSON.parse minds', Buffer.from(`{"rows":[${'['.repeat(3000)}${']'.repeat(3000)}]}`), true],
  ])('reads a body with %s as JSON.parse of its text does', (_name, bytes, spans) => {
    const body = parsePushBody(bytes);
    // Compared as text: toEqual recurses as deep as the value goes.
    expect(JSON.stringify(body.value)).toBe(JSON.stringify(JSON.parse(new TextDecoder().decode(bytes))));
    expect(body.spans !== undefined).toBe(spans);
  });

  it.each([
    ['cut short', '{"message":"m","rows":[{"a":1}'],
    ['a trailing comma', '{"message":"m","rows":[{"a":1},]}'],
    ['two values without a comma', '{"message":"m","rows":[{"a":1} {"b":2}]}'],
    ['text after the body', '{"message":"m","rows":[]} x'],
    ['a broken row', '{"message":"m","rows":[{"a":}]}'],
    ['a string left open', '{"message":"m","rows":["abc]}'],
  ])('throws SyntaxError for a body %s', (_name, text) => {
    expect(() => parsePushBody(Buffer.from(text))).toThrow(SyntaxError);
  });
});

describe('asFetchText', () => {
  it('is the bytes themselves when they are what text() decodes to, the decoded text otherwise', () => {
    const plain = Buffer.from('{"a":"é"}');
    expect(asFetchText(plain)).toBe(plain);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(asFetchText(bom)).toBe('{"a":"é"}');
    expect(asFetchText(Buffer.from([0x22, 0xff, 0x22]))).toBe('"\ufffd"');
  });
});
