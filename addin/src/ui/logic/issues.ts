/**
 * Validation issues as the task pane shows them: grouped by severity (errors first), each tied to a sheet cell
 * so a click can select it and the adapter can mark it.
 */
import { columnIndex } from '../../../../shared/columns.js';
import type { Severity, ValidationIssue } from '../../../../shared/issues.js';
import { issueColumn as sharedIssueColumn } from '../../../../shared/validate.js';
import type { CellIssue } from '../adapter.js';

export interface IssueGroup {
  severity: Severity;
  issues: ValidationIssue[];
}


const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning'];

/** The DIP column (index in DIP_COLUMNS) of an issue; issues about a whole row point at its title (the ID column is hidden). */
export function issueColumn(issue: Pick<ValidationIssue, 'field' | 'code'>): number {
  const key = sharedIssueColumn(issue);
  return columnIndex(key === null || key === 'id' ? 'title' : key);
}

/** Identity of an issue: two findings with the same row, field, code and text are one. */
export const issueKey = (i: ValidationIssue): string => `${i.rowIndex}|${i.field ?? ''}|${i.code}|${i.message}`;

function sortKey(a: ValidationIssue, b: ValidationIssue): number {
  return a.rowIndex - b.rowIndex || issueColumn(a) - issueColumn(b) || a.code.localeCompare(b.code);
}

/**
 * Errors first, then warnings; by row then column inside a group; exact repeats (same row, field, code and
 * message) kept once. Empty groups are left out.
 */
export function groupIssues(issues: readonly ValidationIssue[]): IssueGroup[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const k = issueKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return SEVERITY_ORDER.map((severity) => ({ severity, issues: unique.filter((i) => i.severity === severity).sort(sortKey) })).filter(
    (g) => g.issues.length > 0,
  );
}

/** Cell marks for the adapter; issues about the whole list (rowIndex -1) have no cell. Several issues on one cell are joined. */
export function toCellIssues(issues: readonly ValidationIssue[]): CellIssue[] {
  const byCell = new Map<string, CellIssue>();
  for (const g of groupIssues(issues)) {
    for (const i of g.issues) {
      if (i.rowIndex < 0) continue;
      const col = issueColumn(i);
      const key = `${i.rowIndex}:${col}`;
      const prev = byCell.get(key);
      // Errors come first, so a cell with both keeps the error severity.
      if (prev) prev.message = `${prev.message}\n${i.message}`;
      else byCell.set(key, { rowIndex: i.rowIndex, columnIndex: col, severity: i.severity, message: i.message });
    }
  }
  return [...byCell.values()];
}

/** Counts after de-duplication, so the numbers match the list shown. */
export function countBySeverity(issues: readonly ValidationIssue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0 };
  for (const g of groupIssues(issues)) out[g.severity] = g.issues.length;
  return out;
}
