/**
 * "Waktu Pembuatan" values as real DIPs hold them: years typed as text or numbers, Excel date serials, JS Dates,
 * "Januari 2024", periods such as "Setiap tahun", and the combined "Waktu dan Tempat Pembuatan" column.
 */
import { formatDate, formatIndonesianDate, MONTHS_ID, normalizeText, type Normalised } from './text.js';

/** Spellings and abbreviations of month names (Indonesian and English) → 0-based month. */
const MONTH_ALIASES: Record<string, number> = {};
(
  [
    ['januari', 'jan', 'january'],
    ['februari', 'feb', 'pebruari', 'peb', 'february'],
    ['maret', 'mar', 'march'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'jun', 'june'],
    ['juli', 'jul', 'july'],
    ['agustus', 'agu', 'agt', 'agus', 'aug', 'august'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt', 'oct', 'october'],
    ['november', 'nov', 'nop', 'nopember'],
    ['desember', 'des', 'dec', 'december'],
  ] as const
).forEach((names, month) => names.forEach((n) => (MONTH_ALIASES[n] = month)));

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for (true for every serial after 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial of 9999-12-31, Excel's last date. */
const MAX_EXCEL_SERIAL = 2_958_465;

/** An Excel date serial (45292) as an Indonesian date ("1 Januari 2024"); the time of day is dropped. */
export function excelSerialToText(serial: number): string {
  return formatDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

function validDay(year: number, month0: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month0 < 0 || month0 > 11 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

const YEAR = /^(?:tahun|thn\.?|th\.?|year)?\s*(\d{4})$/i;
const YEAR_RANGE = /^(\d{4})\s*(?:-|–|—|s\.?\s*d\.?|s\/d|sampai(?:\s+dengan)?|hingga|to)\s*(\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/i;
const MONTH_YEAR = /^([a-z]+)\.?\s+(\d{4})$/i;
/** Recurring or open periods that are a legitimate answer to "when was it made". */
const PERIOD =
  /^(?:(?:setiap|tiap|per)\s+(?:tahun|bulan|semester|triwulan|caturwulan|minggu|pekan|hari|saat|periode|kegiatan|tahun anggaran)\b.*|tahunan|bulanan|mingguan|harian|semesteran|triwulanan|berkala|insidental|sewaktu-waktu|setiap saat)$/i;

function yearOk(y: string): boolean {
  const n = Number(y);
  return n >= MIN_YEAR && n <= MAX_YEAR;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fromText(s: string): Normalised<string> {
  let m = YEAR.exec(s);
  if (m && yearOk(m[1]!)) return { value: m[1]!, recognised: true };
  m = YEAR_RANGE.exec(s);
  if (m && yearOk(m[1]!) && yearOk(m[2]!)) return { value: `${m[1]}-${m[2]}`, recognised: true };
  m = ISO_DATE.exec(s) ?? null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    if (validDay(y, mo, d)) return { value: formatIndonesianDate(y, mo, d), recognised: true };
  }
  m = DMY.exec(s);
  if (m) {
    // Indonesian order: day/month/year.
    const [d, mo, y] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    if (validDay(y, mo, d)) return { value: formatIndonesianDate(y, mo, d), recognised: true };
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const mo = MONTH_ALIASES[m[2]!.toLowerCase()];
    const [d, y] = [Number(m[1]), Number(m[3])];
    if (mo !== undefined && validDay(y, mo, d)) return { value: formatIndonesianDate(y, mo, d), recognised: true };
  }
  m = MONTH_YEAR.exec(s);
  if (m) {
    const mo = MONTH_ALIASES[m[1]!.toLowerCase()];
    if (mo !== undefined && yearOk(m[2]!)) return { value: `${MONTHS_ID[mo]} ${m[2]}`, recognised: true };
  }
  if (PERIOD.test(s)) return { value: upperFirst(s), recognised: true };
  return { value: s, recognised: false };
}

/**
 * Normalises a "Waktu Pembuatan" cell. Numbers 1900–2100 are years; larger numbers are Excel date serials
 * (what Office.js returns for a date cell). Unrecognised text is kept, trimmed, with `recognised: false`.
 *
 * @example normalizeCreatedWhen(45292) // { value: '1 Januari 2024', recognised: true }
 * @example normalizeCreatedWhen('Tahun 2023') // { value: '2023', recognised: true }
 */
export function normalizeCreatedWhen(v: unknown): Normalised<string> {
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return { value: String(v), recognised: true };
    if (v > MAX_YEAR && v <= MAX_EXCEL_SERIAL) return { value: excelSerialToText(v), recognised: true };
    return { value: String(v), recognised: false };
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? { value: '', recognised: false } : { value: formatDate(v), recognised: true };
  }
  const s = normalizeText(v);
  if (s === '') return { value: '', recognised: true };
  return fromText(s);
}

const SPLIT_DI = /^(.+?)\s+di\s+(.+)$/i;
const SPLIT_SEP = /\s*(?:[,;/|\n]|\s-\s)\s*/;
const TRAILING_YEAR = /^(.+?)[\s,]+((?:tahun\s+)?\d{4})$/i;
const LEADING_YEAR = /^((?:tahun\s+)?\d{4})[\s,]+(.+)$/i;

/**
 * Splits a combined "Waktu dan Tempat Pembuatan" cell ("2023, Jambi", "Jambi, Januari 2024", "Tahun 2023 di Jambi")
 * into its time and place. `ok: false` when no part reads as a time: then everything is the time, and the
 * caller says so.
 */
export function splitWhenWhere(v: unknown): { when: string; where: string; ok: boolean } {
  if (typeof v === 'number' || v instanceof Date) return { when: normalizeCreatedWhen(v).value, where: '', ok: true };
  const s = normalizeText(v);
  if (s === '') return { when: '', where: '', ok: true };
  const whole = fromText(s);
  if (whole.recognised) return { when: whole.value, where: '', ok: true };
  const attempt = (a: string, b: string) => {
    const wa = normalizeCreatedWhen(a);
    if (wa.recognised) return { when: wa.value, where: b, ok: true };
    const wb = normalizeCreatedWhen(b);
    if (wb.recognised) return { when: wb.value, where: a, ok: true };
    return null;
  };
  const di = SPLIT_DI.exec(s);
  const parts = s.split(SPLIT_SEP);
  const candidates: [string, string][] = [];
  if (di) candidates.push([di[1]!, di[2]!]);
  if (parts.length === 2) candidates.push([parts[0]!, parts[1]!]);
  const ty = TRAILING_YEAR.exec(s);
  if (ty) candidates.push([ty[2]!, ty[1]!]);
  const ly = LEADING_YEAR.exec(s);
  if (ly) candidates.push([ly[1]!, ly[2]!]);
  for (const [a, b] of candidates) {
    const r = attempt(a, b);
    if (r) return r;
  }
  return { when: s, where: '', ok: false };
}
