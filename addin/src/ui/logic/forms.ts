/** Small checks the workflow forms share: required text, length, and a calendar date (the server's own rule). */
import { isoDateSchema } from '../../../../shared/api.js';

export type FieldProblem = 'required' | 'tooLong' | 'invalidDate';

export function checkText(value: string, max: number): FieldProblem | null {
  const v = value.trim();
  if (v === '') return 'required';
  return v.length > max ? 'tooLong' : null;
}

/** A `YYYY-MM-DD` date that exists (what an `<input type="date">` gives, or a person types). */
export function checkDate(value: string): FieldProblem | null {
  if (value.trim() === '') return 'required';
  return isoDateSchema.safeParse(value.trim()).success ? null : 'invalidDate';
}

/** Today in the office's time zone (WIB), as `YYYY-MM-DD`: the SOP's days are Jakarta days. */
export function officeToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A `YYYY-MM-DD` date shown as a person reads it ("24 Nov 2026"), in the pane's language. */
export function formatDate(lang: 'id' | 'en', iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
