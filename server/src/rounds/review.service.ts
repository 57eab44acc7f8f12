/**
 * Verification (SOP 002 step 6, "ada proses siklik"): the PPID accepts or returns each item of a unit's latest
 * submission; the unit sees what came back, with comments, and resubmits until everything is accepted.
 * A unit only ever sees its own submissions: anything else is 404, so other units' activity stays invisible.
 */
import { changedFields } from '../../../shared/diff.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { lockRegister } from '../register/register.repository.js';
import { baseRows } from './base-rows.js';
import type { MyRoundResponse, Receipt, ReviewItem, ReviewRequest, ReviewResponse, SubmissionDetail, SubmissionItem } from './rounds.contract.js';
import * as repo from './rounds.repository.js';
import { getRound, getRoundForUnit, toReceipt, toRoundSummary, unitStatuses } from './rounds.service.js';

export function toItem(i: repo.ItemRow): SubmissionItem {
  return {
    rowId: i.row_id,
    kind: i.kind,
    status: i.status,
    comment: i.comment,
    decidedAt: i.decided_at ? new Date(i.decided_at).toISOString() : null,
    carriedOver: i.carried_over,
    row: JSON.parse(i.body) as StoredDipRow,
  };
}

const submissionNotFound = (sid: number) => notFound(`Kiriman ${sid}`, `Submission ${sid}`);

export async function review(db: Db, user: AuthUser, roundId: number, sid: number, req: ReviewRequest): Promise<ReviewResponse> {
  const round = await getRound(db, roundId);
  const ids = new Set<string>();
  for (const d of req.decisions) {
    if (ids.has(d.rowId)) throw unprocessable('duplicate_decision', `Baris ${d.rowId} diputuskan lebih dari sekali.`, `Row ${d.rowId} is decided more than once.`);
    ids.add(d.rowId);
    if (d.status === 'returned' && !d.comment) {
      throw unprocessable('comment_required', `Baris ${d.rowId} dikembalikan tanpa catatan: tulis apa yang perlu diperbaiki.`, `Row ${d.rowId} is returned without a comment: say what needs fixing.`);
    }
  }
  const unitCode = await db.transaction().execute(async (trx) => {
    await lockRegister(trx);
    const sub = await repo.findSubmission(trx, roundId, sid);
    if (!sub) throw submissionNotFound(sid);
    if ((await repo.lastSeq(trx, roundId, sub.unit_code)) !== sub.seq) {
      throw new AppError(409, 'submission_superseded', `Unit ${sub.unit_code} sudah mengirim ulang: verifikasi kiriman terbarunya.`, `Unit ${sub.unit_code} has resubmitted: review its latest submission.`);
    }
    const items = new Set((await repo.itemsOf(trx, sid)).map((i) => i.row_id));
    const unknown = [...ids].filter((id) => !items.has(id));
    if (unknown.length > 0) {
      throw unprocessable('unknown_row', `Baris berikut tidak ada dalam kiriman ini: ${unknown.slice(0, 5).join(', ')}.`, `These rows are not in this submission: ${unknown.slice(0, 5).join(', ')}.`, { ids: unknown });
    }
    await repo.decideItems(trx, sid, user.id, req.decisions.map((d) => ({ rowId: d.rowId, status: d.status, comment: d.comment ?? null })));
    const returned = req.decisions.filter((d) => d.status === 'returned').length;
    await recordAudit(trx, {
      actor: user.username,
      action: 'round.review',
      subject: `round:${roundId}`,
      details: { unit: sub.unit_code, receipt: sub.receipt_number, accepted: req.decisions.length - returned, returned },
    });
    return sub.unit_code;
  });
  const [unit] = await unitStatuses(db, round, unitCode);
  return { submissionId: sid, decided: req.decisions.length, unit: unit! };
}

/** A submission with its items and what each changes against the base: the PPID sees any; a unit only its own. */
export async function submissionDetail(db: Db, user: AuthUser, roundId: number, sid: number): Promise<SubmissionDetail> {
  const round = await getRound(db, roundId);
  const sub = await repo.findSubmission(db, roundId, sid);
  if (!sub || (user.role === 'unit' && sub.unit_code !== user.unitCode)) throw submissionNotFound(sid);
  const latest = (await repo.lastSeq(db, roundId, sub.unit_code)) === sub.seq;
  const base = new Map(round.base_version === null ? [] : (await baseRows(db, round.base_version)).map((r) => [r.id, r]));
  const items = (await repo.itemsOf(db, sid)).map((i): ReviewItem => {
    const item = toItem(i);
    const before = base.get(item.rowId);
    if (item.kind === 'removal') return { ...item, change: 'removed', fields: [] };
    if (!before) return { ...item, change: 'added', fields: [] };
    const fields = changedFields(before, item.row);
    return { ...item, change: fields.length > 0 ? 'changed' : 'unchanged', fields };
  });
  return { receipt: toReceipt(sub), latest, items };
}

/** Receipts of a round, oldest first: the PPID's view (all units, or one); a unit gets its own only. */
export async function listReceipts(db: Db, user: AuthUser, roundId: number, unit?: string): Promise<Receipt[]> {
  if (user.role === 'unit') {
    await getRoundForUnit(db, roundId, user.unitCode ?? '');
    return (await repo.listSubmissions(db, roundId, user.unitCode ?? '')).map(toReceipt);
  }
  await getRound(db, roundId);
  return (await repo.listSubmissions(db, roundId, unit)).map(toReceipt);
}

/** The unit's own page of a round: status, receipts (newest first) and the rows returned to it. */
export async function myRound(db: Db, user: AuthUser, roundId: number): Promise<MyRoundResponse> {
  const unitCode = user.unitCode ?? '';
  const { round } = await getRoundForUnit(db, roundId, unitCode);
  const [unit] = await unitStatuses(db, round, unitCode);
  const subs = await repo.listSubmissions(db, roundId, unitCode);
  const latest = subs.at(-1);
  const returned = latest ? (await repo.itemsOf(db, latest.id)).filter((i) => i.status === 'returned').map(toItem) : [];
  return { round: toRoundSummary(round), unit: unit!, receipts: subs.map(toReceipt).reverse(), returned };
}
