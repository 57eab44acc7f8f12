/**
 * The PPID's round view as plain data: the due date a preset gives, the new-round request, who is late, and the
 * review decisions for one submission.
 */
import { DURATION_PRESETS, type CreateRoundRequest, type DurationPreset } from '../../../../server/src/rounds/rounds.contract.js';
import type { RoundDetail, RoundSummary, RoundUnitStatus, SubmissionItem } from '../../api/rounds.js';
import { checkDate, checkText, type FieldProblem } from './forms.js';

/** The SOP time standards offered first (3 and 7 days), then a month, then any date. */
export const DUE_CHOICES = ['3_hari', '7_hari', '1_bulan', 'custom'] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];

/** The due date a preset gives from `today` (YYYY-MM-DD, office time), as the server computes it. */
export function presetDueDate(preset: DurationPreset, today: string): string {
  const p = DURATION_PRESETS[preset];
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const month0 = m - 1 + p.months;
  // A month from 31 January is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(y, month0 + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month0, Math.min(d, lastDay) + p.days)).toISOString().slice(0, 10);
}

export interface RoundForm {
  title: string;
  due: DueChoice;
  customDate: string;
  /** Units asked; every known unit when all are ticked (then the request leaves the list out: "all units"). */
  unitCodes: string[];
}

export function checkRoundForm(form: RoundForm, today: string): Partial<Record<'title' | 'customDate' | 'unitCodes', FieldProblem | 'past' | 'none'>> {
  const out: Partial<Record<'title' | 'customDate' | 'unitCodes', FieldProblem | 'past' | 'none'>> = {};
  const title = checkText(form.title, 300);
  if (title) out.title = title;
  if (form.due === 'custom') {
    const date = checkDate(form.customDate);
    if (date) out.customDate = date;
    else if (form.customDate < today) out.customDate = 'past';
  }
  if (form.unitCodes.length === 0) out.unitCodes = 'none';
  return out;
}

export function dueDateOf(form: Pick<RoundForm, 'due' | 'customDate'>, today: string): string {
  return form.due === 'custom' ? form.customDate.trim() : presetDueDate(form.due, today);
}

export function createRoundRequest(form: RoundForm, allUnitCodes: readonly string[]): CreateRoundRequest {
  const all = allUnitCodes.length > 0 && allUnitCodes.every((c) => form.unitCodes.includes(c));
  return {
    title: form.title.trim(),
    ...(form.due === 'custom' ? { dueDate: form.customDate.trim() } : { durationPreset: form.due }),
    ...(all ? {} : { unitCodes: [...form.unitCodes] }),
  };
}

/** Open rounds first, then by due date, newest first. */
export function sortRounds(rounds: readonly RoundSummary[]): RoundSummary[] {
  return [...rounds].sort((a, b) => Number(a.closed) - Number(b.closed) || b.dueDate.localeCompare(a.dueDate) || b.id - a.id);
}

/** Units past the due date and not accepted (the server decides `late`), by name. */
export function lateUnits(detail: Pick<RoundDetail, 'units'>): RoundUnitStatus[] {
  return detail.units.filter((u) => u.late).sort((a, b) => a.unitName.localeCompare(b.unitName));
}

export type Decision = { status: 'accepted' | 'returned'; comment: string };

/**
 * Decisions to send: only items whose decision the PPID set or changed here. A returned item must say why; the
 * ids of those that do not come back in `missingComment` (nothing is sent then).
 */
export function reviewDecisions(
  items: readonly SubmissionItem[],
  draft: Readonly<Record<string, Decision>>,
): { decisions: { rowId: string; status: 'accepted' | 'returned'; comment?: string }[]; missingComment: string[] } {
  const decisions: { rowId: string; status: 'accepted' | 'returned'; comment?: string }[] = [];
  const missingComment: string[] = [];
  for (const item of items) {
    const d = draft[item.rowId];
    if (!d) continue;
    const comment = d.comment.trim();
    if (d.status === item.status && comment === (item.comment ?? '')) continue;
    if (d.status === 'returned' && comment === '') {
      missingComment.push(item.rowId);
      continue;
    }
    decisions.push({ rowId: item.rowId, status: d.status, ...(comment ? { comment } : {}) });
  }
  return { decisions: missingComment.length > 0 ? [] : decisions, missingComment };
}

/** Every undecided item accepted, keeping decisions already drafted. */
export function acceptPending(items: readonly SubmissionItem[], draft: Readonly<Record<string, Decision>>): Record<string, Decision> {
  const next: Record<string, Decision> = { ...draft };
  for (const i of items) if (i.status === 'pending' && !next[i.rowId]) next[i.rowId] = { status: 'accepted', comment: '' };
  return next;
}
