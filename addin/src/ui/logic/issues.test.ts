import { describe, expect, it } from 'vitest';
import { columnIndex } from '../../../../shared/columns.js';
import type { ValidationIssue } from '../../../../shared/issues.js';
import { sampleRow } from '../../../../shared/testing/sample-rows.js';
import { validateRows } from '../../../../shared/validate.js';
import { countBySeverity, groupIssues, issueColumn, toCellIssues } from './issues.js';

const issue = (over: Partial<ValidationIssue>): ValidationIssue => ({
  rowId: null,
  rowIndex: 0,
  field: 'title',
  severity: 'error',
  code: 'required',
  message: 'Judul Informasi wajib diisi.',
  ...over,
});

describe('groupIssues', () => {
  it('puts errors before warnings, orders by row then column, and drops exact repeats', () => {
    const list = [
      issue({ rowIndex: 3, field: 'retention', severity: 'warning', code: 'unrecognised_retention', message: 'w' }),
      issue({ rowIndex: 2, field: 'summary', message: 's' }),
      issue({ rowIndex: 2, field: 'title' }),
      issue({ rowIndex: 2, field: 'title' }),
      issue({ rowIndex: 0, field: 'link', severity: 'warning', code: 'invalid_link', message: 'l' }),
    ];
    const groups = groupIssues(list);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning']);
    expect(groups[0]!.issues.map((i) => i.field)).toEqual(['title', 'summary']);
    expect(groups[1]!.issues.map((i) => i.rowIndex)).toEqual([0, 3]);
    expect(countBySeverity(list)).toEqual({ error: 2, warning: 2 });
  });

  it('leaves out an empty group', () => {
    expect(groupIssues([issue({ severity: 'warning' })]).map((g) => g.severity)).toEqual(['warning']);
    expect(groupIssues([])).toEqual([]);
  });
});

describe('cells of issues', () => {
  it('places exemption findings in the column the code names', () => {
    const row = { ...sampleRow(3), exemption: { article17: 'a' as const, consequence: '', publicInterest: 'x', period: 'Permanen' } };
    const issues = validateRows([row]);
    const cols = issues.filter((i) => i.field === 'exemption').map(issueColumn);
    expect(cols).toContain(columnIndex('exemption.consequence'));
    expect(cols).toContain(columnIndex('exemption.period'));
  });

  it('points a whole-row finding at the title, never at the hidden ID column', () => {
    expect(issueColumn({ field: null, code: 'duplicate_row' })).toBe(columnIndex('title'));
    expect(issueColumn({ field: null, code: 'duplicate_id' })).toBe(columnIndex('title'));
  });

  it('joins findings on one cell, keeps the error severity, and skips findings about the whole sheet', () => {
    const cells = toCellIssues([
      issue({ rowIndex: 1, severity: 'warning', code: 'a', message: 'peringatan' }),
      issue({ rowIndex: 1, code: 'b', message: 'kesalahan' }),
      issue({ rowIndex: -1, field: null, code: 'missing_column', message: 'kolom' }),
    ]);
    expect(cells).toEqual([{ rowIndex: 1, columnIndex: columnIndex('title'), severity: 'error', message: 'kesalahan\nperingatan' }]);
  });
});
