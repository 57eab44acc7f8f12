/** Numbers and dates as an Indonesian reader writes them (1.234; 21 November 2026, WIB). */
import type { Decree } from '../public.repository.js';

const INT = new Intl.NumberFormat('id-ID');
const DATE = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
const DATE_TIME = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export const fmtInt = (n: number): string => INT.format(n);
export const fmtDate = (d: Date): string => DATE.format(d);
export const fmtDateTime = (d: Date): string => `${DATE_TIME.format(d)} WIB`;

/** A decree date typed as YYYY-MM-DD, written out ("2026-03-12" → "12 Maret 2026"); anything else as it is. */
export function fmtDecreeDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return s;
  // Noon UTC is the same calendar day in every Indonesian time zone.
  return DATE.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)));
}

export const NOT_RECORDED = 'belum tercatat';

/** The SK and approval lines shown on the page, in the XLSX "Keterangan" sheet and in the riwayat. */
export function decreeLines(d: { decree: Decree | null }): [string, string][] {
  return [
    ['Nomor SK penetapan', d.decree?.number || NOT_RECORDED],
    ['Tanggal SK', d.decree?.date ? fmtDecreeDate(d.decree.date) : NOT_RECORDED],
    ['Tanggal persetujuan', d.decree?.approvedAt ? fmtDate(d.decree.approvedAt) : NOT_RECORDED],
  ];
}
