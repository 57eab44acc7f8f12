/**
 * Bulk loading rows inside a Kysely transaction with Postgres' COPY, the fastest way in.
 *
 * Kysely does not expose the pg client of a transaction, so `openDatabase` hands out pool clients through
 * `recordClient`, which notes the client in the AsyncLocalStorage store opened by `withBulkCopy`. Inside that
 * scope a transaction's queries and its COPY run on the same client, so the COPY is part of the transaction.
 * Without a store (PGlite, or a caller that did not open the scope) the rows are kept until `end()` and go in as
 * one INSERT that takes every row as a single JSON parameter.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './database.js';

const scope = new AsyncLocalStorage<{ client?: pg.PoolClient }>();

/** Runs `fn` (which should open exactly one transaction) with COPY available to `openRowSink` inside it. */
export const withBulkCopy = <T>(fn: () => Promise<T>): Promise<T> => scope.run({}, fn);

/** Called by the pool wrapper in database.ts for every client it hands to Kysely. */
export function recordClient(client: pg.PoolClient): void {
  const store = scope.getStore();
  if (store) store.client = client;
}

/** A row's values; bytes are text already encoded as UTF-8, and go in as plain (see `SinkColumn`). */
export type SinkRow = readonly (string | number | Uint8Array)[];

/**
 * A column of a sink. `plain`: its values never hold a tab, newline, carriage return or \x01 and are never empty
 * (canonical JSON — JSON escapes every control character —, hex digests, validated UUIDs), so they go into the COPY
 * without being scanned. Numbers never are scanned.
 */
export interface SinkColumn {
  name: string;
  /** Postgres type, for the JSON fallback. */
  type: string;
  plain?: boolean;
}

/**
 * Where rows go in batches. On Postgres each `write` is on its way to the server when it returns, so the server
 * stores one batch while the caller prepares the next (it runs on the other core). Either `end` (the rows are in)
 * or `abort` (they are not; the caller's transaction must then roll back) must be called once the sink is used.
 */
export interface RowSink {
  write(rows: readonly SinkRow[]): Promise<void>;
  end(): Promise<void>;
  abort(reason: Error): Promise<void>;
}

/** A sink into `table`'s `columns`. */
export function openRowSink(trx: Db, table: string, columns: readonly SinkColumn[]): RowSink {
  const client = scope.getStore()?.client;
  return client ? copySink(client, table, columns) : insertSink(trx, table, columns);
}

/** Inserts `rows` into `table` in one go (see `openRowSink`). */
export async function copyRows(trx: Db, table: string, columns: readonly SinkColumn[], rows: readonly SinkRow[]): Promise<void> {
  if (rows.length === 0) return;
  const sink = openRowSink(trx, table, columns);
  await sink.write(rows);
  await sink.end();
}

// COPY in CSV format with tab as delimiter and \x01 as quote: a value needs quoting only if it is empty (unquoted
// empty is NULL) or holds a tab, line break or \x01 — never the case for the JSON bodies that make up most of the
// bytes, which therefore go in as they are (the text format would need every backslash of the JSON doubled).
export const COPY_OPTIONS = `(format csv, delimiter e'\\t', quote e'\\x01')`;
const QUOTE = '\x01';
const needsQuotes = (v: string) => v === '' || v.includes('\t') || v.includes('\n') || v.includes('\r') || v.includes(QUOTE);
const quoteCopy = (v: string) => (needsQuotes(v) ? `${QUOTE}${v.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}` : v);

/**
 * The rows as COPY lines, encoded straight into one buffer (a string of the whole batch would be built and then
 * encoded again on its way to the socket: twice the work, for ~300 KB per batch of a push).
 */
function copyLines(rows: readonly SinkRow[], columns: readonly SinkColumn[]): Buffer {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; a number at most 24 characters; one byte per separator.
  let room = 0;
  for (const row of rows) for (const v of row) room += typeof v === 'number' ? 25 : typeof v === 'string' ? 3 * v.length + 3 : v.length + 1;
  const out = Buffer.allocUnsafe(room);
  let at = 0;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out[at++] = 0x09;
      const v = row[i]!;
      if (typeof v === 'string') at += out.write(columns[i]!.plain ? v : quoteCopy(v), at);
      else if (typeof v === 'number') at += out.write(String(v), at);
      else {
        out.set(v, at);
        at += v.length;
      }
    }
    out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}

/** COPY … FROM STDIN, opened on the first rows written (a push that adds nothing never starts one). */
function copySink(client: pg.PoolClient, table: string, columns: readonly SinkColumn[]): RowSink {
  let stream: ReturnType<typeof copyFrom> | undefined;
  let done: Promise<void> | undefined;
  let failure: unknown;
  const open = () => {
    const s = client.query(copyFrom(`copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin ${COPY_OPTIONS}`));
    // The server may refuse rows (a constraint, a trigger) while later ones are still being written: keep the
    // error and throw it at the next write or at end().
    done = finished(s).catch((err: unknown) => {
      failure = err;
      throw err;
    });
    done.catch(() => {});
    stream = s;
    return s;
  };
  return {
    async write(rows) {
      if (failure) throw failure;
      if (rows.length === 0) return;
      const s = stream ?? open();
      // Waiting for 'drain' hands the batch to the socket and lets the event loop flush it before the caller goes on.
      if (!s.write(copyLines(rows, columns))) await Promise.race([once(s, 'drain'), done]);
      if (failure) throw failure;
    },
    async end() {
      if (!stream) return;
      stream.end();
      await done;
    },
    async abort(reason) {
      if (!stream) return;
      // destroy() sends CopyFail; wait for the server's answer so the connection is idle before the rollback.
      stream.destroy(reason);
      await done?.catch(() => {});
    },
  };
}

function insertSink(trx: Db, table: string, columns: readonly SinkColumn[]): RowSink {
  let rows: SinkRow[] = [];
  return {
    async write(batch) {
      for (const r of batch) rows.push(r);
    },
    async end() {
      if (rows.length === 0) return;
      const cols = sql.raw(columns.map((c, i) => `"c${i}"::${c.type}`).join(', '));
      const defs = sql.raw(columns.map((_, i) => `"c${i}" text`).join(', '));
      const text = (v: SinkRow[number]) => (v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8') : String(v));
      const records = rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, text(v)])));
      rows = [];
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
        select ${cols} from json_to_recordset(${JSON.stringify(records)}::json) as r(${defs})`.execute(trx);
    },
    async abort() {
      rows = [];
    },
  };
}
