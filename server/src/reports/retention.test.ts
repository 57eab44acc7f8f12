import { describe, expect, it } from 'vitest';
import { dateText, daysBetween, longDateText, monthPeriod, officeDate, officeMonth } from './period.js';
import { retentionEnd, retentionLapsedBefore } from './retention.js';

describe('retentionEnd', () => {
  it.each([
    ['2019', '5 Tahun', '2024-12-31'], // a bare year counts to its last day
    ['Tahun 2019', 'lima tahun', '2024-12-31'],
    ['2016-2018', '2 tahun', '2020-12-31'], // a range counts from its last year
    ['Maret 2020', '6 bulan', '2020-09-30'],
    ['31 Agustus 2023', '6 bln', '2024-02-29'], // clamped to the end of a leap February
    ['1 Januari 2020', '2 tahun aktif dan 3 tahun inaktif', '2025-01-01'],
    ['2020', '10', '2030-12-31'], // a bare number is years
  ])('%s + %s → %s', (when, retention, end) => {
    expect(retentionEnd(when, retention)).toBe(end);
  });

  it.each([
    ['Setiap tahun', '5 tahun'],
    ['2019', 'Selama berlaku'],
    ['2019', 'Permanen'],
    ['2019', 'Sesuai JRA'],
    ['kemarin', '5 tahun'],
    ['', '5 tahun'],
    ['2019', ''],
  ])('cannot date %j + %j', (when, retention) => {
    expect(retentionEnd(when, retention)).toBeNull();
  });

  it('lapses only before the first day of the month', () => {
    expect(retentionLapsedBefore('2019', '5 tahun', '2025-01-01')).toEqual({ lapsed: true, end: '2024-12-31' });
    expect(retentionLapsedBefore('2019', '5 tahun', '2024-12-01')).toEqual({ lapsed: false, end: '2024-12-31' });
    expect(retentionLapsedBefore('2019', 'Permanen', '2099-01-01')).toEqual({ lapsed: false, end: null });
  });
});

describe('office calendar (WIB)', () => {
  it('a month is [1st 00:00 WIB, next 1st 00:00 WIB)', () => {
    expect(monthPeriod('2025-03')).toEqual({ start: new Date('2025-02-28T17:00:00Z'), end: new Date('2025-03-31T17:00:00Z') });
    expect(monthPeriod('2025-12').end).toEqual(new Date('2025-12-31T17:00:00Z'));
  });

  it('dates and months are read in office time', () => {
    expect(officeDate(new Date('2025-03-31T16:59:59Z'))).toBe('2025-03-31');
    expect(officeDate(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(officeMonth(new Date('2025-03-31T17:30:00Z'))).toBe('2025-04');
    expect(daysBetween('2025-02-27', '2025-03-02')).toBe(3);
    expect(daysBetween('2025-03-02', '2025-02-27')).toBe(-3);
  });

  it('writes dates as Indonesian letters do', () => {
    expect(dateText('2025-03-03')).toBe('3 Maret 2025');
    expect(longDateText('2025-03-03')).toBe('Senin, 3 Maret 2025');
    expect(longDateText('2025-08-17')).toBe('Minggu, 17 Agustus 2025');
  });
});
