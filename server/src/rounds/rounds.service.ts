/**
 * Update rounds (pemutakhiran DIP, SOP steps "surat permintaan data" to "DIP terkumpul"): who is asked, by when,
 * and where each unit stands.
 */
import type { IssueSummary } from '../../../shared/validate.js';
import { recordAudit } from '../audit/audit.service.js';
import { listUnits } from '../auth/auth.repository.js';
import type { Db } from '../db/database.js';
import { AppError, notFound, unprocessable } from '../http/errors.js';
import type { AuthUser } from '../http/env.js';
import { lockRegister, readRegister } from '../register/register.repository.js';
import {
  DURATION_PRESETS,
  type CreateRoundRequest,
  type DurationPreset,
  type Receipt,
  type RoundDetail,
  type RoundSummary,
  type RoundUnitStatus,
  type RowCounts,
  type UnitRoundStatus,
} from './rounds.contract.js';
import * as repo from './rounds.repository.js';

/** Due dates are agreed in the office's local time; WIB (UTC+7) is where the SOPs come from. */
export const OFFICE_UTC_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3600_000;

/** Today's date in the office's time zone, YYYY-MM-DD. */
export const officeToday = (now: Date): string => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The due date a preset gives from today (calendar days; "1 bulan" is the same day next month, clamped). */
export function presetDueDate(preset: DurationPreset, now: Date): string {
  const p = DURATION_PRESETS[preset];
  const [y, m, d] = officeToday(now).split('-').map(Number) as [number, number, number];
  const month0 = m - 1 + p.months;
  const lastDay = new Date(Date.UTC(y, month0 + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month0, Math.min(d, lastDay) + p.days)).toISOString().slice(0, 10);
}

/** The last instant of the due date, office time. */
export const dueAtOf = (dueDate: string): Date => new Date(`${dueDate}T23:59:59.999${OFFICE_UTC_OFFSET}`);

export function toRoundSummary(r: repo.RoundRow): RoundSummary {
  return {
    id: r.id,
    title: r.title,
    dueDate: r.due_date,
    dueAt: r.due_at.toISOString(),
    durationPreset: r.duration_preset as DurationPreset | null,
    baseVersion: r.base_version,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    closed: r.closed_at !== null,
    unitCount: r.unit_count,
  };
}

export function toReceipt(s: repo.SubmissionRow): Receipt {
  return {
    number: s.receipt_number,
    submissionId: s.id,
    roundId: s.round_id,
    unitCode: s.unit_code,
    seq: s.seq,
    submittedAt: s.submitted_at.toISOString(),
    submittedBy: s.submitted_by,
    source: s.source,
    fileName: s.file_name,
    rowCount: s.row_count,
    removedCount: s.removed_count,
    contentHash: s.content_hash,
    validation: JSON.parse(s.summary) as IssueSummary,
  };
}

export async function getRound(db: Db, id: number): Promise<repo.RoundRow> {
  const r = Number.isSafeInteger(id) && id > 0 ? await repo.findRound(db, id) : undefined;
  if (!r) throw notFound(`Putaran ${id}`, `Round ${id}`);
  return r;
}

/** The round as a unit may see it: 404 (not 403) when the unit is not asked, so rounds of others stay invisible. */
export async function getRoundForUnit(db: Db, id: number, unitCode: string) {
  const round = await getRound(db, id);
  const unit = (await repo.roundUnits(db, id)).find((u) => u.code === unitCode);
  if (!unit) throw notFound(`Putaran ${id}`, `Round ${id}`);
  return { round, unit };
}

