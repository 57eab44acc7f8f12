/**
 * When a row's retention ends: its Waktu Pembuatan plus its Jangka Waktu Penyimpanan, both read with shared/'s
 * normalisers. Only what can be dated counts: a year, a range of years, a month, a day, plus "N tahun", "N bulan"
 * or "N tahun aktif, M tahun inaktif". "Setiap tahun", "Selama berlaku", "Permanen", "Sesuai JRA" never lapse here.
 */
import { MONTHS_ID, normalizeCreatedWhen, normalizeRetention } from '../../../shared/normalize.js';

const YEAR = /^(\d{4})$/;
const YEAR_RANGE = /^(\d{4})-(\d{4})$/;
const MONTH_YEAR = /^(\p{L}+) (\d{4})$/u;
const DAY_MONTH_YEAR = /^(\d{1,2}) (\p{L}+) (\d{4})$/u;

/** The last day the creation can have been on, as [year, month0, day]: a bare year is read as its 31 December. */
function createdBy(createdWhen: string): [number, number, number] | null {
  const when = normalizeCreatedWhen(createdWhen);
  if (!when.recognised) return null;
  const v = when.value;
  let m = YEAR.exec(v) ?? YEAR_RANGE.exec(v);
  if (m) return [Number(m[2] ?? m[1]), 11, 31];
  m = DAY_MONTH_YEAR.exec(v);
  if (m) {
    const month0 = MONTHS_ID.indexOf(m[2] as (typeof MONTHS_ID)[number]);
    return month0 < 0 ? null : [Number(m[3]), month0, Number(m[1])];
  }
  m = MONTH_YEAR.exec(v);
  if (m) {
    const month0 = MONTHS_ID.indexOf(m[1] as (typeof MONTHS_ID)[number]);
    return month0 < 0 ? null : [Number(m[2]), month0, new Date(Date.UTC(Number(m[2]), month0 + 1, 0)).getUTCDate()];
  }
  return null;
}

/** The retention as [years, months], or null when it is not a length of time. */
function retentionLength(retention: string): [number, number] | null {
  const r = normalizeRetention(retention);
  if (!r.recognised) return null;
  let m = /^(\d+) tahun aktif, (\d+) tahun inaktif$/.exec(r.value);
  if (m) return [Number(m[1]) + Number(m[2]), 0];
  m = /^(\d+) (tahun|bulan)$/.exec(r.value);
  if (m) return m[2] === 'tahun' ? [Number(m[1]), 0] : [0, Number(m[1])];
  return null;
}

/**
 * The last day of the row's retention (YYYY-MM-DD), or null when it cannot be dated.
 *
 * @example retentionEnd('2019', '5 Tahun') // '2024-12-31'
 * @example retentionEnd('Maret 2020', '6 bulan') // '2020-09-30'
 */
export function retentionEnd(createdWhen: string, retention: string): string | null {
  const from = createdBy(createdWhen);
  const length = retentionLength(retention);
  if (!from || !length) return null;
  const [y, month0, day] = from;
  const targetMonth0 = month0 + length[1];
  // Clamp the day: 31 August + 6 months is 28/29 February, not 3 March.
  const lastDay = new Date(Date.UTC(y + length[0], targetMonth0 + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y + length[0], targetMonth0, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Whether the retention ended before `firstDay` (YYYY-MM-DD, the first day of the reported month). */
export function retentionLapsedBefore(createdWhen: string, retention: string, firstDay: string): { lapsed: boolean; end: string | null } {
  const end = retentionEnd(createdWhen, retention);
  return { lapsed: end !== null && end < firstDay, end };
}
