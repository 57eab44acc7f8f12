/**
 * The Sinkron operations as plain functions over the API client, the sheet adapter and the base tracker. Each
 * "prepare" reads and computes what would happen; each "apply" first checks the sheet did not change since the
 * user reviewed it, so an edit made in between is never overwritten silently.
 */
import type { PushResponse } from '../../../../shared/api.js';
import { diff, isEmptyDiff, type RowDiff } from '../../../../shared/diff.js';
import type { DipRow, StoredDipRow } from '../../../../shared/row.js';
import type { ApiClient, PushPrecondition } from '../../api/client.js';
import { newIdempotencyKey } from '../../api/client.js';
import { StaleBaseError, TaskError, throwIfAborted } from '../../api/errors.js';
import type { SheetAdapter, ProgressFn } from '../adapter.js';
import type { BasePointer, BaseTracker } from './base.js';
import { adoptIds, assignIds, overlappingRows, sheetChanges, titlesById, withStandInIds, type OverlapRow } from './changes.js';
import { reapply, resolveReapply, type Choice, type ReapplyResult } from './reapply.js';
import { readSheet, sameSheet, writeSheet } from './sheet.js';

export interface SyncDeps {
  api: ApiClient;
  adapter: SheetAdapter;
  base: BaseTracker;
}

export interface StepContext {
  signal?: AbortSignal;
  progress?: ProgressFn;
}

export interface PushPlan {
  /** Null for the very first version of the register. */
  base: BasePointer | null;
  precondition: PushPrecondition;
  /** What will be sent: the sheet's rows, with ids adopted by content where the ID cell was empty. */
  rows: DipRow[];
  /** The sheet as read for the review: pushing checks it is still the same. */
  sheet: DipRow[];
  /** The sheet against its base (= the head: a plan only exists when they are equal). */
  changes: RowDiff;
  titles: Map<string, string>;
  /** One key per reviewed plan: a retry after a timeout replays instead of pushing twice. */
  idempotencyKey: string;
}

export interface ConflictInfo {
  /** 'stale': the server refused the push (412); 'behind': we saw the head moved before pushing; 'noBase': the sheet never came from this server. */
  reason: 'stale' | 'behind' | 'noBase';
  base: number | null;
  head: number | null;
  serverDiff: RowDiff;
  localDiff: RowDiff;
  overlap: OverlapRow[];
  titles: Map<string, string>;
}

export interface PullPlan {
  version: number;
  etag: string | null;
  rows: StoredDipRow[];
  /** The sheet read for the preview: applying checks it is still the same. */
  sheet: DipRow[];
  /** What the sheet will go through: its rows → the head's. */
  preview: RowDiff;
  /** Edits in the sheet that no version holds yet (against the base; against the head when there is no base). */
  unsaved: RowDiff;
  hasUnsavedEdits: boolean;
  titles: Map<string, string>;
}

export interface ReapplyPlan {
  head: { version: number; etag: string | null; rows: StoredDipRow[] };
  baseVersion: number | null;
  sheet: DipRow[];
  result: ReapplyResult;
  titles: Map<string, string>;
}

export type PreparePushResult = { kind: 'ready'; plan: PushPlan } | { kind: 'conflict'; conflict: ConflictInfo };

function conflictOf(reason: ConflictInfo['reason'], base: number | null, head: number | null, serverDiff: RowDiff, localDiff: RowDiff, titles: Map<string, string>): ConflictInfo {
  return { reason, base, head, serverDiff, localDiff, overlap: overlappingRows(localDiff, serverDiff, titles), titles };
}

