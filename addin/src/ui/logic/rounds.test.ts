import { describe, expect, it } from 'vitest';
import type { RoundSummary, SubmissionItem } from '../../api/rounds.js';
import { acceptPending, checkRoundForm, createRoundRequest, dueDateOf, lateUnits, presetDueDate, reviewDecisions, sortRounds } from './rounds.js';

const item = (rowId: string, status: SubmissionItem['status'], comment: string | null = null): SubmissionItem => ({
  rowId,
  kind: 'row',
  status,
  comment,
  decidedAt: null,
  carriedOver: false,
  row: { id: rowId } as SubmissionItem['row'],
});

describe('rounds logic', () => {
  it('computes preset due dates the way the server does (month ends clamp)', () => {
    expect(presetDueDate('3_hari', '2026-11-21')).toBe('2026-11-24');
    expect(presetDueDate('7_hari', '2026-12-28')).toBe('2027-01-04');
    expect(presetDueDate('1_bulan', '2027-01-31')).toBe('2027-02-28');
    expect(dueDateOf({ due: 'custom', customDate: ' 2026-12-01 ' }, '2026-11-21')).toBe('2026-12-01');
  });

  it('checks the new-round form, including a custom date in the past and no unit picked', () => {
    expect(checkRoundForm({ title: '', due: 'custom', customDate: '2026-11-20', unitCodes: [] }, '2026-11-21')).toEqual({ title: 'required', customDate: 'past', unitCodes: 'none' });
    expect(checkRoundForm({ title: 'Semester I', due: '7_hari', customDate: '', unitCodes: ['UA'] }, '2026-11-21')).toEqual({});
  });

  it('asks all units by leaving the list out, and names them when only some are picked', () => {
    const form = { title: ' Semester I ', due: '3_hari' as const, customDate: '', unitCodes: ['UB', 'UA'] };
    expect(createRoundRequest(form, ['UA', 'UB'])).toEqual({ title: 'Semester I', durationPreset: '3_hari' });
    expect(createRoundRequest({ ...form, due: 'custom', customDate: '2026-12-01', unitCodes: ['UA'] }, ['UA', 'UB'])).toEqual({
      title: 'Semester I',
      dueDate: '2026-12-01',
      unitCodes: ['UA'],
    });
  });

  it('sorts open rounds first and lists late units by name', () => {
    const r = (id: number, dueDate: string, closed: boolean) => ({ id, dueDate, closed }) as RoundSummary;
    expect(sortRounds([r(1, '2026-01-01', false), r(2, '2026-06-01', true), r(3, '2026-03-01', false)]).map((x) => x.id)).toEqual([3, 1, 2]);
    const u = (unitName: string, late: boolean) => ({ unitName, late }) as never;
    expect(lateUnits({ units: [u('Keuangan', true), u('Umum', false), u('Bagian A', true)] }).map((x: { unitName: string }) => x.unitName)).toEqual(['Bagian A', 'Keuangan']);
  });

  it('sends only changed decisions, and nothing while a returned row lacks a comment', () => {
    const items = [item('a', 'pending'), item('b', 'accepted'), item('c', 'returned', 'lengkapi')];
    const draft = { a: { status: 'returned' as const, comment: ' ' }, b: { status: 'accepted' as const, comment: '' }, c: { status: 'accepted' as const, comment: '' } };
    expect(reviewDecisions(items, draft)).toEqual({ decisions: [], missingComment: ['a'] });
    const fixed = { ...draft, a: { status: 'returned' as const, comment: 'Ringkasan kurang' } };
    expect(reviewDecisions(items, fixed)).toEqual({
      decisions: [
        { rowId: 'a', status: 'returned', comment: 'Ringkasan kurang' },
        { rowId: 'c', status: 'accepted' },
      ],
      missingComment: [],
    });
  });

  it('accepts every undecided item without touching drafted ones', () => {
    const items = [item('a', 'pending'), item('b', 'pending'), item('c', 'returned', 'x')];
    const next = acceptPending(items, { b: { status: 'returned', comment: 'y' } });
    expect(next).toEqual({ a: { status: 'accepted', comment: '' }, b: { status: 'returned', comment: 'y' } });
  });
});
