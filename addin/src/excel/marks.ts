/**
 * Validation marks on the DIP table: a fill per severity and a note on the cell with the messages.
 *
 * Notes (ExcelApi 1.18: Excel on the web, Microsoft 365) are the plain "classic" cell notes: no thread, no
 * @mention, shown on hover — what a validation message is. Where 1.18 is missing (Office 2021/2024 perpetual stop
 * at 1.14/1.17) the same text goes into a comment (ExcelApi 1.10), whose collection has the same shape. A
 * data-validation input message was ruled out: Kategori and Bentuk cells already carry a list rule it would replace.
 *
 * Our notes start with MARK_PREFIX, which is how a clear finds them without touching a person's own notes.
 * A cell that already has a person's note keeps it: it gets the fill only (a cell holds one note).
 * The table body's fill is reserved for these marks: clearing resets it (the table style's banding is not a fill).
 */
import { columnIndex } from '../../../shared/columns.js';
import type { Severity } from '../../../shared/issues.js';
import { columnPositions } from './headerRow.js';
import { TABLE_NAME, inspectTable, type TableLayout } from './layout.js';
import { chunkBySize, utf8Length } from './payload.js';
import { syncOrMissing, type AdapterOptions, type ExcelRunner } from './runner.js';

/** A finding to show on a cell: `rowIndex` 0 is the first data row, `columnIndex` indexes DIP_COLUMNS. */
export interface CellIssue {
  rowIndex: number;
  columnIndex: number;
  severity: Severity;
  message: string;
}

export const MARK_PREFIX = '[DIP Sync]';
/** Excel's own "Bad" and "Neutral" cell-style fills: people already read them as error and warning. */
export const MARK_FILLS: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

export interface MarkResult {
  /** Cells filled. */
  cells: number;
  /** Of those, cells that also got a note (the others already had a person's note). */
  notes: number;
}

interface CellMark {
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
}

/** One mark per cell (messages joined, the worse severity wins), placed by header so moved columns still match. */
export function planMarks(issues: readonly CellIssue[], layout: Pick<TableLayout, 'bodyRows' | 'headers'>): CellMark[] {
  const positions = columnPositions(layout.headers);
  const fallback = positions[columnIndex('title')] ?? -1;
  const byCell = new Map<string, CellMark>();
  for (const issue of issues) {
    if (!Number.isInteger(issue.rowIndex) || issue.rowIndex < 0 || issue.rowIndex >= layout.bodyRows) continue;
    const position = positions[issue.columnIndex] ?? -1;
    const col = position >= 0 ? position : fallback;
    if (col < 0) continue;
    const key = `${issue.rowIndex}:${col}`;
    const mark = byCell.get(key);
    if (!mark) byCell.set(key, { row: issue.rowIndex, col, severity: issue.severity, messages: [issue.message] });
    else {
      if (!mark.messages.includes(issue.message)) mark.messages.push(issue.message);
      if (issue.severity === 'error') mark.severity = 'error';
    }
  }
  return [...byCell.values()];
}

export const noteText = (messages: readonly string[]): string => [MARK_PREFIX, ...messages.map((m) => `• ${m}`)].join('\n');

type NoteLike = { content: string; delete(): void; getLocation(): Excel.Range };
type NoteCollectionLike = { items: NoteLike[]; load(option: string): unknown; add(cell: Excel.Range, content: string): unknown };

/** The sheet's notes where the host has them, else its comments, else nothing (fills only). */
export function noteCollection(runner: ExcelRunner, sheet: Excel.Worksheet): NoteCollectionLike | null {
  if (runner.supports('ExcelApi', '1.18')) return sheet.notes as unknown as NoteCollectionLike;
  if (runner.supports('ExcelApi', '1.10')) return sheet.comments as unknown as NoteCollectionLike;
  return null;
}

/**
 * Two syncs: find the table and its notes, then delete our notes, reset the body's fill and locate the cells
 * that hold a person's note. Returns those cells ("row:col" relative to the body) so marking leaves them alone.
 */
async function clearQueued(context: Excel.RequestContext, runner: ExcelRunner): Promise<{ layout: TableLayout; notes: NoteCollectionLike | null; foreign: Set<string> }> {
  const table = context.workbook.tables.getItem(TABLE_NAME);
  const read = inspectTable(table);
  const notes = noteCollection(runner, table.worksheet);
  notes?.load('items/content');
  await syncOrMissing(context);
  const layout = read();

  const theirs: Excel.Range[] = [];
  for (const note of notes?.items ?? []) {
    if (note.content.startsWith(MARK_PREFIX)) note.delete();
    else theirs.push(note.getLocation().load('rowIndex,columnIndex'));
  }
  const { sheet, headerRow, firstColumn, bodyRows, columnCount } = layout;
  sheet.getRangeByIndexes(headerRow + 1, firstColumn, Math.max(1, bodyRows), columnCount).format.fill.clear();
  await context.sync();
  const foreign = new Set(theirs.map((r) => `${r.rowIndex - headerRow - 1}:${r.columnIndex - firstColumn}`));
  return { layout, notes, foreign };
}

export async function clearIssueMarks(context: Excel.RequestContext, runner: ExcelRunner): Promise<void> {
  await clearQueued(context, runner);
}

/**
 * Replaces the marks on the sheet with these. Syncs: two to clear, then one per batch of marks cut by payload
 * (a fill and a note each), so thousands of issues never become thousands of syncs.
 */
export async function markIssues(
  context: Excel.RequestContext,
  runner: ExcelRunner,
  options: AdapterOptions,
  issues: readonly CellIssue[],
): Promise<MarkResult> {
  const { layout, notes, foreign } = await clearQueued(context, runner);
  const marks = planMarks(issues, layout);
  const { sheet, headerRow, firstColumn } = layout;
  // A cell, its fill and a note: Office.js sends an object path and an action for each, ~500 bytes around the text.
  const sizeOf = (m: CellMark) => 600 + utf8Length(JSON.stringify(noteText(m.messages)));
  let noted = 0;
  for (const chunk of chunkBySize(marks, sizeOf, options.maxRequestBytes)) {
    for (const mark of marks.slice(chunk.start, chunk.end)) {
      const cell = sheet.getRangeByIndexes(headerRow + 1 + mark.row, firstColumn + mark.col, 1, 1);
      cell.format.fill.color = MARK_FILLS[mark.severity];
      if (notes && !foreign.has(`${mark.row}:${mark.col}`)) {
        notes.add(cell, noteText(mark.messages));
        noted++;
      }
    }
    await context.sync();
  }
  return { cells: marks.length, notes: noted };
}
