/**
 * What a unit may not do (see or touch another unit's rows, submit for another unit or round), what a wrong
 * file gets (a clear 422), what a hostile file gets (a 4xx, and the server keeps serving), and Idempotency-Key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRow } from '../../../shared/canonical.js';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { MyRoundResponse, Receipt, RoundSummary, SubmitResponse } from './rounds.contract.js';
import { errorCode, fill, json, newLine, publish, setCell, template, upload } from './rounds.testkit.js';
import { plainWorkbook, withPart, XXE_DOCTYPE, zipBomb } from './upload/hostile-files.js';

describe.each(testBackends)('rounds: isolation, wrong files and hostile uploads on $name', (backend) => {
  let s: TestServer;
  let v1: StoredDipRow[];
  let r1: RoundSummary;
  let r2: RoundSummary;
  let subA: SubmitResponse;

  beforeAll(async () => {
    s = await startTestServer(backend);
    const published = await publish(s, sampleRows(10));
    v1 = published.ids.map((id, i) => canonicalRow({ ...sampleRows(10)[i]!, id }));
    const create = (body: unknown) => s.request('/api/rounds', { method: 'POST', token: s.tokens.ppid, json: body }).then((r) => json<RoundSummary>(r, 201));
    r1 = await create({ title: 'Putaran 1', dueDate: '2099-01-31', unitCodes: ['UA', 'UB'] });
    r2 = await create({ title: 'Putaran 2', dueDate: '2099-01-31', unitCodes: ['UA'] });
  });
  afterAll(() => s.database.dispose());

  const submitJson = (roundId: number, token: string, rows: DipRow[], headers: Record<string, string> = {}) =>
    s.request(`/api/rounds/${roundId}/submissions`, { method: 'POST', token, headers, json: { rows } });
  const rowsOf = (unit: string) => v1.filter((r) => r.owningUnit === unit);

  it('a unit submits its rows as JSON (the task pane path); rows without id get one', async () => {
    subA = await json<SubmitResponse>(await submitJson(r1.id, s.tokens.unitA, [...rowsOf('Bagian Umum'), sampleRows(1, 100)[0]!]), 201);
    expect(subA.receipt).toMatchObject({ number: `TT-${r1.id}-UA-001`, source: 'json', rowCount: 3, removedCount: 0 });
    expect(subA.ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(subA.receipt.validation).toMatchObject({ errors: 0 });
  });

  it('a unit never sees another unit’s submissions, rows or rounds', async () => {
    const sid = subA.receipt.submissionId;
    expect((await s.request(`/api/rounds/${r1.id}/submissions/${sid}`, { token: s.tokens.unitB })).status).toBe(404);
    expect((await s.request(`/api/rounds/${r1.id}/submissions/${sid}`, { token: s.tokens.unitA })).status).toBe(200);
    const list = await json<{ receipts: Receipt[] }>(await s.request(`/api/rounds/${r1.id}/submissions?unit=UA`, { token: s.tokens.unitB }), 200);
    expect(list.receipts).toEqual([]);
    expect((await s.request(`/api/rounds/${r1.id}`, { token: s.tokens.unitB })).status).toBe(403);
    expect((await s.request(`/api/rounds/${r1.id}/consolidated`, { token: s.tokens.unitB })).status).toBe(403);
    expect((await s.request(`/api/rounds/${r2.id}/my`, { token: s.tokens.unitB })).status).toBe(404);
    const my = await json<MyRoundResponse>(await s.request(`/api/rounds/${r1.id}/my`, { token: s.tokens.unitB }), 200);
    expect(my.receipts).toEqual([]);
    expect(my.unit).toMatchObject({ unitCode: 'UB', status: 'not_started' });
  });

  it('a unit cannot submit another unit’s rows (published or newly submitted), nor for a round it is not in', async () => {
    const theirs = await submitJson(r1.id, s.tokens.unitB, [...rowsOf('Bidang Keuangan'), { ...rowsOf('Bagian Umum')[0]!, title: 'diambil alih' }]);
    expect([theirs.status, await errorCode(theirs)]).toEqual([422, 'foreign_row_id']);
    const fresh = await submitJson(r1.id, s.tokens.unitB, [{ ...sampleRows(1, 100)[0]!, id: subA.ids[2]! }]);
    expect([fresh.status, await errorCode(fresh)]).toEqual([422, 'foreign_row_id']);
    expect((await submitJson(r2.id, s.tokens.unitB, [])).status).toBe(404);
    expect((await submitJson(r1.id, s.tokens.ppid, [])).status).toBe(403);
    const review = await s.request(`/api/rounds/${r1.id}/submissions/${subA.receipt.submissionId}/review`, {
      method: 'POST',
      token: s.tokens.unitA,
      json: { decisions: [{ rowId: subA.ids[0], status: 'accepted' }] },
    });
    expect(review.status).toBe(403);
  });

  it('the PPID’s review is checked: known rows only, a comment for every returned row', async () => {
    const path = `/api/rounds/${r1.id}/submissions/${subA.receipt.submissionId}/review`;
    const unknown = await s.request(path, { method: 'POST', token: s.tokens.ppid, json: { decisions: [{ rowId: v1[1]!.id, status: 'accepted' }] } });
    expect([unknown.status, await errorCode(unknown)]).toEqual([422, 'unknown_row']);
    const bare = await s.request(path, { method: 'POST', token: s.tokens.ppid, json: { decisions: [{ rowId: subA.ids[0], status: 'returned' }] } });
    expect([bare.status, await errorCode(bare)]).toEqual([422, 'comment_required']);
    expect((await s.request(`/api/rounds/${r1.id}/submissions/999999/review`, { method: 'POST', token: s.tokens.ppid, json: { decisions: [{ rowId: subA.ids[0], status: 'accepted' }] } })).status).toBe(404);
  });

  it('refuses another round’s template, another unit’s template, a changed header and a plain workbook', async () => {
    const path = `/api/rounds/${r1.id}/submissions`;
    const otherRound = await upload(s, path, s.tokens.unitA, await template(s, r2.id, s.tokens.unitA), 'putaran2.xlsx');
    expect([otherRound.status, await errorCode(otherRound)]).toEqual([422, 'wrong_round']);
    const otherUnit = await upload(s, path, s.tokens.unitB, await template(s, r1.id, s.tokens.unitA), 'ua.xlsx');
    expect([otherUnit.status, await errorCode(otherUnit)]).toEqual([422, 'wrong_unit']);
    const header = await fill(await template(s, r1.id, s.tokens.unitB), (ws) => setCell(ws.getRow(1), 'title', 'Nama Dokumen'));
    const changed = await upload(s, path, s.tokens.unitB, header, 'ub.xlsx');
    expect([changed.status, await errorCode(changed)]).toEqual([422, 'template_modified']);
    const plain = await upload(s, path, s.tokens.unitB, await plainWorkbook(), 'dip.xlsx');
    expect([plain.status, await errorCode(plain)]).toEqual([422, 'not_a_template']);
    const csv = await upload(s, path, s.tokens.unitB, Buffer.from('Judul;Kategori\nA;Berkala\n'), 'dip.csv');
    expect([csv.status, await errorCode(csv)]).toEqual([415, 'unsupported_file_type']);
    const text = await s.request(path, { method: 'POST', token: s.tokens.unitB, headers: { 'content-type': 'text/plain' }, body: 'rows' });
    expect(text.status).toBe(415);
  });

  it('an Idempotency-Key replays the first receipt, for JSON and for an upload with a new multipart boundary', async () => {
    const rows = rowsOf('Bidang Keuangan');
    const first = await json<SubmitResponse>(await submitJson(r1.id, s.tokens.unitB, rows, { 'Idempotency-Key': 'ub-kirim-0001' }), 201);
    const again = await json<SubmitResponse>(await submitJson(r1.id, s.tokens.unitB, rows, { 'Idempotency-Key': 'ub-kirim-0001' }), 201);
    expect(again).toEqual(first);
    const other = await submitJson(r1.id, s.tokens.unitB, rows.slice(1), { 'Idempotency-Key': 'ub-kirim-0001' });
    expect([other.status, await errorCode(other)]).toEqual([422, 'idempotency_key_reused']);

    const file = await fill(await template(s, r1.id, s.tokens.unitB), (ws) => ws.addRow(newLine('Laporan Arus Kas 2024', 'Bidang Keuangan')));
    const up1 = await json<SubmitResponse>(await upload(s, `/api/rounds/${r1.id}/submissions`, s.tokens.unitB, file, 'ub.xlsx', { 'Idempotency-Key': 'ub-unggah-0001' }), 201);
    const up2 = await json<SubmitResponse>(await upload(s, `/api/rounds/${r1.id}/submissions`, s.tokens.unitB, file, 'ub.xlsx', { 'Idempotency-Key': 'ub-unggah-0001' }), 201);
    expect(up2.receipt).toEqual(up1.receipt);
    const receipts = await json<{ receipts: Receipt[] }>(await s.request(`/api/rounds/${r1.id}/submissions`, { token: s.tokens.unitB }), 200);
    expect(receipts.receipts.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('refuses a 50 MB upload (413), a zip bomb and an XXE workbook (422), and keeps serving', async () => {
    const path = `/api/rounds/${r1.id}/submissions`;
    const huge = await upload(s, path, s.tokens.unitA, Buffer.alloc(50 * 1024 * 1024, 0x41), 'besar.xlsx');
    expect([huge.status, await errorCode(huge)]).toEqual([413, 'payload_too_large']);
    const hugeJson = await s.request(path, { method: 'POST', token: s.tokens.unitA, headers: { 'content-type': 'application/json' }, body: `{"rows":"${'x'.repeat(11 * 1024 * 1024)}"}` });
    expect(hugeJson.status).toBe(413);

    for (const lie of [false, true]) {
      const bomb = await upload(s, path, s.tokens.unitA, zipBomb({ lie }), 'bom.xlsx');
      expect([bomb.status, await errorCode(bomb)]).toEqual([422, 'zip_bomb']);
    }
    const xxe = await withPart(await template(s, r1.id, s.tokens.unitA), 'xl/worksheets/sheet2.xml', (xml) => xml.replace(/^<\?xml[^>]*\?>/, XXE_DOCTYPE));
    const refused = await upload(s, path, s.tokens.unitA, xxe, 'xxe.xlsx');
    expect([refused.status, await errorCode(refused)]).toEqual([422, 'xml_dtd_refused']);
    const garbage = await upload(s, path, s.tokens.unitA, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000, 7)]), 'rusak.xlsx');
    expect([garbage.status, await errorCode(garbage)]).toEqual([422, 'corrupt_file']);

    expect((await s.request('/healthz')).status).toBe(200);
    expect((await s.request(`/api/rounds/${r1.id}/my`, { token: s.tokens.unitA })).status).toBe(200);
    expect((await json<MyRoundResponse>(await s.request(`/api/rounds/${r1.id}/my`, { token: s.tokens.unitA }), 200)).receipts).toHaveLength(1);
  });
});
