/**
 * Consolidation (DESIGN workflow step 4): the accepted items of every unit's latest submission, merged into the
 * register head as a three-way merge (shared/merge.ts) whose base is the version the templates were cut from.
 * Each change names the unit and submission it came from; titles that look like duplicates are flagged.
 */
import { threeWayMerge } from '../../../shared/merge.js';
import { foldForMatch } from '../../../shared/normalize.js';
import type { StoredDipRow } from '../../../shared/row.js';
import type { Db } from '../db/database.js';
import { registerInfo, rowsOf } from '../register/register.service.js';
import type { ConsolidatedResponse, DuplicateGroup, RowSource } from './rounds.contract.js';
import { baseRows } from './base-rows.js';
import * as repo from './rounds.repository.js';
import { getRound } from './rounds.service.js';

export interface AcceptedItem {
  kind: 'row' | 'removal';
  row: StoredDipRow;
  source: RowSource;
}

/**
 * Likely duplicates among the merged rows: the same title (folded: case, spacing, punctuation) on two or more
 * rows, at least one of them from a unit in this round. "same_title_and_unit" when they also share the owning unit.
 */
export function findDuplicates(rows: readonly StoredDipRow[], sources: ReadonlyMap<string, RowSource>): DuplicateGroup[] {
  const byTitle = new Map<string, StoredDipRow[]>();
  for (const r of rows) {
    const key = foldForMatch(r.title);
    if (key === '') continue;
    const group = byTitle.get(key);
    if (group) group.push(r);
    else byTitle.set(key, [r]);
  }
  const out: DuplicateGroup[] = [];
  for (const group of byTitle.values()) {
    if (group.length < 2 || !group.some((r) => sources.has(r.id))) continue;
    const sameUnit = new Set(group.map((r) => foldForMatch(r.owningUnit))).size === 1;
    out.push({
      reason: sameUnit ? 'same_title_and_unit' : 'same_title',
      title: group[0]!.title,
      rows: group.map((r) => ({ id: r.id, unitCode: sources.get(r.id)?.unitCode ?? null, submissionId: sources.get(r.id)?.submissionId ?? null })),
    });
  }
  return out;
}

/**
 * The pure part: merge accepted unit items into head, against base. `theirs` is base with every accepted row
 * applied and every accepted removal taken out, so rows nobody touched (or not accepted yet) count as unchanged.
 */
export function consolidate(base: readonly StoredDipRow[], head: readonly StoredDipRow[], accepted: readonly AcceptedItem[]) {
  const theirs = new Map(base.map((r) => [r.id, r]));
  const sources = new Map<string, RowSource>();
  for (const a of accepted) {
    if (a.kind === 'row') theirs.set(a.row.id, a.row);
    else theirs.delete(a.row.id);
    sources.set(a.row.id, a.source);
  }
  const merged = threeWayMerge(base, head, [...theirs.values()]);
  // Every change theirs brings comes from an accepted item, so each has a source.
  const src = (id: string) => sources.get(id)!;
  return {
    rows: merged.rows,
    added: merged.added.map((row) => ({ row, source: src(row.id) })),
    changed: merged.changed.map((c) => ({ ...c, source: src(c.id) })),
    removed: merged.removed.map((row) => ({ row, source: src(row.id) })),
    conflicts: merged.conflicts.map((c) => ({ ...c, source: src(c.id) })),
    duplicates: findDuplicates(merged.rows, sources),
  };
}

/** Everything a consolidation reads: base, head, and the accepted (and outstanding) items of each unit's latest submission. */
export async function consolidationInputs(db: Db, roundId: number) {
  const round = await getRound(db, roundId);
  const { head, etag } = await registerInfo(db);
  const [base, headRows] = await Promise.all([
    round.base_version === null ? Promise.resolve([]) : baseRows(db, round.base_version),
    head === null ? Promise.resolve([]) : rowsOf(db, head),
  ]);

  const latest = new Map<string, repo.SubmissionRow>();
  for (const s of await repo.listSubmissions(db, roundId)) latest.set(s.unit_code, s);
  const bySubmission = new Map([...latest.values()].map((s) => [s.id, s]));
  const accepted: AcceptedItem[] = [];
  const outstanding = new Map<string, { unitCode: string; pending: number; returned: number }>();
  for (const i of await repo.itemsOfMany(db, [...bySubmission.keys()])) {
    const s = bySubmission.get(i.submission_id)!;
    if (i.status === 'accepted') {
      accepted.push({ kind: i.kind, row: JSON.parse(i.body) as StoredDipRow, source: { unitCode: s.unit_code, submissionId: s.id, receiptNumber: s.receipt_number } });
      continue;
    }
    const o = outstanding.get(s.unit_code) ?? { unitCode: s.unit_code, pending: 0, returned: 0 };
    o[i.status]++;
    outstanding.set(s.unit_code, o);
  }
  // Units in code order, each unit's rows in its order: the added rows land in the sheet in a predictable order.
  accepted.sort((a, b) => (a.source.unitCode < b.source.unitCode ? -1 : a.source.unitCode > b.source.unitCode ? 1 : 0));
  return { round, head, etag, base, headRows, accepted, outstanding: [...outstanding.values()] };
}

export async function consolidated(db: Db, roundId: number): Promise<ConsolidatedResponse> {
  const input = await consolidationInputs(db, roundId);
  return {
    roundId,
    baseVersion: input.round.base_version,
    headVersion: input.head,
    headEtag: input.etag,
    ...consolidate(input.base, input.headRows, input.accepted),
    outstanding: input.outstanding,
  };
}
