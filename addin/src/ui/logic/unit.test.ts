import { describe, expect, it } from 'vitest';
import { columnIndex } from '../../../../shared/columns.js';
import { sampleRows } from '../../../../shared/testing/sample-rows.js';
import type { RoundSummary } from '../../api/rounds.js';
import { returnedMarks, sortMyRounds, templateSheet, withSubmittedIds } from './unit.js';

const ID = (i: number) => `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`;

describe('unit logic', () => {
  it('marks the title cell of each returned row found in the sheet (by id, in sheet numbering) and counts the missing', () => {
    const rows = sampleRows(3).map((r, i) => ({ ...r, id: ID(i) }));
    // A blank line sits between the first and second row in the sheet.
    const sheet = { rows, sheetRows: [0, 2, 3] };
    const { marks, missing } = returnedMarks(sheet, [{ rowId: ID(1), comment: 'Ringkasan kurang jelas' }, { rowId: ID(9), comment: 'x' }], (c) => `Dikembalikan: ${c}`);
    expect(marks).toEqual([{ rowIndex: 2, columnIndex: columnIndex('title'), severity: 'error', message: 'Dikembalikan: Ringkasan kurang jelas' }]);
    expect(missing).toBe(1);
  });

  it('turns template rows into sheet rows and counts the returned ones', () => {
    const rows = sampleRows(2).map((r, i) => ({ ...r, id: ID(i) }));
    const t = templateSheet([{ row: rows[0]!, status: 'returned', comment: 'x' }, { row: rows[1]!, status: null, comment: null }]);
    expect(t).toEqual({ rows, returned: 1 });
  });

  it('writes the ids the server gave into rows sent without one, matching by content', () => {
    const [a, b] = sampleRows(2);
    const sent = [{ ...a!, id: ID(1) }, b!];
    const now = [{ ...a!, id: ID(1) }, b!];
    const out = withSubmittedIds(sent, [ID(1), ID(2)], now);
    expect(out.changed).toBe(true);
    expect(out.rows.map((r) => r.id)).toEqual([ID(1), ID(2)]);
    expect(withSubmittedIds(out.rows, [ID(1), ID(2)], out.rows).changed).toBe(false);
  });

  it('puts open rounds first, the soonest due first', () => {
    const r = (id: number, dueDate: string, closed: boolean) => ({ id, dueDate, closed }) as RoundSummary;
    expect(sortMyRounds([r(1, '2026-12-01', false), r(2, '2026-11-25', false), r(3, '2026-12-30', true)]).map((x) => x.id)).toEqual([2, 1, 3]);
  });
});
