/**
 * A round with three units, end to end through the HTTP API: template download → fill with exceljs → upload →
 * receipt → return one row → resubmit → accept → consolidated (three-way against a head the PPID changed
 * meanwhile) → push the consolidated rows as a new version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, VersionWithRows } from '../../../shared/api.js';
import { canonicalRow, contentHash } from '../../../shared/canonical.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { ConsolidatedResponse, MyRoundResponse, ReviewResponse, RoundDetail, RoundSummary, SubmissionDetail, SubmitResponse } from './rounds.contract.js';
import { addUnit, errorCode, fill, idOf, json, newLine, openWorkbook, publish, push, rowByTitle, setCell, template, upload } from './rounds.testkit.js';
import { DATA_SHEET } from './template-meta.js';

describe.each(testBackends)('a round with three units on $name', (backend) => {
  let s: TestServer;
  let unitC: string;
  let round: RoundSummary;
  let v1: StoredDipRow[];
  const sub = {} as Record<'A' | 'B' | 'C', SubmitResponse>;
  let firstFilledA: Buffer;

  beforeAll(async () => {
    s = await startTestServer(backend);
    unitC = await addUnit(s, 'UC', 'Bidang Perencanaan', 'unitC');
    // 15 rows, three for each of five owning units (UA = Bagian Umum, UB = Bidang Keuangan, UC = Bidang Perencanaan).
    const published = await publish(s, sampleRows(15));
    v1 = published.ids.map((id, i) => canonicalRow({ ...sampleRows(15)[i]!, id }));
  });
  afterAll(() => s.database.dispose());

  const path = () => `/api/rounds/${round.id}`;
  const submitFile = (token: string, bytes: Buffer, name = 'template.xlsx') => upload(s, `${path()}/submissions`, token, bytes, name);
  const review = (sid: number, decisions: unknown[]) =>
    s.request(`${path()}/submissions/${sid}/review`, { method: 'POST', token: s.tokens.ppid, json: { decisions } });
  const acceptAll = async (sid: number) => {
    const detail = await json<SubmissionDetail>(await s.request(`${path()}/submissions/${sid}`, { token: s.tokens.ppid }), 200);
    return json<ReviewResponse>(await review(sid, detail.items.map((i) => ({ rowId: i.rowId, status: 'accepted' }))), 200);
  };

  it('the PPID opens a round for three units, due in 7 days (SOP preset), based on the published version', async () => {
    round = await json<RoundSummary>(
      await s.request('/api/rounds', { method: 'POST', token: s.tokens.ppid, json: { title: 'Pemutakhiran DIP 2025', durationPreset: '7_hari', unitCodes: ['UA', 'UB', 'UC'] } }),
      201,
    );
    expect(round).toMatchObject({ title: 'Pemutakhiran DIP 2025', baseVersion: 1, durationPreset: '7_hari', unitCount: 3, closed: false });
    const detail = await json<RoundDetail>(await s.request(path(), { token: s.tokens.ppid }), 200);
    expect(detail.units.map((u) => [u.unitCode, u.status, u.late])).toEqual([
      ['UA', 'not_started', false],
      ['UB', 'not_started', false],
      ['UC', 'not_started', false],
    ]);
  });

  it('meanwhile the PPID edits the master: a UA row’s retention and a UB row’s title', async () => {
    const rows = v1.map((r, i) => (i === 0 ? { ...r, retention: '10 tahun' } : i === 1 ? { ...r, title: 'Judul oleh PPID' } : r));
    const res = await push(s, rows, 'perbaikan PPID');
    expect(res.version.version).toBe(2);
  });

  it('each unit fills its template in Excel and uploads it, getting a receipt', async () => {
    firstFilledA = await fill(await template(s, round.id, s.tokens.unitA), (ws) => {
      setCell(rowByTitle(ws, v1[0]!.title), 'summary', 'Ringkasan diperbarui unit A');
      ws.spliceRows(rowByTitle(ws, v1[5]!.title).number, 1);
      ws.addRow(newLine('Daftar Aset Tanah 2024', 'Bagian Umum'));
    });
    sub.A = await json<SubmitResponse>(await submitFile(s.tokens.unitA, firstFilledA), 201);
    expect(sub.A.receipt).toMatchObject({ number: `TT-${round.id}-UA-001`, unitCode: 'UA', seq: 1, source: 'xlsx', rowCount: 3, removedCount: 1, submittedBy: 'unitA' });
    expect(sub.A.ids).toHaveLength(3);
    expect(sub.A.ids).toContain(v1[0]!.id);

    const filledB = await fill(await template(s, round.id, s.tokens.unitB), (ws) => setCell(rowByTitle(ws, v1[1]!.title), 'title', 'Judul oleh unit B'));
    sub.B = await json<SubmitResponse>(await submitFile(s.tokens.unitB, filledB), 201);
    const filledC = await fill(await template(s, round.id, unitC), (ws) => ws.addRow(newLine('Daftar Aset Tanah 2024', 'Bidang Perencanaan')));
    sub.C = await json<SubmitResponse>(await submitFile(unitC, filledC), 201);
    expect([sub.B.receipt.rowCount, sub.C.receipt.rowCount]).toEqual([3, 4]);

    // The receipt's hash is the content hash of exactly the rows stored for the submission.
    const detail = await json<SubmissionDetail>(await s.request(`${path()}/submissions/${sub.A.receipt.submissionId}`, { token: s.tokens.ppid }), 200);
    expect(contentHash(detail.items.filter((i) => i.kind === 'row').map((i) => i.row))).toBe(sub.A.receipt.contentHash);
    expect(detail.items.find((i) => i.kind === 'removal')?.row).toEqual(v1[5]);
    // What the PPID reviews: each item's change against the base version, field by field.
    expect(detail.items.map((i) => [i.row.title, i.change, i.fields.map((f) => f.field)])).toEqual([
      [v1[0]!.title, 'changed', ['summary']],
      [v1[10]!.title, 'unchanged', []],
      ['Daftar Aset Tanah 2024', 'added', []],
      [v1[5]!.title, 'removed', []],
    ]);

    const status = await json<RoundDetail>(await s.request(path(), { token: s.tokens.ppid }), 200);
    expect(status.units.map((u) => u.status)).toEqual(['submitted', 'submitted', 'submitted']);
  });

  it('the PPID returns one UA row with a comment; the unit sees it', async () => {
    const decisions = sub.A.ids.map((id) => (id === v1[0]!.id ? { rowId: id, status: 'returned', comment: 'Sebutkan tahun anggarannya.' } : { rowId: id, status: 'accepted' }));
    const r = await json<ReviewResponse>(await review(sub.A.receipt.submissionId, [...decisions, { rowId: v1[5]!.id, status: 'accepted' }]), 200);
    expect(r.unit).toMatchObject({ status: 'returned', rows: { total: 4, accepted: 3, returned: 1, pending: 0 } });

    const my = await json<MyRoundResponse>(await s.request(`${path()}/my`, { token: s.tokens.unitA }), 200);
    expect(my.unit.status).toBe('returned');
    expect(my.receipts.map((x) => x.number)).toEqual([`TT-${round.id}-UA-001`]);
    expect(my.returned).toMatchObject([{ rowId: v1[0]!.id, kind: 'row', status: 'returned', comment: 'Sebutkan tahun anggarannya.' }]);
  });

  it('a template issued before the review is refused; the next template shows the comment', async () => {
    const stale = await submitFile(s.tokens.unitA, firstFilledA);
    expect(stale.status).toBe(422);
    expect(await errorCode(stale)).toBe('template_stale');

    const next = await openWorkbook(await template(s, round.id, s.tokens.unitA));
    const ws = next.getWorksheet(DATA_SHEET)!;
    const returned = rowByTitle(ws, v1[0]!.title);
    expect(returned.getCell(17).text).toBe('Dikembalikan — perbaiki');
    expect(returned.getCell(18).text).toBe('Sebutkan tahun anggarannya.');
    expect(idOf(rowByTitle(ws, 'Daftar Aset Tanah 2024'))).toBe(sub.A.ids[2]);
    expect(ws.actualRowCount).toBe(4); // header + the three rows it sent (the accepted removal stays removed)
  });

  it('the unit resubmits; unchanged accepted items keep their acceptance, the fixed row waits for review', async () => {
    const fixed = await fill(await template(s, round.id, s.tokens.unitA), (ws) =>
      setCell(rowByTitle(ws, v1[0]!.title), 'summary', 'Ringkasan anggaran tahun 2024 diperbarui unit A'),
    );
    const second = await json<SubmitResponse>(await submitFile(s.tokens.unitA, fixed), 201);
    expect(second.receipt.number).toBe(`TT-${round.id}-UA-002`);
    expect(second.carriedOver).toBe(3);
    expect((await review(sub.A.receipt.submissionId, [{ rowId: v1[0]!.id, status: 'accepted' }])).status).toBe(409);
    sub.A = second;

    const r = await json<ReviewResponse>(await review(second.receipt.submissionId, [{ rowId: v1[0]!.id, status: 'accepted' }]), 200);
    expect(r.unit.status).toBe('accepted');
    await acceptAll(sub.B.receipt.submissionId);
    await acceptAll(sub.C.receipt.submissionId);
    const status = await json<RoundDetail>(await s.request(path(), { token: s.tokens.ppid }), 200);
    expect(status.units.map((u) => [u.status, u.submissions])).toEqual([
      ['accepted', 2],
      ['accepted', 1],
      ['accepted', 1],
    ]);
  });

  let merged: ConsolidatedResponse;
  it('consolidation merges accepted rows into the head, naming the source of each change', async () => {
    merged = await json<ConsolidatedResponse>(await s.request(`${path()}/consolidated`, { token: s.tokens.ppid }), 200);
    const srcA = { unitCode: 'UA', submissionId: sub.A.receipt.submissionId, receiptNumber: sub.A.receipt.number };
    expect(merged).toMatchObject({ baseVersion: 1, headVersion: 2 });
    expect(merged.added.map((a) => [a.row.title, a.source.unitCode]).sort()).toEqual([
      ['Daftar Aset Tanah 2024', 'UA'],
      ['Daftar Aset Tanah 2024', 'UC'],
    ]);
    expect(merged.changed).toEqual([
      { id: v1[0]!.id, fields: [{ field: 'summary', from: v1[0]!.summary, to: 'Ringkasan anggaran tahun 2024 diperbarui unit A' }], source: srcA },
    ]);
    expect(merged.removed).toEqual([{ row: v1[5], source: srcA }]);
    expect(merged.conflicts).toMatchObject([
      { id: v1[1]!.id, kind: 'both_changed', fields: [{ field: 'title', base: v1[1]!.title, ours: 'Judul oleh PPID', theirs: 'Judul oleh unit B' }], source: { unitCode: 'UB' } },
    ]);
    expect(merged.duplicates).toMatchObject([{ reason: 'same_title', title: 'Daftar Aset Tanah 2024', rows: [{ unitCode: 'UA' }, { unitCode: 'UC' }] }]);
    const row0 = merged.rows.find((r) => r.id === v1[0]!.id)!;
    // Both sides' changes to different fields of the same row are kept.
    expect([row0.retention, row0.summary]).toEqual(['10 tahun', 'Ringkasan anggaran tahun 2024 diperbarui unit A']);
    expect(merged.rows.find((r) => r.id === v1[1]!.id)!.title).toBe('Judul oleh PPID');
    expect(merged.rows).toHaveLength(16);
    expect(merged.outstanding).toEqual([]);
  });

  it('the PPID pushes the consolidated rows as a new version, exactly as merged', async () => {
    const res = await s.request('/api/register/versions', {
      method: 'POST',
      token: s.tokens.ppid,
      headers: { 'If-Match': merged.headEtag },
      json: { message: `Konsolidasi putaran ${round.id}`, rows: merged.rows },
    });
    const pushed = await json<PushResponse>(res, 201);
    expect(pushed.version.version).toBe(3);
    const head = await json<VersionWithRows>(await s.request('/api/register/versions/head', { token: s.tokens.ppid }), 200);
    const byId = (rows: StoredDipRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(head.rows)).toEqual(byId(merged.rows.map(canonicalRow)));

    // Consolidating again against the new head brings nothing new; the unresolved conflict is still shown.
    const again = await json<ConsolidatedResponse>(await s.request(`${path()}/consolidated`, { token: s.tokens.ppid }), 200);
    expect([again.added, again.changed, again.removed]).toEqual([[], [], []]);
    expect(again.conflicts.map((c) => c.id)).toEqual([v1[1]!.id]);
  });

  it('closing the round stops submissions', async () => {
    const closed = await json<RoundSummary>(await s.request(`${path()}/close`, { method: 'POST', token: s.tokens.ppid }), 200);
    expect(closed.closed).toBe(true);
    const res = await s.request(`${path()}/submissions`, { method: 'POST', token: s.tokens.unitB, json: { rows: [] } });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('round_closed');
  });
});
