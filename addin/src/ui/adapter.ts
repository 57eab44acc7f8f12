/**
 * The workbook as the panes see it: the Excel adapter's interface (addin/src/excel/adapter.ts). Components get it as
 * a prop and never touch Excel themselves; tests hand in a fake.
 */
export type { CellIssue, EnsureResult, MarkResult, ProgressFn, SheetAdapter, SheetList } from '../excel/adapter.js';
