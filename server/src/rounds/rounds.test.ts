/** Rounds: creation and its checks, due-date presets, per-unit status and lateness, and the unit template itself. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRow } from '../../../shared/canonical.js';
import { DIP_HEADERS } from '../../../shared/columns.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { RoundSummary, SubmitResponse } from './rounds.contract.js';
import { dueAtOf, officeToday, presetDueDate, roundDetail } from './rounds.service.js';
import { errorCode, json, openWorkbook, publish, template } from './rounds.testkit.js';
import { DATA_SHEET, EXTRA_HEADERS, INFO_SHEET, META_SHEET, TEMPLATE_VERSION } from './template-meta.js';
import { unpack } from './upload/hostile-files.js';

describe('due dates', () => {
  it('turns SOP presets into dates counted from today in WIB', () => {
    const evening = new Date('2025-01-28T20:00:00Z'); // 29 January, 03:00 WIB
    expect(officeToday(evening)).toBe('2025-01-29');
    expect(presetDueDate('3_hari', evening)).toBe('2025-02-01');
    expect(presetDueDate('7_hari', evening)).toBe('2025-02-05');
    expect(presetDueDate('1_bulan', new Date('2025-01-31T01:00:00Z'))).toBe('2025-02-28');
    expect(dueAtOf('2025-02-05').toISOString()).toBe('2025-02-05T16:59:59.999Z');
  });
});

describe.each(testBackends)('rounds on $name', (backend) => {
  let s: TestServer;
  let v1: StoredDipRow[];
  let round: RoundSummary;

  beforeAll(async () => {
    s = await startTestServer(backend);
    const published = await publish(s, sampleRows(10));
    v1 = published.ids.map((id, i) => canonicalRow({ ...sampleRows(10)[i]!, id }));
  });
  afterAll(() => s.database.dispose());

  const create = (body: unknown, token = s.tokens.ppid) => s.request('/api/rounds', { method: 'POST', token, json: body });

  it('refuses a round without exactly one of dueDate or durationPreset, with a past date, or with unknown units', async () => {
    expect((await create({ title: 'x' })).status).toBe(422);
    expect((await create({ title: 'x', dueDate: '2099-01-01', durationPreset: '3_hari' })).status).toBe(422);
    expect((await create({ title: 'x', durationPreset: '2_minggu' })).status).toBe(422);
    const past = await create({ title: 'x', dueDate: '2020-01-01' });
    expect([past.status, await errorCode(past)]).toEqual([422, 'due_date_past']);
    const unknown = await create({ title: 'x', dueDate: '2099-01-01', unitCodes: ['UA', 'NOPE'] });
    expect([unknown.status, await errorCode(unknown)]).toEqual([422, 'unknown_unit']);
    expect((await create({ title: 'x', dueDate: '2099-01-01' }, s.tokens.unitA)).status).toBe(403);
    expect((await create({ title: 'x', dueDate: '2099-01-01' }, s.tokens.approver)).status).toBe(403);
  });

  it('asks every unit by default, and lists rounds (a unit sees only rounds it is asked in)', async () => {
    round = await json<RoundSummary>(await create({ title: 'Pemutakhiran semester I', dueDate: '2099-06-30' }), 201);
    expect(round).toMatchObject({ dueDate: '2099-06-30', durationPreset: null, unitCount: 2, baseVersion: 1, createdBy: 'ppid' });
    const onlyB = await json<RoundSummary>(await create({ title: 'Khusus UB', durationPreset: '3_hari', unitCodes: ['UB'] }), 201);
    const forA = await json<{ rounds: RoundSummary[] }>(await s.request('/api/rounds', { token: s.tokens.unitA }), 200);
    expect(forA.rounds.map((r) => r.id)).toEqual([round.id]);
    const forPpid = await json<{ rounds: RoundSummary[] }>(await s.request('/api/rounds', { token: s.tokens.ppid }), 200);
    expect(forPpid.rounds.map((r) => r.id)).toEqual([onlyB.id, round.id]);
    const presets = await json<{ presets: { key: string }[] }>(await s.request('/api/rounds/presets', { token: s.tokens.unitA }), 200);
    expect(presets.presets.map((p) => p.key)).toEqual(['1_hari', '3_hari', '7_hari', '1_bulan']);
  });

  it('a unit is late once the due date has passed without accepted rows, and never after acceptance', async () => {
    const later = new Date(dueAtOf('2099-06-30').getTime() + 1000);
    expect((await roundDetail(s.db, round.id, later)).units.map((u) => [u.unitCode, u.status, u.late])).toEqual([
      ['UA', 'not_started', true],
      ['UB', 'not_started', true],
    ]);
    const sub = await json<SubmitResponse>(await s.request(`/api/rounds/${round.id}/submissions`, { method: 'POST', token: s.tokens.unitB, json: { rows: [] } }), 201);
    const removals = (await roundDetail(s.db, round.id)).units[1]!.rows.total;
    expect(removals).toBe(2); // UB's two rows of the published version, left out
    const detail = await json<{ items: { rowId: string }[] }>(await s.request(`/api/rounds/${round.id}/submissions/${sub.receipt.submissionId}`, { token: s.tokens.ppid }), 200);
    await json(
      await s.request(`/api/rounds/${round.id}/submissions/${sub.receipt.submissionId}/review`, {
        method: 'POST',
        token: s.tokens.ppid,
        json: { decisions: detail.items.map((i) => ({ rowId: i.rowId, status: 'accepted' })) },
      }),
      200,
    );
    expect((await roundDetail(s.db, round.id, later)).units.map((u) => [u.unitCode, u.status, u.late])).toEqual([
      ['UA', 'not_started', true],
      ['UB', 'accepted', false],
    ]);
  });

  it('the template is a real workbook: instructions, the DIP columns, the unit’s published rows, hidden id, meta', async () => {
    const bytes = await template(s, round.id, s.tokens.ppid, 'UA');
    const wb = await openWorkbook(bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [INFO_SHEET, 'visible'],
      [DATA_SHEET, 'visible'],
      [META_SHEET, 'veryHidden'],
    ]);
    expect(wb.getWorksheet(INFO_SHEET)!.getCell('A1').text).toContain('Template Pemutakhiran Daftar Informasi Publik');
    const ws = wb.getWorksheet(DATA_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...DIP_HEADERS, ...EXTRA_HEADERS]);
    expect(ws.getColumn(1).hidden).toBe(true);
    const mine = v1.filter((r) => r.owningUnit === 'Bagian Umum');
    expect(mine).toHaveLength(2);
    expect([ws.getCell('A2').text, ws.getCell('A3').text]).toEqual(mine.map((r) => r.id));
    expect(ws.getCell('C2').text).toBe(mine[0]!.title);
    expect(ws.actualRowCount).toBe(3);
    // The header is locked (Excel's default, so no protection record) and the sheet protected; data cells stay editable.
    expect(ws.getCell('B1').protection?.locked ?? true).toBe(true);
    expect(ws.getCell('B2').protection).toMatchObject({ locked: false });
    expect(ws.getCell('B4000').protection).toMatchObject({ locked: false });
    const meta = wb.getWorksheet(META_SHEET)!;
    const kv = Object.fromEntries(meta.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1, 3)));
    expect(kv).toMatchObject({ format: 'dip-sync/round-template', templateVersion: String(TEMPLATE_VERSION), roundId: String(round.id), unitCode: 'UA', baseVersion: '1' });

    // Drop-downs: one bounded range per column (never a range per cell: exceljs#2820), and sheet protection.
    const sheetXml = (await unpack(bytes)).find((f) => f.name === 'xl/worksheets/sheet2.xml')!.data.toString('utf8');
    expect(sheetXml.match(/<dataValidation /g)).toHaveLength(2);
    expect(sheetXml).toContain('sqref="B2:B5000"');
    expect(sheetXml).toContain('sqref="I2:I5000"');
    expect(sheetXml).toContain('<formula1>&quot;Berkala,Serta Merta,Setiap Saat,Dikecualikan&quot;</formula1>');
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });

  it('template.json gives the same rows as the workbook, with the same access rules', async () => {
    const res = await json<{ rows: { row: StoredDipRow; status: string | null; comment: string | null }[] }>(
      await s.request(`/api/rounds/${round.id}/template.json`, { token: s.tokens.unitA }),
      200,
    );
    expect(res.rows).toEqual(v1.filter((r) => r.owningUnit === 'Bagian Umum').map((row) => ({ row, status: null, comment: null })));
    expect((await s.request(`/api/rounds/${round.id}/template.json?unit=UB`, { token: s.tokens.unitA })).status).toBe(403);
  });

  it('a unit downloads only its own template; the PPID must name the unit; units not asked get 404', async () => {
    const t = await s.request(`/api/rounds/${round.id}/template.xlsx`, { token: s.tokens.unitA });
    expect(t.status).toBe(200);
    expect(t.headers.get('content-type')).toContain('spreadsheetml');
    expect(t.headers.get('content-disposition')).toContain(`template-dip-putaran-${round.id}-UA.xlsx`);
    expect((await s.request(`/api/rounds/${round.id}/template.xlsx?unit=UB`, { token: s.tokens.unitA })).status).toBe(403);
    expect((await s.request(`/api/rounds/${round.id}/template.xlsx`, { token: s.tokens.ppid })).status).toBe(400);
    expect((await s.request(`/api/rounds/${round.id}/template.xlsx?unit=UA`, { token: s.tokens.approver })).status).toBe(403);
    const rounds = await json<{ rounds: RoundSummary[] }>(await s.request('/api/rounds', { token: s.tokens.ppid }), 200);
    const onlyB = rounds.rounds.find((r) => r.title === 'Khusus UB')!;
    expect((await s.request(`/api/rounds/${onlyB.id}/template.xlsx`, { token: s.tokens.unitA })).status).toBe(404);
    expect((await s.request('/api/rounds/999999/template.xlsx?unit=UA', { token: s.tokens.ppid })).status).toBe(404);
    expect((await s.request('/api/rounds/abc', { token: s.tokens.ppid })).status).toBe(404);
  });
});
