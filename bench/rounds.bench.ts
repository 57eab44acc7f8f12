/**
 * Update-round figures on an in-memory PGlite, through the real services and HTTP app:
 * - consolidation of 20 units × 500 rows and of 100 units × 200 rows (every unit changed 10% of its rows, removed
 *   2%, added 2%; the PPID changed 5% of the master meanwhile, some of it the same fields: conflicts), split into
 *   reading (database), merging (pure) and the whole GET /consolidated;
 * - the template of a unit with 2,000 rows: building it, downloading it, and reading it back as an upload.
 * Medians of 3. Run alone: `npx tsx bench/rounds.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { DipRow } from '../shared/row.js';
import { sampleRow } from '../shared/testing/sample-rows.js';
import { findUserByUsername, insertUnit, insertUser } from '../server/src/auth/auth.repository.js';
import type { AuthUser } from '../server/src/http/env.js';
import { consolidate, consolidationInputs } from '../server/src/rounds/consolidation.service.js';
import { review } from '../server/src/rounds/review.service.js';
import * as repo from '../server/src/rounds/rounds.repository.js';
import { createRound } from '../server/src/rounds/rounds.service.js';
import { publish, push } from '../server/src/rounds/rounds.testkit.js';
import { submit } from '../server/src/rounds/submit.service.js';
import { readFilledTemplate, unitTemplate } from '../server/src/rounds/template.service.js';
import { readGrids } from '../server/src/rounds/upload/upload.js';
import { testBackends } from '../server/src/testing/backends.js';
import { startTestServer, type TestServer } from '../server/src/testing/server.js';

export interface RoundsBenchRow {
  [k: string]: string | number;
}

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return Math.round(median(times));
}

interface Setup {
  s: TestServer;
  roundId: number;
  units: AuthUser[];
  ppid: AuthUser;
}

/** A published DIP of `units` × `perUnit` rows, a round asking every one of those units, and the units' users. */
async function setup(units: number, perUnit: number): Promise<Setup> {
  const s = await startTestServer(testBackends[0]!);
  const users: AuthUser[] = [];
  const rows: DipRow[] = [];
  for (let u = 0; u < units; u++) {
    const code = `B${String(u).padStart(3, '0')}`;
    const name = `Bidang ${String(u).padStart(3, '0')}`;
    await insertUnit(s.db, { code, name });
    // No password hashing: these users never log in, the services take them directly.
    const user = (await insertUser(s.db, { username: `unit-${code}`, passwordHash: 'x', role: 'unit', unitCode: code }))!;
    users.push({ id: user.id, username: user.username, role: 'unit', unitCode: code });
    for (let k = 0; k < perUnit; k++) rows.push({ ...sampleRow(u * perUnit + k), owningUnit: name });
  }
  const published = await publish(s, rows);
  const ppidRow = (await findUserByUsername(s.db, 'ppid'))!;
  const ppid: AuthUser = { id: ppidRow.id, username: 'ppid', role: 'ppid', unitCode: null };
  const round = await createRound(s.db, ppid, { title: 'Bench', dueDate: '2099-12-31', unitCodes: users.map((u) => u.unitCode!) });
  const stored = published.ids.map((id, i) => ({ ...rows[i]!, id }));
  // The PPID edits the master meanwhile: 5% retention, 1% summary (rows the units change too: conflicts).
  await push(s, stored.map((r, i) => (i % 20 === 0 ? { ...r, retention: '10 tahun' } : i % 100 === 10 ? { ...r, summary: 'Ringkasan PPID' } : r)), 'PPID');
  return { s, roundId: round.id, units: users, ppid };
}

/** Every unit submits (10% changed, 2% removed, 2% added) and the PPID accepts everything. */
async function fillRound({ s, roundId, units, ppid }: Setup, perUnit: number) {
  const { base } = await consolidationInputs(s.db, roundId);
  for (const [u, user] of units.entries()) {
    const mine = base.filter((r) => r.owningUnit === `Bidang ${String(u).padStart(3, '0')}`);
    const rows: DipRow[] = mine.map((r, k) => (k % 10 === 0 ? { ...r, summary: `Ringkasan unit ${k}` } : r)).filter((_, k) => k % 50 !== 1);
    for (let k = 0; k < Math.ceil(perUnit / 50); k++) rows.push({ ...sampleRow(1_000_000 + u * 100 + k), owningUnit: user.username });
    const res = await submit(s.db, user, roundId, { rows, source: 'json', fileName: null, readIssues: [], requestHash: 'bench' });
    const sid = (JSON.parse(res.body) as { receipt: { submissionId: number } }).receipt.submissionId;
    const items = await repo.itemsOf(s.db, sid);
    await review(s.db, ppid, roundId, sid, { decisions: items.map((i) => ({ rowId: i.row_id, status: 'accepted' as const })) });
  }
}

async function benchConsolidation(units: number, perUnit: number): Promise<RoundsBenchRow> {
  const env = await setup(units, perUnit);
  await fillRound(env, perUnit);
  const { s, roundId } = env;
  const input = await consolidationInputs(s.db, roundId);
  const result = consolidate(input.base, input.headRows, input.accepted);
  const row: RoundsBenchRow = {
    scenario: `consolidate ${units} units × ${perUnit} rows`,
    'read (ms)': await timed(() => consolidationInputs(s.db, roundId)),
    'merge (ms)': await timed(async () => consolidate(input.base, input.headRows, input.accepted)),
    'GET /consolidated (ms)': await timed(async () => {
      const res = await s.request(`/api/rounds/${roundId}/consolidated`, { token: s.tokens.ppid });
      if (res.status !== 200) throw new Error(`consolidated: ${res.status}`);
      await res.arrayBuffer();
    }),
    added: result.added.length,
    changed: result.changed.length,
    removed: result.removed.length,
    conflicts: result.conflicts.length,
  };
  await s.database.dispose();
  return row;
}

async function benchTemplate(rows: number): Promise<RoundsBenchRow> {
  const env = await setup(1, rows);
  const { s, roundId, units } = env;
  const unit = units[0]!;
  let bytes: Buffer = Buffer.alloc(0);
  const build = await timed(async () => {
    bytes = (await unitTemplate(s.db, unit, roundId, undefined)).bytes;
  });
  const download = await timed(async () => {
    const res = await s.request(`/api/rounds/${roundId}/template.xlsx?unit=${unit.unitCode}`, { token: s.tokens.ppid });
    if (res.status !== 200) throw new Error(`template: ${res.status}`);
    await res.arrayBuffer();
  });
  let parsed = 0;
  const readBack = await timed(async () => {
    const sheets = await readGrids({ name: 'template.xlsx', bytes, kind: 'xlsx' });
    parsed = (await readFilledTemplate(s.db, roundId, unit.unitCode!, sheets)).rows.length;
  });
  await s.database.dispose();
  return {
    scenario: `template for a unit with ${rows} rows`,
    'build (ms)': build,
    'GET template.xlsx (ms)': download,
    'read back as upload (ms)': readBack,
    'size (KB)': Math.round(bytes.length / 1024),
    'rows read back': parsed,
  };
}

/** Consolidation of 20 × 500 and 100 × 200, and the template of a 2,000-row unit. */
export async function benchRounds(): Promise<RoundsBenchRow[]> {
  return [await benchConsolidation(20, 500), await benchConsolidation(100, 200), await benchTemplate(2000)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchRounds());
}
