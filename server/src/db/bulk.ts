/**
 * Bulk loading rows inside a Kysely transaction with Postgres' COPY, the fastest way in.
 *
 * Kysely does not expose the pg client of a transaction, so `openDatabase` hands out pool clients through
 * `recordClient`, which notes the client in the AsyncLocalStorage store opened by `withBulkCopy`. Inside that
 * scope a transaction's queries and its COPY run on the same client, so the COPY is part of the transaction.
 * Without a store (PGlite, or a caller that did not open the scope) `copyRows` falls back to one INSERT that takes
 * every row as a single JSON parameter.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './database.js';

const scope = new AsyncLocalStorage<{ client?: pg.PoolClient }>();

/** Runs `fn` (which should open exactly one transaction) with COPY available to `copyRows` inside it. */
export const withBulkCopy = <T>(fn: () => Promise<T>): Promise<T> => scope.run({}, fn);

/** Called by the pool wrapper in database.ts for every client it hands to Kysely. */
export function recordClient(client: pg.PoolClient): void {
  const store = scope.getStore();
  if (store) store.client = client;
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N would be NULL (we never send one).
const escapeCopy = (v: string) => (/[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v);

/**
 * Inserts `rows` (each a list of text values in `columns` order) into `table`.
 * `types` are the Postgres types of the columns, for the JSON fallback.
 */
export async function copyRows(trx: Db, table: string, columns: readonly string[], types: readonly string[], rows: readonly (readonly (string | number)[])[]): Promise<void> {
  if (rows.length === 0) return;
  const client = scope.getStore()?.client;
  if (client) {
    const lines = rows.map((r) => `${r.map((v) => escapeCopy(String(v))).join('\t')}\n`);
    // Batch the lines into ~1 MB chunks: one write per line would cost more than the COPY itself.
    const chunks: string[] = [];
    for (let i = 0; i < lines.length; i += 2000) chunks.push(lines.slice(i, i + 2000).join(''));
    await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
    return;
  }
  const cols = sql.raw(columns.map((c, i) => `"c${i}"::${types[i]}`).join(', '));
  const defs = sql.raw(columns.map((_, i) => `"c${i}" text`).join(', '));
  const records = rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, String(v)])));
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${cols} from json_to_recordset(${JSON.stringify(records)}::json) as r(${defs})`.execute(trx);
}
