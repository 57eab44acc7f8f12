import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../server/src/testing/server.js';
import { columnIndex } from '../../../../shared/columns.js';
import { toDipGrid } from '../../../../shared/grid.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import { TaskError } from '../../api/errors.js';
import { apiFor, openWorkbook, startServer, type Workbook } from '../testing/harness.js';
import { readSheet } from './sheet.js';
import { applyPull, applyReapply, preparePull, preparePush, prepareReapply, pushPlan, reapplyPreview, type SyncDeps } from './sync.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.database.dispose());

const ID_COL = columnIndex('id');
const TITLE_COL = columnIndex('title');
const deps = (wb: Workbook, user: 'ppid' | 'ppid2'): SyncDeps => ({ api: apiFor(server, user), adapter: wb.adapter, base: wb.base });

async function pushSheet(wb: Workbook, user: 'ppid' | 'ppid2', message: string) {
  const prep = await preparePush(deps(wb, user));
  if (prep.kind !== 'ready') throw new Error(`expected a ready plan, got ${prep.kind}`);
  const out = await pushPlan(deps(wb, user), prep.plan, message);
  if (out.kind !== 'pushed') throw new Error('expected the push to go through');
  return out.response;
}

describe('Sinkron operations (real server, real adapter over mock Excel)', () => {
  // A runs the register; B is a colleague on another workbook.
  let a: Workbook;
  let b: Workbook;

  it('pushes the first version, writes the new ids into the hidden column and makes it the base', async () => {
    a = await openWorkbook(sampleRows(4));
    const prep = await preparePush(deps(a, 'ppid'));
    expect(prep.kind).toBe('ready');
    if (prep.kind !== 'ready') return;
    expect(prep.plan.precondition).toEqual({ firstVersion: true });
    expect(prep.plan.changes.added).toHaveLength(4);
    const out = await pushPlan(deps(a, 'ppid'), prep.plan, '  Versi awal  ');
    expect(out.kind).toBe('pushed');
    if (out.kind !== 'pushed') return;
    expect(out.response.version).toMatchObject({ version: 1, message: 'Versi awal', rowCount: 4 });
    expect(a.grid().slice(1).map((r) => r[ID_COL])).toEqual(out.response.ids);
    expect(a.base.pointer(apiFor(server, 'ppid').baseUrl)?.version).toBe(1);
    // Nothing left to push: the sheet equals its base.
    const again = await preparePush(deps(a, 'ppid'));
    expect(again.kind === 'ready' && again.plan.changes).toEqual({ added: [], changed: [], removed: [] });
  });

  it('refuses to push when the sheet changed after the review, and pushes nothing', async () => {
    a.type(0, 'title', 'Judul setelah ditinjau');
    const prep = await preparePush(deps(a, 'ppid'));
    if (prep.kind !== 'ready') throw new Error('plan expected');
    a.type(1, 'title', 'Diketik sesudah perbandingan');
    await expect(pushPlan(deps(a, 'ppid'), prep.plan, 'x')).rejects.toEqual(new TaskError('sheet_changed'));
    expect((await apiFor(server, 'ppid').register()).data.head).toBe(1);
    await pushSheet(a, 'ppid', 'Dua judul diubah'); // v2
  });

  it('shows a fresh workbook with rows that never came from the server as a no-base conflict', async () => {
    const stray = await openWorkbook(sampleRows(2, 50));
    const prep = await preparePush(deps(stray, 'ppid2'));
    expect(prep.kind === 'conflict' && prep.conflict.reason).toBe('noBase');
  });

  it('re-applying a workbook typed again without IDs recognises identical rows instead of duplicating them', async () => {
    const head = (await apiFor(server, 'ppid').version('head')).data.rows;
    const retyped = await openWorkbook([...head.map(({ id: _id, ...r }) => r), sampleRows(1, 300)[0]!]);
    const re = await prepareReapply(deps(retyped, 'ppid2'));
    expect(re.result.conflicts).toEqual([]);
    const { rows, onTopOfHead } = reapplyPreview(re, {});
    expect(rows).toHaveLength(head.length + 1);
    expect(onTopOfHead.added).toHaveLength(1);
    expect(onTopOfHead.removed).toEqual([]);
    const pull = await preparePull(deps(retyped, 'ppid2'));
    expect(pull.preview.removed).toHaveLength(1); // only the row no version holds
    expect(pull.preview.changed).toEqual([]);
  });

  it('pull: previews, flags unsaved edits, then overwrites and adopts the version as base', async () => {
    b = await openWorkbook(sampleRows(1, 90));
    const plan = await preparePull(deps(b, 'ppid2'));
    expect(plan.version).toBe(2);
    expect(plan.hasUnsavedEdits).toBe(true); // a row no version holds
    expect(plan.preview.added).toHaveLength(4);
    expect(plan.preview.removed).toHaveLength(1);
    await applyPull(deps(b, 'ppid2'), plan);
    expect(b.grid().slice(1).map((r) => r[TITLE_COL])).toEqual(a.grid().slice(1).map((r) => r[TITLE_COL]));
    expect((await preparePull(deps(b, 'ppid2'))).hasUnsavedEdits).toBe(false);
  });

  it('a stale push (412) becomes a conflict listing the rows both sides changed; re-apply merges and asks only about the clash', async () => {
    // B reviews a push of two edits while A pushes v3 touching one of the same rows.
    b.type(0, 'summary', 'Ringkasan oleh B');
    b.type(2, 'retention', '10 tahun');
    const bPlan = await preparePush(deps(b, 'ppid2'));
    if (bPlan.kind !== 'ready') throw new Error('plan expected');
    a.type(0, 'summary', 'Ringkasan oleh A');
    a.type(3, 'notes', 'Catatan oleh A');
    await pushSheet(a, 'ppid', 'A mendahului'); // v3

    const out = await pushPlan(deps(b, 'ppid2'), bPlan.plan, 'B menyusul');
    expect(out.kind).toBe('conflict');
    if (out.kind !== 'conflict') return;
    expect(out.conflict).toMatchObject({ reason: 'stale', base: 2, head: 3 });
    expect(out.conflict.overlap).toHaveLength(1);
    expect(out.conflict.overlap[0]).toMatchObject({ local: { fields: ['summary'] }, server: { fields: ['summary'] } });

    // Preparing again now sees the moved head before pushing.
    const seen = await preparePush(deps(b, 'ppid2'));
    expect(seen.kind === 'conflict' && seen.conflict.reason).toBe('behind');

    const re = await prepareReapply(deps(b, 'ppid2'));
    expect(re.baseVersion).toBe(2);
    expect(re.result.conflicts.map((c) => c.kind === 'field' && c.field)).toEqual(['summary']);
    const key = re.result.conflicts[0]!.key;
    // On top of v3 the next push carries B's retention edit and, by choice, A's summary stays.
    expect(reapplyPreview(re, { [key]: 'head' }).onTopOfHead.changed.map((c) => c.fields.map((f) => f.field))).toEqual([['retention']]);
    await applyReapply(deps(b, 'ppid2'), re, { [key]: 'head' });
    const sheet = await readSheet(b.adapter);
    expect(sheet.rows[0]!.summary).toBe('Ringkasan oleh A');
    expect(sheet.rows[2]!.retention).toBe('10 tahun');
    expect(sheet.rows[3]!.notes).toBe('Catatan oleh A');

    const v4 = await pushSheet(b, 'ppid2', 'B setelah terapkan ulang');
    expect(v4.version.version).toBe(4);
    expect(v4.diff.changed.map((c) => c.fields.map((f) => f.field))).toEqual([['retention']]);
  });

  it('keeps a row the user added when re-applying, and it gets its id on the next push', async () => {
    const pulled = await preparePull(deps(a, 'ppid'));
    await applyPull(deps(a, 'ppid'), pulled); // A catches up to v4 (no local edits)
    const rows = (await readSheet(a.adapter)).rows;
    await a.adapter.writeDipRows(toDipGrid([...rows, sampleRows(1, 200)[0]!]));
    const re = await prepareReapply(deps(a, 'ppid'));
    expect(re.result.conflicts).toEqual([]);
    await applyReapply(deps(a, 'ppid'), re, {});
    const v5 = await pushSheet(a, 'ppid', 'Baris baru');
    expect(v5.diff.added).toHaveLength(1);
    expect(a.grid().slice(1).every((r) => (r[ID_COL] ?? '') !== '')).toBe(true);
  });
});
