/**
 * A push body read from its bytes, keeping where each row came from. The task pane sends every row already in the
 * form the register stores (canonical JSON, see shared/canonical.ts), so for such a row the bytes it arrived in
 * are the bytes to hash and store: no serialising and no encoding again (for 10,000 rows, ~30 ms of that against
 * ~8 ms for this scan and ~7 ms for taking the bytes; docs/benchmarks.md).
 *
 * Each row is parsed from its own bytes (JSON.parse of exactly that slice), so a row and the bytes kept for it can
 * never disagree; the rest of the body is parsed with the rows array left empty. Whatever this reader does not
 * expect (no top-level `rows` array, a key written with escapes, invalid UTF-8, broken JSON) is read
 * by JSON.parse of the whole text instead, as before, without spans: the rows are then serialised as usual.
 */
import { isUtf8 } from 'node:buffer';
import { hasCanonicalShape } from '../../../shared/canonical.js';
import type { DipRow } from '../../../shared/row.js';
import type { Utf8Arena } from './utf8-arena.js';

/** Where a row's JSON lies in the body, and what says whether those bytes can be its canonical form. */
export interface RowSpan {
  start: number;
  end: number;
  /** No whitespace between tokens and no escape but the short ones: nothing JSON.stringify would write otherwise. */
  plain: boolean;
  /** Strings in the span, keys included: more than the parsed row holds means a key was written twice. */
  strings: number;
  /** Just past the first array directly in the row (formats, the one array a row has), or -1. */
  arrayEnd: number;
}

export interface PushBody {
  /** What JSON.parse of the whole body gives. */
  value: unknown;
  /** The body and each row's span in it, in the order of `rows` (absent when the whole text was parsed instead). */
  spans?: { bytes: Buffer; rows: RowSpan[] };
}

/** Not the shape this reader handles: the caller parses the whole text instead. */
class Unexpected extends Error {}
const unexpected = new Unexpected();

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isWs = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const ROWS_KEY = Buffer.from('"rows"');

function skipWs(b: Buffer, p: number): number {
  while (isWs(b[p])) p++;
  return p;
}

// Scanning is synchronous, one body at a time: its running state can live here.
/** Where the next backslash of the body being scanned is (at or after where it was last looked for). */
let nextBackslash = -1;

/** What `valueEnd` saw in the value it last went over. */
const seen = { strings: 0, plain: true, escaped: false, arrayEnd: -1 };

/**
 * Where the JSON value starting at `p` ends. Only brackets and strings are followed: every slice this yields is
 * parsed afterwards, so what JSON.parse checks anyway is not checked here. One loop with a depth counter (a row is
 * 3 levels deep at most; no recursion to overflow whatever the body).
 */
function valueEnd(b: Buffer, p: number): number {
  let depth = 0;
  let strings = 0;
  let plain = true;
  let escaped = false;
  let arrayEnd = -1;
  const first = b[p];
  if (first !== QUOTE && first !== 0x7b && first !== 0x5b) {
    // A number or a literal: up to the next delimiter.
    const start = p;
    while (p < b.length && !isWs(b[p]) && b[p] !== 0x2c && b[p] !== 0x5d && b[p] !== 0x7d) p++;
    if (p === start) throw unexpected;
  } else {
    do {
      if (p >= b.length) throw unexpected;
      const c = b[p++]!;
      if (c === QUOTE) {
        // Most strings hold no backslash: their end is the next quote, found by indexOf (several times faster than
        // a loop over the bytes here). The next backslash in the body is looked up again only once passed.
        const q = b.indexOf(QUOTE, p);
        if (q < 0) throw unexpected;
        if (nextBackslash < p) nextBackslash = b.indexOf(BACKSLASH, p) >>> 0; // -1 → past any index
        if (nextBackslash > q) p = q + 1;
        else {
          for (;;) {
            if (p >= b.length) throw unexpected;
            const d = b[p++]!;
            if (d === QUOTE) break;
            if (d === BACKSLASH) {
              // \" \\ \b \f \n \r \t are what JSON.stringify writes for those characters; \/ and \u… it never
              // writes for a character that has a short escape or needs none, so they are not plain.
              escaped = true;
              const e = b[p++];
              if (e === 0x75 || e === 0x2f) plain = false;
            }
          }
        }
        strings++;
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        // The first array closed directly inside the value (inside a row: formats).
        if (c === 0x5d && depth === 1 && arrayEnd < 0) arrayEnd = p;
      } else if (isWs(c)) plain = false;
    } while (depth > 0);
  }
  seen.strings = strings;
  seen.plain = plain;
  seen.escaped = escaped;
  seen.arrayEnd = arrayEnd;
  return p;
}