/** Reads the sheet and the register and says whether a push can go ahead, with what it would change. */
export async function preparePush(deps: SyncDeps, ctx: StepContext = {}): Promise<PreparePushResult> {
  const { api, adapter, base } = deps;
  const { data: reg, etag: headEtag } = await api.register(ctx.signal);
  throwIfAborted(ctx.signal);
  const sheet = await readSheet(adapter, ctx.progress, ctx.signal);
  throwIfAborted(ctx.signal);
  if (reg.head === null) {
    // An empty register: whatever base we remember belongs to a register that no longer exists.
    if (base.pointer(api.baseUrl)) base.forget();
    const rows = sheet.rows;
    const plan: PushPlan = { base: null, precondition: { firstVersion: true }, rows, sheet: rows, changes: sheetChanges([], rows), titles: titlesById(rows), idempotencyKey: newIdempotencyKey() };
    return { kind: 'ready', plan };
  }
  const loaded = await base.load(api, ctx.signal);
  if (!loaded) {
    const head = await api.version(reg.head, ctx.signal);
    const rows = adoptIds(sheet.rows, head.data.rows);
    const titles = titlesById(rows, head.data.rows);
    return { kind: 'conflict', conflict: conflictOf('noBase', null, reg.head, diff([], head.data.rows), sheetChanges(head.data.rows, rows), titles) };
  }
  const rows = adoptIds(sheet.rows, loaded.rows);
  const localDiff = sheetChanges(loaded.rows, rows);
  if (loaded.pointer.version !== reg.head) {
    const serverDiff = await api.diff(loaded.pointer.version, reg.head, ctx.signal);
    return { kind: 'conflict', conflict: conflictOf('behind', loaded.pointer.version, reg.head, serverDiff, localDiff, titlesById(rows, loaded.rows)) };
  }
  const etag = loaded.pointer.etag ?? headEtag;
  const precondition: PushPrecondition = etag ? { ifMatch: etag } : { firstVersion: true };
  return {
    kind: 'ready',
    plan: { base: loaded.pointer, precondition, rows, sheet: sheet.rows, changes: localDiff, titles: titlesById(rows, loaded.rows), idempotencyKey: newIdempotencyKey() },
  };
}

async function assertSheetUnchanged(adapter: SheetAdapter, reviewed: readonly DipRow[], ctx: StepContext): Promise<void> {
  const now = await readSheet(adapter, ctx.progress, ctx.signal);
  throwIfAborted(ctx.signal);
  if (!sameSheet(now.rows, reviewed)) throw new TaskError('sheet_changed');
}

export type PushOutcome = { kind: 'pushed'; response: PushResponse; unmatchedIds: number } | { kind: 'conflict'; conflict: ConflictInfo };

/**
 * Pushes the reviewed rows, then writes the ids the server gave into the sheet and makes the new version the base.
 * A 412 comes back as a conflict (never thrown): the UI offers to pull and re-apply.
 */
export async function pushPlan(deps: SyncDeps, plan: PushPlan, message: string, ctx: StepContext = {}): Promise<PushOutcome> {
  const { api, adapter, base } = deps;
  await assertSheetUnchanged(adapter, plan.sheet, ctx);
  let pushed;
  try {
    pushed = await api.push({ message: message.trim(), rows: plan.rows }, plan.precondition, plan.idempotencyKey, ctx.signal);
  } catch (err) {
    if (!(err instanceof StaleBaseError)) throw err;
    const b = err.body;
    return { kind: 'conflict', conflict: conflictOf('stale', b.base, b.head, b.diff, plan.changes, plan.titles) };
  }
  const response = pushed.data;
  const stored: StoredDipRow[] = plan.rows.map((r, i) => ({ ...r, id: response.ids[i] ?? r.id ?? '' }));
  base.remember({ serverUrl: api.baseUrl, version: response.version.version, etag: pushed.etag }, stored);
  // The push is done whatever happens next, so the ids are written without the cancel signal: rows left without
  // their id would come back as new rows on the next push. Re-read first: edits typed meanwhile must survive.
  const now = await readSheet(adapter, ctx.progress);
  const { rows, unmatched } = assignIds(plan.rows, response.ids, now.rows);
  // Only the hidden ID column, row by row as read (blank rows left alone): the rest stays as the person typed it.
  const ids: (string | null)[] = Array.from({ length: (now.sheetRows.at(-1) ?? -1) + 1 }, () => null); // ascending
  rows.forEach((row, i) => {
    const at = now.sheetRows[i];
    if (at !== undefined) ids[at] = row.id ?? '';
  });
  await adapter.writeIdColumn(ids, ctx.progress);
  return { kind: 'pushed', response, unmatchedIds: unmatched };
}

