/**
 * Racing pushes: 20 clients push from the same base at the same moment, 50 rounds in a row, through two server
 * processes on one Postgres database. The register lock must let exactly one through per round and send every
 * other client a 412 carrying exactly what the winner changed.
 */
import { describe, expect, it } from 'vitest';
import { canonicalRow } from '../shared/canonical.js';
import { diff } from '../shared/diff.js';
import type { DipRow, StoredDipRow } from '../shared/row.js';
import { sampleRow, sampleRows } from '../shared/testing/sample-rows.js';
import { PG_URL, withDb } from './helpers/database.js';
import { registerProblems } from './helpers/integrity.js';
import { headOf, push, versionOf } from './helpers/register.js';
import { twoServersOnFreshPostgres } from './helpers/two-servers.js';

const CLIENTS = 20;
const byId = (rows: StoredDipRow[]) => [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
const ROUNDS = 50;

/** What client `c` does to the base in round `r`: edit a title, add a row, or remove one (three storage paths). */
function edit(rows: StoredDipRow[], r: number, c: number): DipRow[] {
  if (c % 3 === 0) return rows.map((row, i) => (i === c % rows.length ? { ...row, title: `Judul putaran ${r} oleh klien ${c}` } : row));
  if (c % 3 === 1) return [...rows, sampleRow(10_000 + r * CLIENTS + c)];
  return rows.filter((_, i) => i !== c % rows.length);
}

describe.skipIf(!PG_URL)('racing pushes: two server processes, one Postgres', () => {
  const world = twoServersOnFreshPostgres(PG_URL);

  it(`${CLIENTS} clients × ${ROUNDS} rounds: one 201 per round, every other reply a 412 with the winner's diff`, async () => {
    const [a, b] = world.servers;
    const tokenOf = (c: number) => (c % 2 === 0 ? world.seed.tokens.ppid : world.seed.tokens.ppid2);
    expect((await push(a.url, world.seed.tokens.ppid, sampleRows(30))).status).toBe(201);

    for (let round = 1; round <= ROUNDS; round++) {
      const before = await headOf(b.url, world.seed.tokens.ppid);
      const base = await versionOf(a.url, world.seed.tokens.ppid, before.head!);
      const sent = Array.from({ length: CLIENTS }, (_, c) => edit(base.rows, round, c));
      const replies = await Promise.all(
        sent.map((rows, c) => push(c % 4 < 2 ? a.url : b.url, tokenOf(c), rows, { etag: before.etag, key: `race-${round}-${c}`, message: `putaran ${round}` })),
      );

      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 201), `round ${round}: ${statuses.join(',')}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(CLIENTS - 1);

      const winner = statuses.indexOf(201);
      const won = replies[winner]!.json;
      expect(won.version).toMatchObject({ version: before.head! + 1, parent: before.head });
      const after = await headOf(a.url, world.seed.tokens.ppid);
      expect(after.head).toBe(before.head! + 1);

      // The head holds exactly the rows the winner sent (with the ids the server gave new rows). Compared by id: the
      // content hash, and so the record, is a set of rows (shared/canonical.ts); see byId.
      const head = await versionOf(b.url, world.seed.tokens.ppid, after.head!);
      expect(byId(head.rows)).toEqual(byId(sent[winner]!.map((row, i) => canonicalRow({ ...row, id: won.ids[i]! }))));

      // Every loser is told what changed since its base: the winner's change, nothing else.
      const expected = diff(base.rows, head.rows);
      for (const r of replies.filter((x) => x.status === 412)) {
        expect(r.json.error.code).toBe('stale_base');
        expect(r.json).toMatchObject({ base: before.head, head: after.head });
        expect(r.json.diff).toEqual(expected);
      }
    }
  }, 300_000);

  it('leaves no orphan or overlapping rows, every version verifies, and the audit chain holds', async () => {
    const problems = await withDb(world.store, registerProblems);
    expect(problems).toEqual([]);
    const head = await headOf(world.servers[0].url, world.seed.tokens.ppid);
    expect(head.head).toBe(ROUNDS + 1);
  });
});