/** The spans of the elements of the top-level `rows` array, and where that array's brackets are. */
function scanRows(b: Buffer, from: number): { open: number; close: number; rows: RowSpan[] } {
  nextBackslash = -1;
  let p = skipWs(b, from);
  if (b[p++] !== 0x7b) throw unexpected;
  let found: { open: number; close: number; rows: RowSpan[] } | undefined;
  for (;;) {
    p = skipWs(b, p);
    if (b[p] !== QUOTE) throw unexpected;
    const keyStart = p;
    p = valueEnd(b, p);
    // A key with an escape could spell `rows` another way (JSON.parse would keep the last): not handled here.
    if (seen.escaped) throw unexpected;
    const isRows = p - keyStart === ROWS_KEY.length && b.compare(ROWS_KEY, 0, ROWS_KEY.length, keyStart, p) === 0;
    p = skipWs(b, p);
    if (b[p++] !== 0x3a) throw unexpected; // :
    p = skipWs(b, p);
    if (isRows) {
      if (found || b[p] !== 0x5b) throw unexpected;
      const open = p;
      const rows: RowSpan[] = [];
      p = skipWs(b, p + 1);
      if (b[p] !== 0x5d) {
        for (;;) {
          p = skipWs(b, p);
          const start = p;
          p = valueEnd(b, p);
          rows.push({ start, end: p, plain: seen.plain, strings: seen.strings, arrayEnd: seen.arrayEnd });
          p = skipWs(b, p);
          if (b[p] === 0x5d) break;
          if (b[p++] !== 0x2c) throw unexpected; // ,
        }
      }
      found = { open, close: p, rows };
      p++;
    } else p = valueEnd(b, p);
    p = skipWs(b, p);
    const next = b[p++];
    if (next === 0x7d) break;
    if (next !== 0x2c) throw unexpected;
  }
  if (!found) throw unexpected;
  return found;
}

const decoder = new TextDecoder();
const hasBom = (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * The body as fetch's `text()` reads it (what request hashes were always taken of), as the bytes themselves where
 * that is the same: valid UTF-8 without a byte-order mark.
 */
export const asFetchText = (bytes: Buffer): Uint8Array | string => (!hasBom(bytes) && isUtf8(bytes) ? bytes : decoder.decode(bytes));

/**
 * Parses a push body. Throws SyntaxError where JSON.parse of its text would (the text as fetch's `text()` reads
 * it: a leading byte-order mark dropped, invalid UTF-8 replaced).
 */
export function parsePushBody(bytes: Buffer): PushBody {
  const from = hasBom(bytes) ? 3 : 0;
  if (isUtf8(bytes)) {
    let scan: ReturnType<typeof scanRows> | undefined;
    try {
      scan = scanRows(bytes, from);
    } catch (err) {
      if (!(err instanceof Unexpected)) throw err;
    }
    if (scan) {
      // Everything but the rows, with the array left empty; then each row from its own bytes. A slice that does
      // not parse means the body is not JSON: the whole text is parsed below, for JSON.parse's own error.
      try {
        const rest = JSON.parse(decoder.decode(Buffer.concat([bytes.subarray(from, scan.open + 1), bytes.subarray(scan.close)]))) as unknown;
        if (typeof rest === 'object' && rest !== null && Array.isArray((rest as { rows?: unknown }).rows)) {
          (rest as { rows: unknown[] }).rows = scan.rows.map((r) => JSON.parse(bytes.toString('utf8', r.start, r.end)) as unknown);
          return { value: rest, spans: { bytes, rows: scan.rows } };
        }
      } catch (err) {
        if (!(err instanceof SyntaxError)) throw err;
      }
    }
  }
  return { value: JSON.parse(decoder.decode(bytes)) as unknown };
}

/** Strings a parsed JSON value holds, keys included. */
function stringsIn(v: unknown): number {
  if (typeof v === 'string') return 1;
  if (typeof v !== 'object' || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += stringsIn(x);
  } else {
    for (const k in v) n += 1 + stringsIn((v as Record<string, unknown>)[k]);
  }
  return n;
}

const ID_PREFIX = ',"id":"';

/**
 * The canonical JSON of `row` (given `id` if it has none), taken from the bytes it arrived in when those bytes
 * are exactly that; undefined otherwise. `row` must have passed the row schema (known keys, text values), and be
 * what JSON.parse gave for this span; `id` is a UUID (written as it is, it needs no escape).
 *
 * Why the bytes are then exact: JSON.stringify writes a parsed object without whitespace or escapes where none are
 * needed, keys in the order they came; a span with no whitespace and only the short escapes JSON.stringify writes
 * differs from that only by a key written twice (JSON.parse keeps the last), which leaves more strings in the span
 * than in the row. A canonical
 * shape (shared/canonical.ts) makes JSON.stringify's text the canonical one.
 */
export function canonicalBytesOfSpan(bytes: Buffer, span: RowSpan, row: DipRow, id: string, arena: Utf8Arena): Buffer | undefined {
  if (!span.plain || !hasCanonicalShape(row) || stringsIn(row) !== span.strings) return undefined;
  if (row.id !== undefined) return row.id === id ? bytes.subarray(span.start, span.end) : undefined;
  // A new row: its id goes right after formats, where the sorted keys put it (formats is the only array a row
  // that passed the schema has).
  const at = span.arrayEnd;
  if (at < 0) return undefined;
  const insert = `${ID_PREFIX}${id}"`;
  const out = arena.alloc(span.end - span.start + insert.length);
  bytes.copy(out, 0, span.start, at);
  const mid = at - span.start;
  out.write(insert, mid, 'latin1');
  bytes.copy(out, mid + insert.length, at, span.end);
  return out;
}
