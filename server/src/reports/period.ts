/**
 * Calendar arithmetic in office time. Reports speak of months and due dates as the office lives them (WIB, UTC+7,
 * where the SOPs come from — the same offset the rounds use for due dates), never in the server's time zone.
 */
import { MONTHS_ID } from '../../../shared/text.js';

const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS_ID = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/** The calendar day (office time) of an instant, YYYY-MM-DD. */
export const officeDate = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The month `YYYY-MM` as the instants [start, end) in office time. */
export function monthPeriod(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1) - OFFSET_MS), end: new Date(Date.UTC(y, m, 1) - OFFSET_MS) };
}

/** The month an instant falls in (office time), YYYY-MM. */
export const officeMonth = (d: Date): string => officeDate(d).slice(0, 7);

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole calendar days from `a` to `b` (both YYYY-MM-DD); negative when b is earlier. */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

/** "2025-03-03" → "3 Maret 2025". */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

/** "2025-03-03" → "Senin, 3 Maret 2025": how a letter writes a date. */
export function longDateText(date: string): string {
  return `${WEEKDAYS_ID[new Date(`${date}T00:00:00Z`).getUTCDay()]}, ${dateText(date)}`;
}

/** "2025-03" → "Maret 2025". */
export function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS_ID[m - 1]} ${y}`;
}

/** An instant as "3 Maret 2025 14.05 WIB". */
export function dateTimeText(d: Date): string {
  const local = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${dateText(local.slice(0, 10))} ${local.slice(11, 13)}.${local.slice(14, 16)} WIB`;
}
