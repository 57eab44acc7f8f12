/**
 * Tarik kiriman unit: the round's consolidation (the register head with every accepted unit change merged in,
 * server-side, three-way) brought into the master sheet. Prepare reads and computes; apply writes only what was
 * previewed, and only if the sheet is still what was read.
 *
 * The sheet may hold edits no version has yet. If it has none, it simply becomes the consolidation and the head
 * becomes its base, so the next Sinkron push sends exactly the units' changes. If it has edits on top of the head,
 * the consolidation is merged onto the sheet three-way (base = head), so those edits survive and a cell both the
 * PPID and a unit changed keeps the sheet's value and is marked. Edits on top of an older version are refused: the
 * sheet must first catch up through Sinkron, or the head's own changes would be taken for the PPID's.
 */
import { columnIndex, type ColumnKey } from '../../../../shared/columns.js';
import { isEmptyDiff } from '../../../../shared/diff.js';
import { threeWayMerge, type MergeConflict } from '../../../../shared/merge.js';
import type { DipRow, RowField, StoredDipRow } from '../../../../shared/row.js';
import type { ApiClient } from '../../api/client.js';
import { TaskError, throwIfAborted } from '../../api/errors.js';
import { consolidatedRows, type ConsolidatedResponse } from '../../api/rounds.js';
import type { CellIssue, ProgressFn, SheetAdapter } from '../adapter.js';
import type { BaseTracker } from './base.js';
import { adoptIds, isNewRowId, sheetChanges, withStandInIds } from './changes.js';
import { readSheet, sameSheet, writeSheet } from './sheet.js';

export interface ConsolidationDeps {
  api: ApiClient;
  adapter: SheetAdapter;
  base: BaseTracker;
}

export interface ConsolidationPlan {
  response: ConsolidatedResponse;
  head: { version: number; etag: string; rows: StoredDipRow[] } | null;
  /** The sheet as read for the preview: applying checks it is still the same. */
  sheet: DipRow[];
  /** 'replace': the sheet had no unpushed edits; 'merge': it had, and they are kept. */
  mode: 'replace' | 'merge';
  /** What will be written, in sheet order. */
  rows: DipRow[];
  /** Merge mode: cells the PPID edited in the sheet that a unit changed too (the sheet's value is kept). */
  localConflicts: MergeConflict[];
}

/** The sheet column of a row field (the uji konsekuensi is marked on its legal-basis column). */
export function fieldColumn(field: RowField): number {
  return columnIndex(field === 'exemption' ? 'exemption.basis' : (field as ColumnKey));
}

const withoutStandIn = (row: StoredDipRow): DipRow => {
  if (!isNewRowId(row.id)) return row;
  const { id: _id, ...rest } = row;
  return rest;
};

export async function prepareConsolidation(deps: ConsolidationDeps, roundId: number, ctx: { signal?: AbortSignal; progress?: ProgressFn } = {}): Promise<ConsolidationPlan> {
  const { api, adapter, base } = deps;
  const response = await consolidatedRows(api, roundId, ctx.signal);
  const head =
    response.headVersion === null
      ? null
      : { version: response.headVersion, etag: response.headEtag, rows: (await api.version(response.headVersion, ctx.signal)).data.rows };
  throwIfAborted(ctx.signal);
  const sheet = await readSheet(adapter, ctx.progress, ctx.signal);
  throwIfAborted(ctx.signal);
  const loaded = await base.load(api, ctx.signal);
  const headRows = head?.rows ?? [];
  const reference = loaded?.rows ?? headRows;
  const sheetRows = adoptIds(sheet.rows, reference, headRows);
  // An empty sheet holds nothing to lose (a fresh workbook), whatever its base says.
  const unsaved = sheet.rows.length > 0 && !isEmptyDiff(sheetChanges(reference, sheetRows));

  if (!unsaved) return { response, head, sheet: sheet.rows, mode: 'replace', rows: response.rows, localConflicts: [] };
  if (!loaded || head === null || loaded.pointer.version !== head.version) throw new TaskError('sheet_not_at_head');
  const merged = threeWayMerge(headRows, withStandInIds(sheetRows), response.rows);
  return { response, head, sheet: sheet.rows, mode: 'merge', rows: merged.rows.map(withoutStandIn), localConflicts: merged.conflicts };
}

export interface MarkTexts {
  /** A field both the master and a unit changed (the master's value was kept). */
  conflict(unit: string, receipt: string, master: string, unitValue: string): string;
  /** A unit proposed removing a row the master changed. */
  removal(unit: string, receipt: string): string;
  /** A cell the PPID edited in the sheet that a unit changed too. */
  local(sheetValue: string, unitValue: string): string;
  duplicate(title: string): string;
  /** A field value as a person reads it. */
  value(field: RowField, value: unknown): string;
  /** The unit's name for its code. */
  unit(code: string): string;
}

/** Warnings on the cells of the written rows: every conflict (naming the unit and both values) and likely duplicates. */
export function consolidationMarks(plan: Pick<ConsolidationPlan, 'rows' | 'response' | 'localConflicts'>, texts: MarkTexts): CellIssue[] {
  const rowOf = new Map<string, number>();
  plan.rows.forEach((r, i) => {
    if (r.id) rowOf.set(r.id, i);
  });
  const out: CellIssue[] = [];
  const mark = (id: string, column: number, message: string) => {
    const rowIndex = rowOf.get(id);
    if (rowIndex !== undefined) out.push({ rowIndex, columnIndex: column, severity: 'warning', message });
  };
  for (const c of plan.response.conflicts) {
    const unit = texts.unit(c.source.unitCode);
    if (c.kind === 'theirs_removed_ours_changed') mark(c.id, columnIndex('title'), texts.removal(unit, c.source.receiptNumber));
    for (const f of c.fields) {
      mark(c.id, fieldColumn(f.field), texts.conflict(unit, c.source.receiptNumber, texts.value(f.field, f.ours), texts.value(f.field, f.theirs)));
    }
  }
  for (const c of plan.localConflicts) {
    for (const f of c.fields) mark(c.id, fieldColumn(f.field), texts.local(texts.value(f.field, f.ours), texts.value(f.field, f.theirs)));
  }
  for (const d of plan.response.duplicates) for (const r of d.rows) mark(r.id, columnIndex('title'), texts.duplicate(d.title));
  return out;
}

/**
 * Writes the previewed rows, makes the head the sheet's base (replace mode: the sheet is now head + the units'
 * changes), and marks the conflicts. Returns the rows written and the cells marked.
 */
export async function applyConsolidation(
  deps: ConsolidationDeps,
  plan: ConsolidationPlan,
  texts: MarkTexts,
  ctx: { signal?: AbortSignal; progress?: ProgressFn } = {},
): Promise<{ rows: number; marked: number }> {
  const { api, adapter, base } = deps;
  const now = await readSheet(adapter, ctx.progress, ctx.signal);
  throwIfAborted(ctx.signal);
  if (!sameSheet(now.rows, plan.sheet)) throw new TaskError('sheet_changed');
  // Not cancelable from here: a half-written sheet would hold neither the old rows nor the consolidation.
  await writeSheet(adapter, plan.rows, ctx.progress);
  if (plan.mode === 'replace') {
    if (plan.head) base.remember({ serverUrl: api.baseUrl, version: plan.head.version, etag: plan.head.etag }, plan.head.rows);
    else base.forget();
  }
  const marks = consolidationMarks(plan, texts);
  await adapter.clearIssueMarks();
  if (marks.length > 0) await adapter.markIssues(marks);
  return { rows: plan.rows.length, marked: marks.length };
}