/** Fetches the head and compares it with the sheet, without touching the sheet. */
export async function preparePull(deps: SyncDeps, ctx: StepContext = {}): Promise<PullPlan> {
  const { api, adapter, base } = deps;
  const { data: reg } = await api.register(ctx.signal);
  if (reg.head === null) throw new TaskError('nothing_to_pull');
  const { data: head, etag } = await api.version(reg.head, ctx.signal);
  throwIfAborted(ctx.signal);
  const sheet = await readSheet(adapter, ctx.progress, ctx.signal);
  throwIfAborted(ctx.signal);
  const loaded = await base.load(api, ctx.signal);
  const reference = loaded?.rows ?? head.rows;
  const unsaved = sheetChanges(reference, adoptIds(sheet.rows, reference));
  return {
    version: head.version.version,
    etag,
    rows: head.rows,
    sheet: sheet.rows,
    preview: diff(withStandInIds(adoptIds(sheet.rows, head.rows)), head.rows),
    unsaved,
    hasUnsavedEdits: !isEmptyDiff(unsaved),
    titles: titlesById(sheet.rows, head.rows, loaded?.rows ?? []),
  };
}

/** Overwrites the sheet with the pulled version and makes it the base. A signal only stops the check before writing. */
export async function applyPull(deps: SyncDeps, plan: PullPlan, ctx: StepContext = {}): Promise<void> {
  const { api, adapter, base } = deps;
  await assertSheetUnchanged(adapter, plan.sheet, ctx);
  await writeSheet(adapter, plan.rows, ctx.progress);
  base.remember({ serverUrl: api.baseUrl, version: plan.version, etag: plan.etag }, plan.rows);
}

/** Fetches the head and merges the sheet's edits (against its base) onto it, three-way. */
export async function prepareReapply(deps: SyncDeps, ctx: StepContext = {}): Promise<ReapplyPlan> {
  const { api, adapter, base } = deps;
  const { data: head, etag } = await api.version('head', ctx.signal);
  throwIfAborted(ctx.signal);
  const sheet = await readSheet(adapter, ctx.progress, ctx.signal);
  throwIfAborted(ctx.signal);
  const loaded = await base.load(api, ctx.signal);
  const baseRows = loaded?.rows ?? [];
  return {
    head: { version: head.version.version, etag, rows: head.rows },
    baseVersion: loaded?.pointer.version ?? null,
    sheet: sheet.rows,
    result: reapply(baseRows, adoptIds(sheet.rows, baseRows, head.rows), head.rows),
    titles: titlesById(sheet.rows, head.rows, baseRows),
  };
}

/** The merged rows for the choices made so far, and what they change on top of the head (the next push). */
export function reapplyPreview(plan: ReapplyPlan, choices: Readonly<Record<string, Choice>>): { rows: DipRow[]; onTopOfHead: RowDiff } {
  const rows = resolveReapply(plan.result, choices);
  return { rows, onTopOfHead: sheetChanges(plan.head.rows, rows) };
}

/**
 * Writes the merged rows into the sheet; the head becomes the base, so the next push sends exactly the re-applied
 * edits. Not cancelable once writing: a stopped write leaves only the first rows, and the rest of the user's
 * re-applied edits would exist nowhere but in this pane's memory.
 */
export async function applyReapply(deps: SyncDeps, plan: ReapplyPlan, choices: Readonly<Record<string, Choice>>, ctx: StepContext = {}): Promise<number> {
  const { api, adapter, base } = deps;
  await assertSheetUnchanged(adapter, plan.sheet, ctx);
  const { rows } = reapplyPreview(plan, choices);
  await writeSheet(adapter, rows, ctx.progress);
  base.remember({ serverUrl: api.baseUrl, version: plan.head.version, etag: plan.head.etag }, plan.head.rows);
  return rows.length;
}
