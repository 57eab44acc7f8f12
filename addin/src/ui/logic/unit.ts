/**
 * A unit's mode as plain data: its template rows into the sheet, the submission read from the sheet, and the rows the
 * PPID returned marked on their cells. The sheet is the unit's working copy; the server keeps every submission.
 */
import { columnIndex } from '../../../../shared/columns.js';
import type { Lang, ValidationIssue } from '../../../../shared/issues.js';
import type { DipRow } from '../../../../shared/row.js';
import type { RoundSummary, SubmissionItem, TemplateRow } from '../../api/rounds.js';
import type { CellIssue, SheetAdapter } from '../adapter.js';
import { assignIds } from './changes.js';
import { readSheet, sheetIssues, writeSheet, type SheetSnapshot } from './sheet.js';

/** Rows a person can still submit to: open rounds first, then by due date (soonest first among open ones). */
export function sortMyRounds(rounds: readonly RoundSummary[]): RoundSummary[] {
  return [...rounds].sort((a, b) => Number(a.closed) - Number(b.closed) || (a.closed ? b.dueDate.localeCompare(a.dueDate) : a.dueDate.localeCompare(b.dueDate)) || b.id - a.id);
}

/** The template rows as sheet rows, and how many come back returned. */
export function templateSheet(template: readonly TemplateRow[]): { rows: DipRow[]; returned: number } {
  return { rows: template.map((t) => t.row), returned: template.filter((t) => t.status === 'returned').length };
}

/**
 * A mark on the title cell of every returned row found in the sheet (by id), with the PPID's comment; `missing`
 * counts returned rows the sheet no longer has.
 */
export function returnedMarks(
  sheet: Pick<SheetSnapshot, 'rows' | 'sheetRows'>,
  returned: readonly Pick<SubmissionItem, 'rowId' | 'comment'>[],
  text: (comment: string) => string,
): { marks: CellIssue[]; missing: number } {
  const at = new Map<string, number>();
  sheet.rows.forEach((r, i) => {
    if (r.id) at.set(r.id, sheet.sheetRows[i] ?? i);
  });
  const marks: CellIssue[] = [];
  let missing = 0;
  for (const item of returned) {
    const rowIndex = at.get(item.rowId);
    if (rowIndex === undefined) missing++;
    else marks.push({ rowIndex, columnIndex: columnIndex('title'), severity: 'error', message: text(item.comment ?? '') });
  }
  return { marks, missing };
}

export interface SubmissionCheck {
  /** The rows to send, as the sheet has them. */
  rows: DipRow[];
  issues: ValidationIssue[];
  errors: number;
  warnings: number;
}

/**
 * The submission the sheet holds, with the same findings the server will put on the receipt (owning units matched
 * against `knownUnits`, the server's list, when it could be loaded).
 */
export function checkSubmission(snapshot: SheetSnapshot, lang: Lang, knownUnits?: readonly string[]): SubmissionCheck {
  const issues = sheetIssues(snapshot, lang, knownUnits);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { rows: snapshot.rows, issues, errors, warnings: issues.length - errors };
}

/**
 * The sheet after a submission: rows sent without an id get the one the server gave, matched by content against
 * the sheet as it is now (a person may have typed meanwhile). Resubmitting then names the same rows, so the
 * PPID's earlier verdicts carry over to the rows that did not change.
 */
export function withSubmittedIds(sent: readonly DipRow[], ids: readonly string[], now: readonly DipRow[]): { rows: DipRow[]; changed: boolean } {
  const { rows } = assignIds(sent, ids, now);
  return { rows, changed: rows.some((r, i) => r.id !== now[i]?.id) };
}

/** Optional adapter capability (being added to the Excel adapter): write only the hidden ID column. */
interface IdColumnWriter {
  writeIdColumn(ids: readonly (string | null)[]): Promise<void>;
}

/**
 * After a submission, writes the server's ids into the rows that had none, reading the sheet again first (edits typed
 * meanwhile survive). Only the ID column when the adapter can; otherwise the table is rewritten with the same rows.
 */
export async function writeSubmittedIds(adapter: SheetAdapter, sent: readonly DipRow[], ids: readonly string[]): Promise<void> {
  const now = await readSheet(adapter);
  const { rows, changed } = withSubmittedIds(sent, ids, now.rows);
  if (!changed) return;
  const idWriter = (adapter as Partial<IdColumnWriter>).writeIdColumn;
  if (typeof idWriter !== 'function') {
    await writeSheet(adapter, rows);
    return;
  }
  const column: (string | null)[] = Array.from({ length: Math.max(0, ...now.sheetRows.map((r) => r + 1)) }, () => null);
  rows.forEach((row, i) => {
    const at = now.sheetRows[i];
    if (at !== undefined) column[at] = row.id ?? '';
  });
  await idWriter.call(adapter, column);
}
