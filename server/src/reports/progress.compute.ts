/**
 * Round progress per unit (SOP: "Tanda terima dan kartu kontrol", the verification cycle of SOP Pengelolaan
 * Informasi Publik step 6): on time / late / missing against the due date, rows returned, and how long receipt and
 * verification took against the time standards. Pure: the service reads the facts from the rounds tables.
 */
import { daysBetween, officeDate } from './period.js';
import type { ReviewState, RoundProgress, RoundRef, SubmissionTiming, TimeStandard, UnitProgress } from './reports.contract.js';

export interface ProgressFacts {
  round: { id: number; title: string; due_date: string; due_at: Date; created_at: Date; closed_at: Date | null };
  units: readonly { code: string; name: string }[];
  /** Ordered by unit, then seq. */
  submissions: readonly { id: number; unit_code: string; seq: number; submitted_at: Date }[];
  /** Per submission and status: item count and the last decision time. */
  statusCounts: readonly { submission_id: number; status: 'pending' | 'accepted' | 'returned'; n: number | string; last_decided: Date | string | null }[];
  /** Per unit: distinct rows returned at least once; the first decision not carried over. */
  reviewFacts: readonly { unit_code: string; returned_rows: number | string; first_decided: Date | string | null }[];
  standards: readonly TimeStandard[];
  now: Date;
}

const MINUTE = 60_000;
const time = (d: Date | string | null | undefined): number | null => (d === null || d === undefined ? null : new Date(d).getTime());

export function toRoundRef(r: ProgressFacts['round']): RoundRef {
  return { id: r.id, title: r.title, dueDate: r.due_date, dueAt: r.due_at.toISOString(), createdAt: r.created_at.toISOString(), closed: r.closed_at !== null };
}

/**
 * Measured minutes against a standard. Undecided but already longer than the standard is a breach (false), not
 * "nothing to measure": the PPID should see it before the decision comes.
 */
function judge(minutes: number | null, elapsed: number | null, standard: TimeStandard | undefined): boolean | null {
  if (!standard) return null;
  if (minutes !== null) return minutes <= standard.minutes;
  return elapsed !== null && elapsed > standard.minutes ? false : null;
}

export function computeProgress(f: ProgressFacts): RoundProgress {
  const dueAt = f.round.due_at.getTime();
  const now = f.now.getTime();
  const today = officeDate(f.now);
  const std = new Map(f.standards.map((s) => [s.key, s]));
  const byUnit = new Map<string, ProgressFacts['submissions'][number][]>();
  for (const s of f.submissions) byUnit.set(s.unit_code, [...(byUnit.get(s.unit_code) ?? []), s]);
  const counts = new Map<number, { accepted: number; returned: number; pending: number; lastDecided: number | null }>();
  for (const c of f.statusCounts) {
    const k = counts.get(c.submission_id) ?? { accepted: 0, returned: 0, pending: 0, lastDecided: null };
    k[c.status] += Number(c.n);
    const at = time(c.last_decided);
    if (at !== null && (k.lastDecided === null || at > k.lastDecided)) k.lastDecided = at;
    counts.set(c.submission_id, k);
  }
  const facts = new Map(f.reviewFacts.map((r) => [r.unit_code, r]));

  const units: UnitProgress[] = f.units.map((u) => {
    const subs = byUnit.get(u.code) ?? [];
    const first = subs[0];
    const last = subs[subs.length - 1];
    const firstAt = first ? first.submitted_at.getTime() : null;
    let timing: SubmissionTiming;
    let daysLate: number | null = null;
    if (first) {
      timing = firstAt! <= dueAt ? 'on_time' : 'late';
      if (timing === 'late') daysLate = daysBetween(f.round.due_date, officeDate(first.submitted_at));
    } else {
      timing = now > dueAt ? 'missing' : 'not_yet_due';
      if (timing === 'missing') daysLate = daysBetween(f.round.due_date, today);
    }
    const latest = last ? (counts.get(last.id) ?? { accepted: 0, returned: 0, pending: 0, lastDecided: null }) : null;
    const review: ReviewState = !latest ? 'not_started' : latest.returned > 0 ? 'returned' : latest.pending > 0 ? 'submitted' : 'accepted';
    const fact = facts.get(u.code);
    const firstDecided = time(fact?.first_decided);
    const elapsed = firstAt === null ? null : Math.round((now - firstAt) / MINUTE);
    const receiveMinutes = firstAt !== null && firstDecided !== null ? Math.round((firstDecided - firstAt) / MINUTE) : null;
    // Accepted with no decision at all: the unit sent nothing to decide on (no rows, no removals).
    const acceptedAt = review === 'accepted' ? (latest!.lastDecided ?? last!.submitted_at.getTime()) : null;
    const verifyMinutes = firstAt !== null && acceptedAt !== null ? Math.round((acceptedAt - firstAt) / MINUTE) : null;
    return {
      unitCode: u.code,
      unitName: u.name,
      timing,
      daysLate,
      submissions: subs.length,
      firstSubmittedAt: first?.submitted_at.toISOString() ?? null,
      lastSubmittedAt: last?.submitted_at.toISOString() ?? null,
      review,
      returnedRows: Number(fact?.returned_rows ?? 0),
      openReturned: latest?.returned ?? 0,
      receiveMinutes,
      verifyMinutes,
      receiveWithinStandard: judge(receiveMinutes, elapsed, std.get('receive')),
      verifyWithinStandard: judge(verifyMinutes, elapsed, std.get('verify')),
    };
  });

  const count = (p: (u: UnitProgress) => boolean) => units.filter(p).length;
  return {
    round: toRoundRef(f.round),
    asOf: f.now.toISOString(),
    standards: [...f.standards],
    units,
    summary: {
      units: units.length,
      onTime: count((u) => u.timing === 'on_time'),
      late: count((u) => u.timing === 'late'),
      missing: count((u) => u.timing === 'missing'),
      notYetDue: count((u) => u.timing === 'not_yet_due'),
      accepted: count((u) => u.review === 'accepted'),
      returnedRows: units.reduce((n, u) => n + u.returnedRows, 0),
      receiveWithin: count((u) => u.receiveWithinStandard === true),
      receiveMeasured: count((u) => u.receiveWithinStandard !== null),
      verifyWithin: count((u) => u.verifyWithinStandard === true),
      verifyMeasured: count((u) => u.verifyWithinStandard !== null),
    },
  };
}
