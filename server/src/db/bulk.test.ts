import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, type TestDatabase } from '../testing/backends.js';
import { copyRows, openRowSink, withBulkCopy, type SinkColumn } from './bulk.js';

const COLUMNS: SinkColumn[] = [
  { name: 'n', type: 'int' },
  { name: 'a', type: 'text' },
  { name: 'b', type: 'text' },
];

describe.each(testBackends)('bulk rows on $name', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create();
    await sql`create table bulk_probe (n int primary key, a text not null, b text not null)`.execute(t.handle.db);
  });
  afterAll(() => t.dispose());

  const readBack = async () =>
    (await sql<{ n: number; a: string; b: string }>`select n, a, b from bulk_probe order by n`.execute(t.handle.db)).rows.map((r) => [r.n, r.a, r.b]);
  const inTransaction = <T>(fn: (trx: typeof t.handle.db) => Promise<T>) => withBulkCopy(() => t.handle.db.transaction().execute(fn));

  it('stores any text as it was: empty, tabs, line breaks, quotes, backslashes, \\x01, \\N', async () => {
    const awkward = ['', '\t', '\n', '\r\n', '"', '\\', '\\N', '\x01', 'a\x01\x01b', 'x\ty\nz', ' ', '🙂 é', '{"k":"v\\n"}'];
    const rows = awkward.map((v, i) => [i, v, awkward[awkward.length - 1 - i]!] as const);
    await inTransaction((trx) => copyRows(trx, 'bulk_probe', COLUMNS, rows));
    expect(await readBack()).toEqual(rows.map((r) => [...r]));
    await sql`delete from bulk_probe`.execute(t.handle.db);
  });

  it('round-trips arbitrary strings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string()), { maxLength: 30 }), async (pairs) => {
        // Postgres text cannot hold NUL; everything else must come back unchanged.
        const rows = pairs.map(([a, b], i) => [i, a.replace(/\0/g, ''), b.replace(/\0/g, '')] as const);
        await inTransaction((trx) => copyRows(trx, 'bulk_probe', COLUMNS, rows));
        const back = await readBack();
        await sql`delete from bulk_probe`.execute(t.handle.db);
        expect(back).toEqual(rows.map((r) => [...r]));
      }),
      { numRuns: 40 },
    );
  });

  it('takes text already encoded as UTF-8 into a plain column: the bytes of canonical JSON (property)', async () => {
    const plainB: SinkColumn[] = [COLUMNS[0]!, COLUMNS[1]!, { name: 'b', type: 'text', plain: true }];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue().map((v) => JSON.stringify(v)), { maxLength: 20 }), async (jsons) => {
        const texts = jsons.map((j) => j.replace(/\\u0000/g, ''));
        await inTransaction((trx) => copyRows(trx, 'bulk_probe', plainB, texts.map((j, i) => [i, 'a\tb', Buffer.from(j, 'utf8')])));
        const back = await readBack();
        await sql`delete from bulk_probe`.execute(t.handle.db);
        expect(back).toEqual(texts.map((j, i) => [i, 'a\tb', j]));
      }),
      { numRuns: 30 },
    );
  });

  it('a sink written in batches then aborted stores nothing, and the connection goes on', async () => {
    const refused = new Error('stop');
    await expect(
      inTransaction(async (trx) => {
        const sink = openRowSink(trx, 'bulk_probe', COLUMNS);
        for (let start = 0; start < 3_000; start += 500) await sink.write(Array.from({ length: 500 }, (_, i) => [start + i, `a${i}`, 'b']));
        await sink.abort(refused);
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(await readBack()).toEqual([]);

    // A rejected row (duplicate key) fails the batch's write or end(), and the transaction rolls back.
    await expect(
      inTransaction(async (trx) => {
        const sink = openRowSink(trx, 'bulk_probe', COLUMNS);
        await sink.write([[1, 'x', 'y']]);
        await sink.write([[1, 'x', 'y']]);
        await sink.end();
      }),
    ).rejects.toThrow(/duplicate key|bulk_probe_pkey/);
    expect(await readBack()).toEqual([]);

    await inTransaction((trx) => copyRows(trx, 'bulk_probe', COLUMNS, [[7, 'ok', 'ok']]));
    expect(await readBack()).toEqual([[7, 'ok', 'ok']]);
  });
});