export async function createRound(db: Db, user: AuthUser, req: CreateRoundRequest, now = new Date()): Promise<RoundSummary> {
  const dueDate = req.dueDate ?? presetDueDate(req.durationPreset!, now);
  if (dueDate < officeToday(now)) {
    throw unprocessable('due_date_past', `Batas waktu ${dueDate} sudah lewat.`, `The due date ${dueDate} has passed.`);
  }
  const known = await listUnits(db);
  const codes = req.unitCodes ? [...new Set(req.unitCodes)] : known.map((u) => u.code);
  const unknown = codes.filter((c) => !known.some((u) => u.code === c));
  if (unknown.length > 0) {
    throw unprocessable('unknown_unit', `Unit tidak dikenal: ${unknown.join(', ')}.`, `Unknown units: ${unknown.join(', ')}.`, { unitCodes: unknown });
  }
  if (codes.length === 0) throw unprocessable('no_units', 'Belum ada unit kerja: tambahkan unit terlebih dahulu.', 'There are no units yet: add units first.');

  const id = await db.transaction().execute(async (trx) => {
    await lockRegister(trx);
    // The base of the later three-way merge: the published version as it is now.
    const { published } = await readRegister(trx);
    const roundId = await repo.insertRound(trx, {
      title: req.title,
      dueDate,
      dueAt: dueAtOf(dueDate),
      preset: req.durationPreset ?? null,
      baseVersion: published,
      createdBy: user.id,
    });
    await repo.insertRoundUnits(trx, roundId, codes);
    await recordAudit(trx, { actor: user.username, action: 'round.create', subject: `round:${roundId}`, details: { title: req.title, dueDate, units: codes, baseVersion: published } });
    return roundId;
  });
  return toRoundSummary(await getRound(db, id));
}

export async function listRoundSummaries(db: Db, user: AuthUser): Promise<RoundSummary[]> {
  const rows = await repo.listRounds(db, user.role === 'unit' ? user.unitCode ?? '' : undefined);
  return rows.map(toRoundSummary);
}

export function statusOf(hasSubmission: boolean, counts: RowCounts): UnitRoundStatus {
  if (!hasSubmission) return 'not_started';
  if (counts.returned > 0) return 'returned';
  if (counts.pending > 0) return 'submitted';
  return 'accepted';
}

/** Where each unit asked in the round stands (only `onlyUnit` when given). */
export async function unitStatuses(db: Db, round: repo.RoundRow, onlyUnit?: string, now = new Date()): Promise<RoundUnitStatus[]> {
  const units = (await repo.roundUnits(db, round.id)).filter((u) => onlyUnit === undefined || u.code === onlyUnit);
  const subs = await repo.listSubmissions(db, round.id, onlyUnit);
  const latest = new Map<string, repo.SubmissionRow>();
  const first = new Map<string, repo.SubmissionRow>();
  const count = new Map<string, number>();
  for (const s of subs) {
    latest.set(s.unit_code, s); // ordered by seq
    if (!first.has(s.unit_code)) first.set(s.unit_code, s);
    count.set(s.unit_code, (count.get(s.unit_code) ?? 0) + 1);
  }
  const counts = new Map<number, RowCounts>();
  for (const c of await repo.itemCounts(db, [...latest.values()].map((s) => s.id))) {
    const k = counts.get(c.submission_id) ?? { total: 0, accepted: 0, returned: 0, pending: 0 };
    k[c.status] += Number(c.n);
    k.total += Number(c.n);
    counts.set(c.submission_id, k);
  }
  const pastDue = now.getTime() > round.due_at.getTime();
  return units.map((u) => {
    const last = latest.get(u.code);
    const rows = (last && counts.get(last.id)) ?? { total: 0, accepted: 0, returned: 0, pending: 0 };
    const status = statusOf(last !== undefined, rows);
    return {
      unitCode: u.code,
      unitName: u.name,
      status,
      late: pastDue && status !== 'accepted',
      submissions: count.get(u.code) ?? 0,
      firstSubmittedAt: first.get(u.code)?.submitted_at.toISOString() ?? null,
      lastSubmittedAt: last?.submitted_at.toISOString() ?? null,
      latestSubmissionId: last?.id ?? null,
      latestReceiptNumber: last?.receipt_number ?? null,
      rows,
    };
  });
}

export async function roundDetail(db: Db, id: number, now = new Date()): Promise<RoundDetail> {
  const round = await getRound(db, id);
  return { ...toRoundSummary(round), units: await unitStatuses(db, round, undefined, now) };
}

export async function closeRound(db: Db, user: AuthUser, id: number): Promise<RoundSummary> {
  await db.transaction().execute(async (trx) => {
    await lockRegister(trx);
    const round = await getRound(trx, id);
    if (round.closed_at !== null) throw new AppError(409, 'round_closed', 'Putaran sudah ditutup.', 'The round is already closed.');
    await repo.closeRound(trx, id, user.id);
    await recordAudit(trx, { actor: user.username, action: 'round.close', subject: `round:${id}`, details: {} });
  });
  return toRoundSummary(await getRound(db, id));
}
